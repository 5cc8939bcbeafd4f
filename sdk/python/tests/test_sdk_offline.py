"""The hand-written helpers' edge cases, without a server (httpx.MockTransport, fakes)."""

from __future__ import annotations

import base64
import json
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from standardwebhooks.webhooks import Webhook

from splot_sdk import (
    ClientCredentialsAuth,
    ConcurrentChangeError,
    Event,
    FeedIterator,
    FeedPage,
    ReadError,
    WebhookVerificationError,
    if_match_retry,
    standard_secret,
    verify_webhook,
)

TOKEN_URL = "https://splot.test/api/directory/v1/oauth/token"
EVENT = {
    "id": str(uuid.uuid4()),
    "type": "referral.accepted",
    "occurred_at": "2026-12-05T12:00:00Z",
    "aggregate_type": "referral",
    "aggregate_id": str(uuid.uuid4()),
    "data": {"status": "accepted"},
}


# -- tokens -------------------------------------------------------------------------------------


@dataclass
class FakeServer:
    """Issues token-1, token-2…; the API accepts only ``valid`` tokens (all by default)."""

    expires_in: int = 900
    issued: list[str] = field(default_factory=list)
    valid: set[str] | None = None
    seen: list[str | None] = field(default_factory=list)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url == TOKEN_URL:
            form = dict(x.split("=") for x in request.content.decode().split("&"))
            assert form["grant_type"] == "client_credentials" and form["client_id"] == "splot_x"
            token = f"token-{len(self.issued) + 1}"
            self.issued.append(token)
            return httpx.Response(200, json={"access_token": token, "expires_in": self.expires_in})
        auth = request.headers.get("Authorization")
        self.seen.append(auth)
        token = (auth or "").removeprefix("Bearer ")
        if self.valid is not None and token not in self.valid:
            return httpx.Response(401, json={"code": "invalid_token"})
        return httpx.Response(200, json={"ok": True})


def _client(server: FakeServer, clock: list[float]) -> tuple[httpx.Client, ClientCredentialsAuth]:
    auth = ClientCredentialsAuth(TOKEN_URL, "splot_x", "s3cret", clock=lambda: clock[0])
    return httpx.Client(transport=httpx.MockTransport(server), auth=auth, base_url="https://splot.test"), auth


def test_the_token_is_renewed_shortly_before_it_expires() -> None:
    server, clock = FakeServer(expires_in=300), [1000.0]
    client, auth = _client(server, clock)
    client.get("/api/referrals/v1/x")
    clock[0] += 300 - auth.refresh_margin - 1  # still fresh
    client.get("/api/referrals/v1/x")
    clock[0] += 2  # within the margin now
    client.get("/api/referrals/v1/x")
    assert server.seen == ["Bearer token-1", "Bearer token-1", "Bearer token-2"]


def test_a_401_renews_the_token_once_and_no_more() -> None:
    server, clock = FakeServer(valid=set()), [0.0]  # the API refuses every token
    client, auth = _client(server, clock)
    response = client.get("/api/referrals/v1/x")
    assert response.status_code == 401  # the caller gets the refusal, no loop
    assert server.issued == ["token-1", "token-2"]
    assert server.seen == ["Bearer token-1", "Bearer token-2"]


async def test_the_same_auth_serves_async_clients() -> None:
    server, clock = FakeServer(), [0.0]
    auth = ClientCredentialsAuth(TOKEN_URL, "splot_x", "s3cret", clock=lambda: clock[0])
    async with httpx.AsyncClient(transport=httpx.MockTransport(server), auth=auth) as client:
        assert (await client.get("https://splot.test/a")).status_code == 200
        assert (await client.get("https://splot.test/b")).status_code == 200
    assert server.issued == ["token-1"]


# -- If-Match -----------------------------------------------------------------------------------


def _response(status: int, etag: str | None = None, body: Any = None) -> httpx.Response:
    headers = {"ETag": etag} if etag else {}
    return httpx.Response(status, headers=headers, json=body if body is not None else {})


