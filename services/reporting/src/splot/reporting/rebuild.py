"""``splot-reporting rebuild``: empty the analytical store, re-consume every feed from 0 with the
consumer of :mod:`splot.reporting.consumer`, then recompute every month of every cube once.

Three national years are ≈ 15 M events, so the rebuild must not depend on anything that only
holds for small tables:

* the store is emptied with ``TRUNCATE`` on PostgreSQL (a ``DELETE`` of millions of rows would
  take minutes and leave them all as dead tuples for the refill to wade through);
* the tables the consumer reads back while it writes (facts, processed event ids, persons,
  follow-ups) start empty, and PostgreSQL plans (and caches the plans of) its look-ups from the
  statistics it has: statistics of an empty table would keep a sequential scan of a table of
  millions of rows. The rebuild therefore runs ``ANALYZE`` itself whenever the events applied
  since the last one have doubled (from :data:`ANALYZE_FIRST` on: a handful of times in all),
  whether or not autovacuum runs, and once more before the cubes are recomputed; ``ANALYZE``
  also invalidates the plans cached on the consumer's connections.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Table, delete, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.db import table_of
from splot.reporting import cubes
from splot.reporting.consumer import BatchResult, ingest_until_caught_up
from splot.reporting.ingestion import SOURCE_LOCK_KEYS, IngestContext
from splot.reporting.models import (
    AgreementDim,
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
    ConsentFact,
    DirtyMonth,
    FollowupFact,
    InstitutionDim,
    OfferDim,
    PartnershipDim,
    PartnershipPartyDim,
    PersonContact,
    PersonDim,
    ProcessedEvent,
    ReferralFact,
    ReferralOutcome,
    SourceCursor,
    agreement_party,
)
from splot.reporting.practices.models import EvaluationAreaFact
from splot.reporting.sources import Sources

ANALYTICAL_TABLES: tuple[Table, ...] = (
    *(cube.table for cube in cubes.CUBES),
    table_of(ReferralOutcome),
    table_of(FollowupFact),
    table_of(ReferralFact),
    table_of(PersonContact),
    table_of(PersonDim),
    table_of(ConsentFact),
    agreement_party,
    table_of(AgreementDim),
    table_of(PartnershipPartyDim),
    table_of(PartnershipDim),
    table_of(CaseworkPlanFact),
    table_of(CaseworkGoalFact),
    table_of(CaseworkActionFact),
    table_of(CaseworkDiagnosisFact),
    table_of(EvaluationAreaFact),
    table_of(OfferDim),
    table_of(InstitutionDim),
    table_of(ProcessedEvent),
    table_of(DirtyMonth),
    table_of(SourceCursor),
)


def _postgresql_tables(session: AsyncSession) -> str | None:
    """The analytical tables as a list for one statement on PostgreSQL; None elsewhere."""
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return None
    preparer = session.bind.dialect.identifier_preparer
    return ", ".join(preparer.format_table(table) for table in ANALYTICAL_TABLES)


async def reset(session: AsyncSession) -> None:
    """Empty the analytical store and the cursors (editions are kept: they are frozen)."""
    names = _postgresql_tables(session)
    if names is not None:
        for key in sorted(SOURCE_LOCK_KEYS.values()):  # wait for in-flight batches of any replica
            await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
        # One statement for every table (those referencing each other included), in the
        # caller's transaction: a rebuild that fails to start leaves the store as it was.
        await session.execute(text(f"TRUNCATE {names}"))
        return
    for table in ANALYTICAL_TABLES:
        await session.execute(delete(table))
    await session.flush()


#: A rebuild reads pages of the feeds' largest size (``GET /v1/events`` serves up to 1,000): half
#: the per-page statements and commits of the default ``ingest_batch_size``.
REBUILD_PAGE = 1000

#: The first ``ANALYZE`` of a rebuild after this many events; the next ones each time the events
#: applied since the start have doubled (≈ 11 in all for 15 M events).
ANALYZE_FIRST = 10_000


async def analyze(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    """Fresh planner statistics of the analytical tables (PostgreSQL; nothing elsewhere)."""
    async with sessionmaker() as session, session.begin():
        names = _postgresql_tables(session)
        if names is not None:
            await session.execute(text(f"ANALYZE {names}"))


@dataclass
class _AnalyzeSchedule:
    """Calls :func:`analyze` after the batch that doubles the events fetched since the last one."""

    sessionmaker: async_sessionmaker[AsyncSession]
    fetched: int = 0
    next_at: int = field(default_factory=lambda: ANALYZE_FIRST)

    async def after_batch(self, batch: BatchResult) -> None:
        self.fetched += batch.fetched
        if self.fetched >= self.next_at:
            await analyze(self.sessionmaker)
            self.next_at = 2 * self.fetched


async def rebuild(
    sessionmaker: async_sessionmaker[AsyncSession], sources: Sources, ctx: IngestContext, *, batch_size: int
) -> dict[str, BatchResult]:
    """Truncate the analytical tables and cursors, re-consume every feed from 0, then recompute
    every month of every cube once (``splot-reporting rebuild``)."""
    async with sessionmaker() as session, session.begin():
        await reset(session)
    schedule = _AnalyzeSchedule(sessionmaker)
    totals = await ingest_until_caught_up(
        sessionmaker,
        sources,
        ctx,
        batch_size=max(batch_size, REBUILD_PAGE),
        refresh=False,
        after_batch=schedule.after_batch,
    )
    await analyze(sessionmaker)  # the cube refresh reads every fact
    async with sessionmaker() as session, session.begin():
        await cubes.mark_all_dirty(session)
        await cubes.refresh_dirty(session)
    return totals
