"""``Idempotency-Key`` for POSTs that integrators retry.

The first request with a key reserves it (a unique row per caller and key), runs, and stores its
response; a retry with the same key and the same body gets the stored response replayed; the same
key with a different body is a 422; a retry while the first is still running is a 409. Failed
requests (5xx) release the key so that the caller can retry.
"""

from __future__ import annotations

import hashlib
import random
from datetime import timedelta
from typing import Any

from sqlalchemy import (
    JSON,
    Column,
    Integer,
    LargeBinary,
    String,
    Table,
    UniqueConstraint,
    delete,
    insert,
    select,
    update,
)
from sqlalchemy.engine import RowMapping
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from splot.common.db import UTCDateTime, rows_affected, utcnow
from splot.common.errors import problem_response
from splot.common.events import platform_metadata

HEADER = "idempotency-key"
MAX_KEY_LENGTH = 200
RETENTION = timedelta(hours=24)
#: Share of stores that also purge expired entries (a scan; cheap when spread over requests).
PURGE_PROBABILITY = 0.01

idempotency_key = Table(
    "idempotency_key",
    platform_metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("caller", String(128), nullable=False),
    Column("key", String(MAX_KEY_LENGTH), nullable=False),
    Column("request_hash", String(64), nullable=False),
    Column("status_code", Integer, nullable=True),
    Column("response_headers", JSON, nullable=True),
    Column("response_body", LargeBinary, nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    UniqueConstraint("caller", "key", name="uq_idempotency_key_caller_key"),
)

_REPLAYED_HEADERS = {"content-type", "location", "etag"}


class IdempotencyMiddleware:
    """ASGI middleware; identifies the caller from the verified bearer token."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        key = request.headers.get(HEADER)
        if key is None:
            await self.app(scope, receive, send)
            return
        if not key or len(key) > MAX_KEY_LENGTH:
            response = problem_response(
                request,
                status=400,
                code="invalid_idempotency_key",
                detail=f"Idempotency-Key must be 1-{MAX_KEY_LENGTH} characters",
            )
            await response(scope, receive, send)
            return
        caller = await _caller(request)
        if caller is None:
            # Unauthenticated: let the endpoint answer 401 itself; nothing to remember.
            await self.app(scope, receive, send)
            return

        body = await _read_body(receive)
        maker: async_sessionmaker[AsyncSession] = scope["app"].state.sessionmaker
        digest = _request_digest(scope, body)
        existing = await _claim(maker, caller, key, digest)
        if existing is not None:
            await _answer_from_record(request, existing, digest, scope, receive, send)
            return
        await self._run_and_store(scope, body, receive, send, maker=maker, caller=caller, key=key)

    async def _run_and_store(
        self,
        scope: Scope,
        body: bytes,
        receive: Receive,
        send: Send,
        *,
        maker: async_sessionmaker[AsyncSession],
        caller: str,
        key: str,
    ) -> None:
        """Run the request (its body, already read, replayed to the app) and store the answer
        before the client sees it: a retry sent the instant a 201 arrives must be replayed, not
        find the key still "in progress"."""
        captured: dict[str, Any] = {"status": 500, "headers": [], "body": bytearray()}
        held: list[Message] = []
        replayed = False

        async def replay_receive() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        async def capture_send(message: Message) -> None:
            if message["type"] == "http.response.start":
                captured["status"] = message["status"]
                captured["headers"] = message.get("headers", [])
            elif message["type"] == "http.response.body":
                captured["body"] += message.get("body", b"")
            held.append(message)

        try:
            await self.app(scope, replay_receive, capture_send)
        except BaseException:
            await _store(maker, caller, key, {"status": 500, "headers": [], "body": b""})
            raise
        await _store(maker, caller, key, captured)
        for message in held:
            await send(message)


def _request_digest(scope: Scope, body: bytes) -> str:
    """Method, path, query string and body: the same key with ?dry_run=true and without is two
    different requests (a replay must never answer one with the other's result)."""
    return hashlib.sha256(
        scope["method"].encode()
        + b" "
        + scope["path"].encode()
        + b"?"
        + scope.get("query_string", b"")
        + b"\n"
        + body
    ).hexdigest()


async def _find(session: AsyncSession, caller: str, key: str) -> RowMapping | None:
    found = await session.execute(
        select(idempotency_key).where(idempotency_key.c.caller == caller, idempotency_key.c.key == key)
    )
    return found.mappings().first()


async def _claim(
    maker: async_sessionmaker[AsyncSession], caller: str, key: str, digest: str
) -> RowMapping | None:
    """Record that this caller's request with ``key`` is under way; or, if the key is already
    recorded (and not past the retention window), that record: answered or still running."""
    async with maker() as session:
        existing = await _find(session, caller, key)
        if existing is not None and existing["created_at"] < utcnow() - RETENTION:
            await session.execute(delete(idempotency_key).where(idempotency_key.c.id == existing["id"]))
            await session.commit()
            existing = None
        if existing is not None:
            return existing
        try:
            await session.execute(
                insert(idempotency_key).values(
                    caller=caller, key=key, request_hash=digest, created_at=utcnow()
                )
            )
            await session.commit()
        except IntegrityError:  # the same key, at the same instant: the other request claimed it
            await session.rollback()
            return await _find(session, caller, key)
        return None


async def _caller(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if not auth.lower().startswith("bearer "):
        return None
    verifier = getattr(request.app.state, "token_verifier", None)
    if verifier is None:
        return None
    try:
        principal = await verifier.verify(auth[7:].strip())
    except Exception:  # any failure: the endpoint's own auth will produce the 401
        return None
    return f"{principal.kind}:{principal.subject}:{principal.institution_id}"


async def _read_body(receive: Receive) -> bytes:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def _answer_from_record(
    request: Request, record: Any, digest: str, scope: Scope, receive: Receive, send: Send
) -> None:
    if record["request_hash"] != digest:
        response = problem_response(
            request,
            status=422,
            code="idempotency_key_reused",
            detail="this Idempotency-Key was used with a different request",
        )
    elif record["status_code"] is None:
        response = problem_response(
            request,
            status=409,
            code="idempotency_in_progress",
            detail="a request with this Idempotency-Key is still being processed",
            headers={"Retry-After": "1"},
        )
    else:
        await send(
            {
                "type": "http.response.start",
                "status": record["status_code"],
                "headers": [(k.encode(), v.encode()) for k, v in (record["response_headers"] or {}).items()]
                + [(b"idempotent-replayed", b"true")],
            }
        )
        await send({"type": "http.response.body", "body": record["response_body"] or b""})
        return
    await response(scope, receive, send)


async def purge_expired(session: AsyncSession) -> int:
    """Forget stored responses older than the retention window: they may hold personal data."""
    result = await session.execute(
        delete(idempotency_key).where(idempotency_key.c.created_at < utcnow() - RETENTION)
    )
    return rows_affected(result)


async def _store(
    maker: async_sessionmaker[AsyncSession], caller: str, key: str, captured: dict[str, Any]
) -> None:
    condition = (idempotency_key.c.caller == caller) & (idempotency_key.c.key == key)
    async with maker() as session:
        if captured["status"] >= 500:
            await session.execute(delete(idempotency_key).where(condition))
        else:
            headers = {
                k.decode().lower(): v.decode()
                for k, v in captured["headers"]
                if k.decode().lower() in _REPLAYED_HEADERS
            }
            await session.execute(
                update(idempotency_key)
                .where(condition)
                .values(
                    status_code=captured["status"],
                    response_headers=headers,
                    response_body=bytes(captured["body"]),
                )
            )
        if random.random() < PURGE_PROBABILITY:  # noqa: S311 - spreading work, not security
            await purge_expired(session)
        await session.commit()
