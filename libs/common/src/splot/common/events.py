"""Transactional outbox, the ``GET /v1/events`` feed and the published event contracts.

An event row is inserted in the same transaction as the change it describes, so the feed never
shows a change that rolled back and never misses one that committed. The sequence is strictly
increasing *in commit order*: on PostgreSQL, writers take a transaction-scoped advisory lock
before inserting, so a transaction that got sequence 41 cannot commit after one that got 42 and
be skipped by a consumer whose cursor already passed 42. (SQLite serialises writers anyway.)

Every event type is declared with the schema of its payload (:func:`declare`); :func:`emit`
refuses a payload that does not match it, so a producer cannot drift from its contract, and the
contracts are published as an AsyncAPI document per service (``openapi/events/``), from which
consumers build their test samples.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Integer,
    String,
    Table,
    Uuid,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal, require_service
from splot.common.db import SessionDep, UTCDateTime, make_metadata, utcnow
from splot.common.errors import problem_responses

platform_metadata = make_metadata()

outbox_event = Table(
    "outbox_event",
    platform_metadata,
    Column("seq", BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True),
    Column("id", Uuid(), nullable=False, unique=True),
    Column("type", String(80), nullable=False),
    Column("aggregate_type", String(40), nullable=False),
    Column("aggregate_id", String(64), nullable=False),
    Column("occurred_at", UTCDateTime(), nullable=False),
    Column("payload", JSON(), nullable=False),
)

OUTBOX_LOCK_KEY = 0x5350_4C4F_5400  # "SPLOT" — any constant shared by all writers of one DB

EVENTS_SCOPE = "events:read"


class EventPayload(BaseModel):
    """Base of every event payload schema: exactly the declared fields, nothing more."""

    model_config = ConfigDict(extra="forbid")


@dataclass(frozen=True)
class EventType:
    name: str
    service: str
    aggregate_type: str
    payload: type[BaseModel]
    summary: str


class EventContractError(ValueError):
    """A producer tried to emit an event its contract does not allow (a programming error)."""


_DECLARED: dict[str, EventType] = {}


def declare(service: str, aggregate_type: str, payload: type[BaseModel], **types: str) -> None:
    """Declare event types (``name=summary``; dots written as ``__``) of one payload schema.
    Each payload schema carries at least one example (``json_schema_extra={"examples": …}``):
    consumers build their test samples from it."""
    for key, summary in types.items():
        name = key.replace("__", ".")
        declared = EventType(name, service, aggregate_type, payload, summary)
        existing = _DECLARED.get(name)
        if existing is not None and existing != declared:
            raise EventContractError(f"event type {name} is declared twice, differently")
        _DECLARED[name] = declared


def declared(service: str | None = None) -> list[EventType]:
    return sorted(
        (t for t in _DECLARED.values() if service is None or t.service == service), key=lambda t: t.name
    )


def check_payload(event_type: str, payload: dict[str, Any]) -> None:
    spec = _DECLARED.get(event_type)
    if spec is None:
        raise EventContractError(f"event type {event_type} is not declared")
    try:
        spec.payload.model_validate(payload)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['type']}" for e in exc.errors())
        raise EventContractError(f"{event_type} payload does not match its contract: {problems}") from None


async def _lock_outbox(session: AsyncSession) -> None:
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": OUTBOX_LOCK_KEY})


async def emit_many(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> None:
    """:func:`emit` for many events at once (bulk work such as an import): each row has ``id``,
    ``type``, ``aggregate_type``, ``aggregate_id``, ``occurred_at`` and ``payload``."""
    rows = list(rows)
    for row in rows:
        check_payload(row["type"], row["payload"])
    if rows:
        await _lock_outbox(session)
        await session.execute(insert(outbox_event), rows)


@dataclass(frozen=True)
class Emitted:
    """An event recorded in the outbox: its id and its sequence number (the feeds' order)."""

    id: uuid.UUID
    seq: int


async def emit_event(
    session: AsyncSession,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: object,
    payload: dict[str, Any],
    occurred_at: datetime | None = None,
) -> Emitted:
    """Record an event in the outbox within the caller's transaction (its sequence number comes
    back with the insert). Never put direct identifiers (names, PESEL, contact data) in
    ``payload``: feeds leave the service. ``occurred_at`` defaults to now; back-filled (demo,
    import) events may carry their own time."""
    check_payload(event_type, payload)
    await _lock_outbox(session)
    event_id = uuid.uuid4()
    inserted = await session.execute(
        insert(outbox_event)
        .values(
            id=event_id,
            type=event_type,
            aggregate_type=aggregate_type,
            aggregate_id=str(aggregate_id),
            occurred_at=occurred_at or utcnow(),
            payload=payload,
        )
        .returning(outbox_event.c.seq)
    )
    return Emitted(event_id, int(inserted.scalar_one()))


async def emit(
    session: AsyncSession,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: object,
    payload: dict[str, Any],
    occurred_at: datetime | None = None,
) -> uuid.UUID:
    """:func:`emit_event`, for callers that need only the event's id."""
    emitted = await emit_event(
        session,
        event_type,
        aggregate_type=aggregate_type,
        aggregate_id=aggregate_id,
        payload=payload,
        occurred_at=occurred_at,
    )
    return emitted.id


class EventRead(BaseModel):
    seq: int
    id: uuid.UUID
    type: str
    aggregate_type: str
    aggregate_id: str
    occurred_at: datetime
    payload: dict[str, Any]


class EventPage(BaseModel):
    items: list[EventRead]
    #: Pass as ``after`` to get the next page; equals the request's ``after`` when nothing is new.
    last_seq: int
    #: The newest sequence number in the feed, so consumers can report their lag.
    head_seq: int


async def read_events(session: AsyncSession, *, after: int, limit: int) -> EventPage:
    rows = (
        (
            await session.execute(
                select(outbox_event)
                .where(outbox_event.c.seq > after)
                .order_by(outbox_event.c.seq)
                .limit(limit)
            )
        )
        .mappings()
        .all()
    )
    head = (await session.execute(select(func.coalesce(func.max(outbox_event.c.seq), 0)))).scalar_one()
    items = [EventRead.model_validate(dict(row)) for row in rows]
    return EventPage(items=items, last_seq=items[-1].seq if items else after, head_seq=int(head))


def events_router() -> APIRouter:
    router = APIRouter(tags=["events"])

    @router.get(
        "/v1/events",
        response_model=EventPage,
        responses=problem_responses(400, 401, 403, 422),
        summary="Read the service's event feed after a sequence number",
    )
    async def list_events(
        session: SessionDep,
        _: Annotated[Principal, Depends(require_service(EVENTS_SCOPE))],
        after: Annotated[int, Query(ge=0, le=2**62)] = 0,
        limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    ) -> EventPage:
        """Events in commit order (service tokens only); poll with the last ``last_seq`` seen."""
        return await read_events(session, after=after, limit=limit)

    return router
