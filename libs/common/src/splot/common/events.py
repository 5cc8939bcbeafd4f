"""Transactional outbox, the ``GET /v1/events`` feed and the published event contracts.

An event row is inserted in the same transaction as the change it describes, so the feed never
shows a change that rolled back and never misses one that committed.

**Feed order: a position assigned after commit.** Writers insert without any lock; the row's
``seq`` (its identity, assigned at insert) is *not* the feed order, because concurrent transactions
commit in any order: one that got seq 41 may commit after one that got 42. The feed is ordered by
``position`` instead, which is ``NULL`` when a row is written and is given by a *sequencer*
(:func:`sequence_outbox`) that the feed read runs before reading, in its own short transaction: it
numbers the rows still without a position — all of them committed, since it cannot see the others —
after the highest position given so far, in ``seq`` order. Positions are therefore strictly
increasing in the order rows became visible, and a consumer whose cursor passed position P never
later finds a row below P. Sequencers are serialised among themselves only (a transaction-scoped
``pg_try_advisory_xact_lock``: a reader that does not get it just reads what is numbered, the
holder numbers the rest); writers never wait on them or on each other. A sequencer that dies
mid-way rolls back and its rows are numbered by the next one. A unique index on ``position``
makes a duplicate impossible whatever happens. On SQLite writers are serialised anyway and the
same statement runs in the reading transaction.

In the feed (``GET /v1/events``) an event's ``seq`` field, ``after``, ``last_seq`` and ``head_seq``
are positions (the API's names predate the design). :class:`Emitted` ``.seq`` is the row's ``seq``
(to reference the row, e.g. from a table of the event's parties), not its position.

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
    Index,
    Integer,
    String,
    Table,
    Uuid,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from splot.common.auth import Principal, require_service
from splot.common.db import SessionDep, UTCDateTime, make_metadata, rows_affected, utcnow
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
    #: The feed order, given after commit by :func:`sequence_outbox`; NULL until then.
    Column("position", BigInteger(), nullable=True),
    Index("ix_outbox_event_position", "position", unique=True),
    Index(
        "ix_outbox_event_pending",
        "seq",
        postgresql_where=text("position IS NULL"),
        sqlite_where=text("position IS NULL"),
    ),
)

#: Serialises sequencers (never writers) of one database: any constant shared by all of them, and
#: not the key writers took before issue #17 (``0x53504C4F5400``), which old replicas still take
#: during a rolling upgrade.
SEQUENCER_LOCK_KEY = 0x5350_4C4F_5401  # "SPLOT" + 1

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


async def emit_many(session: AsyncSession, rows: Iterable[dict[str, Any]]) -> None:
    """:func:`emit` for many events at once (bulk work such as an import): each row has ``id``,
    ``type``, ``aggregate_type``, ``aggregate_id``, ``occurred_at`` and ``payload``."""
    rows = list(rows)
    for row in rows:
        check_payload(row["type"], row["payload"])
    if rows:
        await session.execute(insert(outbox_event), rows)


@dataclass(frozen=True)
class Emitted:
    """An event recorded in the outbox: its id and its row's ``seq`` (the row's identity, to
    reference it; not its feed position, which is given after commit)."""

    id: uuid.UUID
    seq: int


def outbox_row(
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: object,
    payload: dict[str, Any],
    occurred_at: datetime | None = None,
) -> dict[str, Any]:
    """The values of one outbox row (its contract checked, a new id), for a caller that inserts it
    itself in a larger statement (e.g. a CTE on PostgreSQL); :func:`emit_event` otherwise."""
    check_payload(event_type, payload)
    return {
        "id": uuid.uuid4(),
        "type": event_type,
        "aggregate_type": aggregate_type,
        "aggregate_id": str(aggregate_id),
        "occurred_at": occurred_at or utcnow(),
        "payload": payload,
    }


async def emit_event(
    session: AsyncSession,
    event_type: str,
    *,
    aggregate_type: str,
    aggregate_id: object,
    payload: dict[str, Any],
    occurred_at: datetime | None = None,
) -> Emitted:
    """Record an event in the outbox within the caller's transaction (its row's ``seq`` comes back
    with the insert). Never put direct identifiers (names, PESEL, contact data) in
    ``payload``: feeds leave the service. ``occurred_at`` defaults to now; back-filled (demo,
    import) events may carry their own time."""
    row = outbox_row(
        event_type,
        aggregate_type=aggregate_type,
        aggregate_id=aggregate_id,
        payload=payload,
        occurred_at=occurred_at,
    )
    inserted = await session.execute(insert(outbox_event).values(row).returning(outbox_event.c.seq))
    return Emitted(row["id"], int(inserted.scalar_one()))


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
    #: The event's feed position (see the module docstring), not its outbox row's ``seq``.
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
    #: The newest position in the feed, so consumers can report their lag.
    head_seq: int


#: Numbers the committed rows still without a position, after the highest position so far, in
#: ``seq`` order (one statement: the same SQL on PostgreSQL and SQLite ≥ 3.33).
_NUMBER_PENDING = text(
    "UPDATE outbox_event SET position = pending.position "
    "FROM (SELECT seq, (SELECT COALESCE(MAX(position), 0) FROM outbox_event)"
    " + ROW_NUMBER() OVER (ORDER BY seq) AS position"
    " FROM outbox_event WHERE position IS NULL) AS pending "
    "WHERE outbox_event.seq = pending.seq"
)


async def _number_pending(conn: AsyncConnection | AsyncSession, dialect: str) -> int:
    if dialect == "postgresql":
        # Its own statement, before the UPDATE: under READ COMMITTED the UPDATE's snapshot is
        # taken after the lock is held, so it sees every position a previous holder committed.
        got = (
            await conn.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": SEQUENCER_LOCK_KEY})
        ).scalar()
        if not got:
            return 0  # another sequencer is numbering: read what is numbered, it does the rest
    return rows_affected(await conn.execute(_NUMBER_PENDING))


async def sequence_outbox(session: AsyncSession) -> int:
    """Give feed positions to the committed outbox rows that have none (see the module docstring);
    returns how many it numbered (0 also when another sequencer holds the lock).

    On PostgreSQL with a session bound to an engine (a running service) it runs in its own short
    transaction on another connection, so the positions are committed before the caller reads.
    Otherwise (SQLite, whose writers are serialised anyway; a session bound to one connection, as in
    tests) it runs in the caller's transaction, which commits before a response leaves."""
    bind = session.bind
    dialect = bind.dialect.name if bind is not None else ""
    if isinstance(bind, AsyncEngine) and dialect == "postgresql":
        async with bind.begin() as conn:
            return await _number_pending(conn, dialect)
    return await _number_pending(session, dialect)


async def read_events(session: AsyncSession, *, after: int, limit: int) -> EventPage:
    """The feed's page after position ``after`` (sequencing the pending rows first)."""
    await sequence_outbox(session)
    rows = (
        await session.execute(
            select(outbox_event)
            .where(outbox_event.c.position > after)
            .order_by(outbox_event.c.position)
            .limit(limit)
        )
    ).mappings()
    items = [
        EventRead(
            seq=row["position"],
            id=row["id"],
            type=row["type"],
            aggregate_type=row["aggregate_type"],
            aggregate_id=row["aggregate_id"],
            occurred_at=row["occurred_at"],
            payload=row["payload"],
        )
        for row in rows
    ]
    head = (await session.execute(select(func.coalesce(func.max(outbox_event.c.position), 0)))).scalar_one()
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