def test_if_match_retry_returns_other_refusals_as_they_are() -> None:
    written: list[tuple[Any, str]] = []

    def write(body: Any, etag: str) -> httpx.Response:
        written.append((body, etag))
        return _response(409)

    result = if_match_retry(
        read=lambda: _response(200, '"3"', {"n": 3}), change=lambda r: {"n": r["n"] + 1}, write=write
    )
    assert result.status_code == 409 and written == [({"n": 4}, '"3"')]


def test_if_match_retry_needs_a_readable_resource_with_an_etag() -> None:
    with pytest.raises(ReadError):
        if_match_retry(read=lambda: _response(404), change=lambda r: r, write=lambda b, e: _response(200))
    with pytest.raises(ReadError):
        if_match_retry(read=lambda: _response(200), change=lambda r: r, write=lambda b, e: _response(200))
    with pytest.raises(ValueError):
        if_match_retry(
            read=lambda: _response(200, '"1"'), change=lambda r: r, write=lambda b, e: b, attempts=0
        )


def test_if_match_retry_rereads_after_each_412() -> None:
    versions = iter(['"1"', '"2"', '"3"'])
    etags: list[str] = []

    def write(body: Any, etag: str) -> httpx.Response:
        etags.append(etag)
        return _response(412)

    with pytest.raises(ConcurrentChangeError):
        if_match_retry(read=lambda: _response(200, next(versions)), change=lambda r: r, write=write)
    assert etags == ['"1"', '"2"', '"3"']


# -- webhooks -----------------------------------------------------------------------------------


def _signed(secret: str, body: bytes, at: float | None = None) -> dict[str, str]:
    msg_id = "msg_" + uuid.uuid4().hex
    moment = datetime.fromtimestamp(at or time.time(), tz=UTC)
    signature = Webhook(standard_secret(secret)).sign(msg_id, moment, body.decode())
    return {
        "Webhook-Id": msg_id,
        "Webhook-Timestamp": str(int(moment.timestamp())),
        "Webhook-Signature": signature,
    }


def test_an_old_url_safe_secret_verifies_like_its_standard_form() -> None:
    key = bytes(range(250, 256)) * 6  # bytes whose base64 has + and /
    standard = "whsec_" + base64.b64encode(key).decode()
    url_safe = "whsec_" + base64.urlsafe_b64encode(key).decode().rstrip("=")
    assert "+" in standard or "/" in standard
    assert standard_secret(url_safe) == standard
    body = json.dumps(EVENT).encode()
    assert verify_webhook(url_safe, _signed(standard, body), body) == Event.from_dict(EVENT)


def test_a_signed_body_that_is_no_event_is_refused() -> None:
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()
    for body in (b"[1, 2]", b'{"id": 1}'):
        with pytest.raises(WebhookVerificationError):
            verify_webhook(secret, _signed(secret, body), body)
    with pytest.raises(ValueError):
        verify_webhook([], {}, b"{}")


# -- the feed -----------------------------------------------------------------------------------


def test_following_the_feed_waits_and_keeps_its_position_on_empty_pages() -> None:
    other = {**EVENT, "id": str(uuid.uuid4())}
    pages = [
        {"items": [EVENT], "next_cursor": "c1", "has_more": False},
        {"items": [], "next_cursor": "c1", "has_more": False},
        {"items": [other], "next_cursor": "c2", "has_more": False},
    ]
    asked: list[str | None] = []
    slept: list[float] = []

    def fetch(after: str | None) -> dict[str, Any]:
        asked.append(after)
        return pages[len(asked) - 1]

    feed = FeedIterator(fetch, follow=True, poll_interval=7, sleep=slept.append)
    events = iter(feed)
    assert next(events).id == EVENT["id"]
    assert next(events).id == other["id"]
    assert asked == [None, "c1", "c1"] and slept == [7, 7]
    assert feed.cursor == "c1"  # the second event is handed over, not yet done


def test_a_page_must_look_like_one() -> None:
    with pytest.raises(ValueError):
        FeedPage.parse({"events": []})
    with pytest.raises(httpx.HTTPStatusError):
        FeedPage.parse(httpx.Response(422, json={}, request=httpx.Request("GET", "https://splot.test/")))
