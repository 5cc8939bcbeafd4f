"""The receiver's handling of Splot's refusals, without a server (httpx.MockTransport)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from splot_connector.receive import FolderSink, ReadFailed, Receiver
from splot_connector.state import State
from splot_sdk import Event, Splot


def _splot(referral_status: int) -> Splot:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": "t", "expires_in": 900})
        problem = {"type": "about:blank", "title": "x", "status": referral_status, "code": "x"}
        return httpx.Response(
            referral_status, json=problem, headers={"Content-Type": "application/problem+json"}
        )

    return Splot("https://splot.test", "splot_x", "s", httpx_args={"transport": httpx.MockTransport(answer)})


def _event() -> Event:
    return Event(str(uuid.uuid4()), "referral.sent", datetime.now(UTC), "referral", str(uuid.uuid4()))


@pytest.mark.parametrize("status", [429, 500])
def test_a_referral_that_cannot_be_read_stops_the_run_and_is_taken_again(tmp_path: Path, status: int) -> None:
    state, event = State(tmp_path / "s.sqlite3"), _event()
    with _splot(status) as splot, pytest.raises(ReadFailed):
        Receiver(splot, state, FolderSink(tmp_path / "in")).handle(event)
    assert not state.seen(event.id)


def test_a_referral_gone_or_no_longer_visible_is_skipped(tmp_path: Path) -> None:
    state, event = State(tmp_path / "s.sqlite3"), _event()
    with _splot(404) as splot:
        receiver = Receiver(splot, state, FolderSink(tmp_path / "in"))
        receiver.handle(event)
        receiver.handle(event)  # once only
    assert state.seen(event.id)
    assert receiver.report.events == 1 and receiver.report.written == 0
    assert list((tmp_path / "in").iterdir()) == []
