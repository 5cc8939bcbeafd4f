"""``receive``: the institution's incoming referrals, kept up to date in a folder or a SQLite
database — from the event feed (``GET /v1/referral-events``, resumable: the cursor is in the
state file) or from webhook deliveries (``--listen``: a small HTTP receiver that verifies each
delivery's signature).

For every new event of a referral your institution receives, the referral is read again and
written whole: ``DIR/<referral id>.json`` (and a line in ``DIR/events.jsonl``), or a row of the
table ``incoming_referrals``. Events are handled once each (their ids are remembered), so the
feed and webhooks may both be used. Adapt :class:`FolderSink` / :class:`SqliteSink` — or write
your own ``Sink`` — to put referrals where your case system picks them up.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Protocol

from splot_connector.state import State
from splot_sdk import Event, Splot, WebhookVerificationError, iter_feed, verify_webhook
from splot_sdk.feed import REFERRAL_EVENTS_PATH
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.models import ReferralRead

FEED = "referral-events"
MAX_BODY = 1_000_000


class ReadFailed(Exception):
    """Splot did not give a referral (429, 5xx…): stop, and take the event again next time."""

    def __init__(self, status: int) -> None:
        super().__init__(f"reading a referral failed ({status}); run again later")
        self.status = status


class Sink(Protocol):
    def write(self, referral: dict[str, Any], event: Event) -> None: ...


class FolderSink:
    """One JSON file per referral (replaced atomically), and every event appended to events.jsonl."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def write(self, referral: dict[str, Any], event: Event) -> None:
        target = self.folder / f"{referral['id']}.json"
        temporary = target.with_suffix(".json.tmp")
        document = {"referral": referral, "last_event": {"id": event.id, "type": event.type}}
        temporary.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
        os.replace(temporary, target)
        with (self.folder / "events.jsonl").open("a", encoding="utf-8") as log:
            line = {"id": event.id, "type": event.type, "referral_id": event.aggregate_id}
            log.write(json.dumps({**line, "occurred_at": event.occurred_at.isoformat()}) + "\n")


class SqliteSink:
    """The table ``incoming_referrals`` of a SQLite database: one row per referral, its latest state."""

    def __init__(self, path: Path) -> None:
        self.db = sqlite3.connect(path, check_same_thread=False)
        self.db.execute(
            "create table if not exists incoming_referrals (referral_id text primary key, number text, "
            "status text, person_id text, service_type_code text, last_event text, body text not null)"
        )

    def write(self, referral: dict[str, Any], event: Event) -> None:
        with self.db:
            self.db.execute(
                "insert into incoming_referrals values (?, ?, ?, ?, ?, ?, ?) on conflict (referral_id) do "
                "update set number = excluded.number, status = excluded.status, person_id = excluded.person_id, "
                "service_type_code = excluded.service_type_code, last_event = excluded.last_event, "
                "body = excluded.body",
                (
                    referral["id"],
                    referral.get("number"),
                    referral.get("status"),
                    referral.get("person_id"),
                    referral.get("service_type_code"),
                    event.type,
                    json.dumps(referral, ensure_ascii=False),
                ),
            )


def sink_for(target: str) -> Sink:
    """``sqlite:PATH`` (``sqlite`` alone: incoming.sqlite3) or a folder."""
    if target == "sqlite" or target.startswith("sqlite:"):
        return SqliteSink(Path(target.partition(":")[2] or "incoming.sqlite3"))
    return FolderSink(Path(target))


@dataclass
class ReceiveReport:
    events: int = 0
    written: int = 0

    def summary(self) -> str:
        return f"events {self.events}, incoming referrals written {self.written}"


class Receiver:
    """Handles an event once: the referral read again and written when it is one you receive."""

    def __init__(self, splot: Splot, state: State, sink: Sink) -> None:
        self.splot = splot
        self.state = state
        self.sink = sink
        self.report = ReceiveReport()
        self._lock = threading.Lock()

    def handle(self, event: Event) -> None:
        with self._lock:
            if self.state.seen(event.id):
                return
            self.report.events += 1
            if event.aggregate_type == "referral":
                read = get_referral.sync_detailed(uuid.UUID(event.aggregate_id), client=self.splot.referrals)
                referral = read.parsed
                if isinstance(referral, ReferralRead):
                    if isinstance(referral.my_sides, list) and "receiver" in referral.my_sides:
                        self.sink.write(referral.to_dict(), event)
                        self.report.written += 1
                elif read.status_code not in (403, 404):  # 404/403: discarded, or no longer yours
                    # not marked as seen, the cursor stays before it: the next run tries again
                    raise ReadFailed(int(read.status_code))
            self.state.mark_seen(event.id)  # after the write: a crash in between handles it again


def from_feed(
    splot: Splot, state: State, sink: Sink, *, follow: bool = False, since: str | None = None
) -> ReceiveReport:
    """The feed's events after the saved cursor; on the very first run, from ``since`` (an ISO
    timestamp: skip the history) or from the beginning."""
    receiver = Receiver(splot, state, sink)
    http = splot.referrals.get_httpx_client()

    def fetch(after: str | None) -> Any:
        query = {"after": after} if after is not None else ({"since": since} if since else {})
        return http.get(REFERRAL_EVENTS_PATH, params=query)

    feed = iter_feed(fetch, after=state.cursor(FEED), follow=follow)
    for event in feed:
        receiver.handle(event)
        state.save_cursor(FEED, feed.cursor)
    state.save_cursor(FEED, feed.cursor)
    return receiver.report


def webhook_server(
    splot: Splot, state: State, sink: Sink, secrets: Sequence[str], host: str, port: int
) -> tuple[ThreadingHTTPServer, Receiver]:
    """An HTTP server taking webhook deliveries on any path: 204 once handled, 400 when the
    signature does not verify, 503 when handling failed (Splot retries a delivery that is not
    answered 2xx, with a growing pause)."""
    receiver = Receiver(splot, state, sink)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (http.server's name)
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                self._answer(413)
                return
            body = self.rfile.read(length)
            try:
                event = verify_webhook(list(secrets), dict(self.headers.items()), body)
            except WebhookVerificationError:
                self._answer(400)
                return
            try:
                receiver.handle(event)
            except Exception:  # noqa: BLE001 (answered 503: Splot delivers it again later)
                self._answer(503)
                return
            self._answer(204)

        def _answer(self, status: int) -> None:
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return ThreadingHTTPServer((host, port), Handler), receiver
