"""Applying one page of a feed (inside the consumer's transaction, :mod:`splot.reporting.consumer`):
which events are new, runs of consecutive events of one bulk kind applied together, the others
one by one, and every new event recorded as processed.

A bulk kind is a family of events with an applier that takes a whole run
(:data:`APPLIERS`); the applier of each kind gives the same store as the events' own handlers
(:mod:`splot.reporting.ingestion`) applied one after the other. Should a run fail, its savepoint
is rolled back and the run is applied event by event, so one bad event cannot block the feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Protocol

import structlog
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import among, table_of, utcnow
from splot.reporting import casework, ingest_batch, ingest_persons, ingestion
from splot.reporting.ingestion import (
    INSTITUTION_EVENTS,
    OFFER_EVENTS,
    IngestContext,
    handler_for,
    is_referral_snapshot,
)
from splot.reporting.models import ProcessedEvent
from splot.reporting.sources import FeedEvent

log = structlog.get_logger("splot.reporting.consumer")

#: Apply runs of events in bulk; False applies every event on its own (the reference behaviour,
#: kept for the fallback and for tests).
BATCHED = True

FOLLOWUP_ANSWERED = "followup.answered"


class Outcome(Protocol):
    """What a page did (the consumer's ``BatchResult``): events applied and skipped as malformed."""

    applied: int
    skipped: int


#: A bulk applier: (session, source, run, context, maintain_cubes) → (applied, skipped).
Applier = Callable[[AsyncSession, str, list[FeedEvent], IngestContext, bool], Awaitable[tuple[int, int]]]


# The appliers name their functions at call time (late-bound: a test may wrap one).
APPLIERS: dict[str, Applier] = {
    "referral": lambda session, source, run, ctx, maintain_cubes: ingest_batch.apply_referrals(
        session, source, run, ctx, maintain_cubes=maintain_cubes
    ),
    # the others only mark months dirty: cubes are recomputed from the facts
    "person": lambda session, source, run, ctx, _: ingest_persons.apply_persons(session, source, run, ctx),
    "directory": lambda session, source, run, ctx, _: ingestion.apply_directory(session, source, run, ctx),
    "casework": lambda session, source, run, ctx, _: casework.apply_casework(session, source, run, ctx),
    "followup": lambda session, source, run, ctx, _: ingest_batch.apply_followups(session, source, run, ctx),
}


def bulk_kind(event: FeedEvent) -> str | None:
    """Which bulk applier takes this event (None: applied on its own). Follow-up answers are
    gathered at the end of the page (:func:`apply_events`)."""
    if is_referral_snapshot(event):
        return "referral"
    if event.type in ingest_persons.PERSON_EVENTS:
        return "person"
    if event.type in INSTITUTION_EVENTS or event.type in OFFER_EVENTS:
        return "directory"
    if event.type in casework.KINDS:
        return "casework"
    return None


async def already_processed(session: AsyncSession, ids: list[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these event ids were applied before (feeds deliver at least once)."""
    if not ids:
        return set()
    condition = among(session, ProcessedEvent.event_id, ids)
    return set((await session.scalars(select(ProcessedEvent.event_id).where(condition))).all())


async def _apply_one(
    session: AsyncSession, source: str, event: FeedEvent, ctx: IngestContext, result: Outcome
) -> None:
    """Apply one event in its own savepoint; a malformed event is counted as skipped."""
    handler = handler_for(event)
    if handler is None:
        return
    try:
        async with session.begin_nested():
            await handler(session, event, ctx)
        result.applied += 1
    except (KeyError, ValueError, TypeError, AssertionError) as exc:
        # A malformed event must not stall the feed; it is recorded and skipped.
        result.skipped += 1
        log.warning("event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__)


async def _apply_run(
    session: AsyncSession,
    source: str,
    kind: str,
    run: list[FeedEvent],
    ctx: IngestContext,
    result: Outcome,
    *,
    maintain_cubes: bool,
) -> None:
    """A run of consecutive events of one bulk kind: in bulk, or event by event should that fail."""
    if len(run) > 1 and BATCHED:
        await session.flush()  # pending ORM changes of earlier events go first
        try:
            async with session.begin_nested():
                applied, skipped = await APPLIERS[kind](session, source, run, ctx, maintain_cubes)
        except (SQLAlchemyError, KeyError, ValueError, TypeError, AssertionError) as exc:
            ingest_batch.expire_facts(session)
            log.warning("bulk_apply_failed", source=source, seq=run[0].seq, error=type(exc).__name__)
        else:
            result.applied += applied
            result.skipped += skipped
            return
    for event in run:
        await _apply_one(session, source, event, ctx, result)


async def apply_events(
    session: AsyncSession,
    source: str,
    events: list[FeedEvent],
    seen: set[uuid.UUID],
    ctx: IngestContext,
    result: Outcome,
    *,
    maintain_cubes: bool = True,
) -> None:
    """Apply the new events of a page in feed order and record every one as processed (one
    insert); consecutive events of one bulk kind are applied as one run each, other events one by
    one. The page's follow-up answers are applied last, as one run: a fact's follow-up measures
    are a function of its newest snapshot and of every answer stored, whichever comes first
    (:func:`ingest_batch.apply_followups`), and answers scattered between snapshots would
    otherwise cut the snapshots into many small runs."""
    fresh: list[FeedEvent] = []
    answers: list[FeedEvent] = []
    for event in events:
        if event.id not in seen:
            seen.add(event.id)
            (answers if event.type == FOLLOWUP_ANSWERED else fresh).append(event)
    run: list[FeedEvent] = []
    run_kind: str | None = None
    for event in fresh:
        if handler_for(event) is None:
            continue  # nothing to count (it is still recorded as processed): no reason to cut a run
        kind = bulk_kind(event)
        if run and kind != run_kind:
            await _apply_run(session, source, run_kind or "", run, ctx, result, maintain_cubes=maintain_cubes)
            run = []
        if kind is None:
            await _apply_one(session, source, event, ctx, result)
        else:
            run.append(event)
        run_kind = kind
    if run:
        await _apply_run(session, source, run_kind or "", run, ctx, result, maintain_cubes=maintain_cubes)
    if answers:
        await _apply_run(session, source, "followup", answers, ctx, result, maintain_cubes=maintain_cubes)
        fresh += answers
    if fresh:  # looked up in this transaction (and ids are unique across feeds): COPY on PostgreSQL
        now = utcnow()
        await ingest_batch.insert_new_rows(
            session,
            table_of(ProcessedEvent),
            [{"event_id": e.id, "source": source, "seq": e.seq, "processed_at": now} for e in fresh],
        )
