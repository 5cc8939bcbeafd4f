"""Running the feed consumers: one batch of one source per transaction, catching up, and the
background worker with its per-source back-off (the full rebuild is in
:mod:`splot.reporting.rebuild`). What each event means for the analytical store is in
:mod:`splot.reporting.ingestion`; the transaction rules are in its docstring."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import structlog
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.background import Backoff, peer_failure_level
from splot.common.db import utcnow
from splot.reporting import cubes, page_events, programmes
from splot.reporting.config import ReportingSettings
from splot.reporting.ingestion import SOURCE_LOCK_KEYS, IngestContext
from splot.reporting.models import (
    InstitutionDim,
    PersonDim,
    ProcessedEvent,
    ReferralFact,
    ServiceTypeRef,
    SourceCursor,
)
from splot.reporting.sources import (
    EventSource,
    FeedPage,
    Prefetching,
    ServiceTypeSource,
    Sources,
)

log = structlog.get_logger("splot.reporting.consumer")


@dataclass
class BatchResult:
    source: str
    fetched: int = 0
    applied: int = 0
    skipped: int = 0
    last_seq: int = 0
    head_seq: int = 0
    locked_out: bool = False

    @property
    def caught_up(self) -> bool:
        return self.locked_out or self.last_seq >= self.head_seq


_BATCH_SETTINGS = text(
    "SELECT pg_try_advisory_xact_lock(:key), set_config('synchronous_commit', 'off', true),"
    " set_config('plan_cache_mode', 'force_custom_plan', true)"
)


async def _try_lock(session: AsyncSession, source: str) -> bool:
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return True  # SQLite: one process, writers serialised anyway
    # A batch need not wait for its commit to reach the disk: should the server crash just after,
    # the batch (facts and cursor alike: one transaction) is lost as a whole and fetched again, as
    # after any failure before the commit. Saves a WAL flush per page.
    # Its look-ups are planned for the keys and table sizes of each page: a plan cached on the
    # connection (generic, after five runs) may have been made while the tables were small or
    # empty, as at the start of a rebuild, and would keep scanning them as they grow.
    got = await session.scalar(_BATCH_SETTINGS, {"key": SOURCE_LOCK_KEYS[source]})
    return bool(got)


async def _open_cursor(session: AsyncSession, source: str) -> SourceCursor:
    """The source's cursor, created (at 0) on its first batch."""
    cursor = await session.get(SourceCursor, source)
    if cursor is None:
        cursor = SourceCursor(
            source=source,
            last_seq=0,
            head_seq=0,
            processed_through=0,
            events_applied=0,
            consecutive_failures=0,
        )
        session.add(cursor)
        await session.flush()
    return cursor


def _move_cursor(cursor: SourceCursor, page: FeedPage, result: BatchResult) -> None:
    """Advance the cursor past the page (never backwards) and mark the poll as successful."""
    cursor.last_seq = max(cursor.last_seq, page.last_seq)
    delivered = max((event.seq for event in page.items), default=0)
    cursor.processed_through = max(cursor.processed_through or 0, delivered, page.last_seq)
    cursor.head_seq = max(page.head_seq, cursor.last_seq)
    cursor.events_applied = (cursor.events_applied or 0) + result.applied
    cursor.last_success_at = utcnow()
    cursor.consecutive_failures = 0
    result.last_seq, result.head_seq = cursor.last_seq, cursor.head_seq


async def consume_batch(
    sessionmaker: async_sessionmaker[AsyncSession],
    source: EventSource,
    ctx: IngestContext,
    *,
    batch_size: int,
    refresh: bool = True,
) -> BatchResult:
    """Fetch and apply one page of ``source`` in one transaction (see the module docstring)."""
    result = BatchResult(source=source.name)
    async with sessionmaker() as session, session.begin():
        if not await _try_lock(session, source.name):
            result.locked_out = True
            return result
        cursor = await _open_cursor(session, source.name)
        page = await source.fetch(after=cursor.last_seq, limit=batch_size)
        result.fetched = len(page.items)
        # Only positions delivered before can hold an event applied before (a rewound cursor):
        # a page beyond them, every page of a rebuild, needs no look-up of its ids.
        seen = await page_events.already_processed(
            session, [e.id for e in page.items if e.seq <= cursor.processed_through]
        )
        caught_up = page.last_seq >= page.head_seq
        await page_events.apply_events(
            session, source.name, page.items, seen, ctx, result, maintain_cubes=refresh and caught_up
        )
        _move_cursor(cursor, page, result)
        if refresh and (caught_up or _refresh_due(source.name)):
            await cubes.refresh_dirty(session)
            _last_refresh[source.name] = time.monotonic()
    return result


#: While a consumer catches up on a backlog (its page did not reach the feed's head), the cubes
#: are recomputed at most this often (whole dirty months, set-based) instead of after every page;
#: the page that reaches the head refreshes them, so a caught-up service serves exact cubes.
CATCH_UP_REFRESH_SECONDS = 60.0
_last_refresh: dict[str, float] = {}


def _refresh_due(source: str) -> bool:
    now = time.monotonic()
    last = _last_refresh.setdefault(source, now)
    return now - last >= CATCH_UP_REFRESH_SECONDS


async def record_failure(
    sessionmaker: async_sessionmaker[AsyncSession], source: str, exc: BaseException
) -> int:
    async with sessionmaker() as session, session.begin():
        cursor = await session.get(SourceCursor, source)
        if cursor is None:
            cursor = SourceCursor(
                source=source, last_seq=0, head_seq=0, events_applied=0, consecutive_failures=0
            )
            session.add(cursor)
        cursor.last_error = type(exc).__name__
        cursor.last_error_at = utcnow()
        cursor.consecutive_failures = (cursor.consecutive_failures or 0) + 1
        return cursor.consecutive_failures


async def refresh_service_types(
    sessionmaker: async_sessionmaker[AsyncSession], catalogue: ServiceTypeSource
) -> int:
    """Re-read the directory's catalogue: which service types are sensitive (GDPR art. 9)."""
    items = await catalogue.service_types()
    async with sessionmaker() as session, session.begin():
        for item in items:
            code = str(item["code"])
            row = await session.get(ServiceTypeRef, code)
            if row is None:
                row = ServiceTypeRef(code=code)
                session.add(row)
            row.sensitive = bool(item.get("sensitive"))
            row.category = item.get("category")
            row.refreshed_at = utcnow()
    await programmes.refresh_programmes(sessionmaker, catalogue)  # the programme names, alike
    return len(items)


async def ingest_until_caught_up(
    sessionmaker: async_sessionmaker[AsyncSession],
    sources: Sources,
    ctx: IngestContext,
    *,
    batch_size: int,
    refresh: bool = True,
    max_batches: int = 1_000_000,
    after_batch: Callable[[BatchResult], Awaitable[None]] | None = None,
) -> dict[str, BatchResult]:
    """Consume every source until its cursor reaches the head (``splot-reporting ingest --once``),
    calling ``after_batch`` after each committed batch (the rebuild's statistics). Errors
    propagate: the caller decides whether to retry."""
    if sources.catalogue is not None:
        try:
            await refresh_service_types(sessionmaker, sources.catalogue)
        except Exception as exc:  # the fallback list of sensitive types applies meanwhile
            log.warning("service_types_unavailable", error=type(exc).__name__)
    totals: dict[str, BatchResult] = {}
    for feed in sources.feeds:
        source = Prefetching(feed)  # the feed's server reads the next page while this one is written
        total = BatchResult(source=source.name)
        try:
            for _ in range(max_batches):
                batch = await consume_batch(sessionmaker, source, ctx, batch_size=batch_size, refresh=refresh)
                if after_batch is not None:
                    await after_batch(batch)
                total.fetched += batch.fetched
                total.applied += batch.applied
                total.skipped += batch.skipped
                total.last_seq, total.head_seq, total.locked_out = (
                    batch.last_seq,
                    batch.head_seq,
                    batch.locked_out,
                )
                if batch.locked_out or batch.fetched == 0 or batch.caught_up:
                    break
        finally:
            await source.aclose()
        totals[source.name] = total
    return totals


@dataclass
class SourceBackoff:
    """Per-source schedule of the worker: after ``n`` failures in a row a source waits the common
    :class:`~splot.common.background.Backoff` delay for ``n`` (±20 % jitter, so that replicas do
    not retry in step), while the other sources go on."""

    policy: Backoff
    failures: dict[str, int] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)

    @classmethod
    def seconds(cls, initial: float, maximum: float) -> SourceBackoff:
        return cls(Backoff.seconds(initial, cap=maximum))

    def ready(self, source: str, now: float) -> bool:
        return now >= self.not_before.get(source, 0.0)

    def success(self, source: str) -> None:
        self.failures.pop(source, None)
        self.not_before.pop(source, None)

    def failure(self, source: str, now: float) -> float:
        count = self.failures.get(source, 0) + 1
        self.failures[source] = count
        delay = self.policy.delay(count).total_seconds()
        delay *= 0.8 + 0.4 * random.random()  # noqa: S311 - jitter, not cryptography
        self.not_before[source] = now + delay
        return delay


async def run_worker(
    sessionmaker: async_sessionmaker[AsyncSession],
    sources: Sources,
    ctx: IngestContext,
    settings: ReportingSettings,
    *,
    sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    clock: Callable[[], float] = time.monotonic,
    max_cycles: int | None = None,
) -> SourceBackoff:
    """Poll every source for ever (the background task): back off exponentially, per source,
    while a source is down; resume from the stored cursor after a restart."""
    backoff = SourceBackoff.seconds(
        settings.ingest_backoff_initial_seconds, settings.ingest_backoff_max_seconds
    )
    catalogue_due = 0.0
    catalogue_reached = False
    cycles = 0
    while max_cycles is None or cycles < max_cycles:
        cycles += 1
        now = clock()
        if sources.catalogue is not None and now >= catalogue_due:
            try:
                await refresh_service_types(sessionmaker, sources.catalogue)
                catalogue_due = now + settings.service_types_refresh_seconds
                catalogue_reached = True
            except Exception as exc:
                catalogue_due = now + settings.ingest_backoff_initial_seconds * 30
                if peer_failure_level(ever_reached=catalogue_reached) == "debug":  # peers still starting
                    catalogue_due = now + settings.ingest_backoff_initial_seconds
                    log.debug("service_types_unavailable", error=type(exc).__name__)
                else:
                    log.warning("service_types_unavailable", error=type(exc).__name__)
        busy = False
        for source in sources.feeds:
            if not backoff.ready(source.name, clock()):
                continue
            try:
                batch = await consume_batch(sessionmaker, source, ctx, batch_size=settings.ingest_batch_size)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                delay = backoff.failure(source.name, clock())
                log.warning(
                    "feed_unavailable",
                    source=source.name,
                    error=type(exc).__name__,
                    retry_in_s=round(delay, 1),
                )
                try:
                    await record_failure(sessionmaker, source.name, exc)
                except Exception as db_exc:  # the database itself may be what failed
                    log.warning("cursor_update_failed", source=source.name, error=type(db_exc).__name__)
                continue
            backoff.success(source.name)
            busy = busy or (batch.fetched >= settings.ingest_batch_size and not batch.caught_up)
        if not busy:
            await sleep(settings.ingest_poll_seconds)
    return backoff


#: Moved to :mod:`splot.reporting.rebuild`; still importable from here.
_REBUILD_NAMES = frozenset({"ANALYTICAL_TABLES", "REBUILD_PAGE", "rebuild", "reset"})


def __getattr__(name: str) -> Any:
    if name in _REBUILD_NAMES:
        from splot.reporting import rebuild

        return getattr(rebuild, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


async def source_status(session: AsyncSession) -> list[SourceCursor]:
    return list((await session.scalars(select(SourceCursor).order_by(SourceCursor.source))).all())


async def counts(session: AsyncSession) -> dict[str, int]:
    """Row counts of the main analytical tables (for the CLI's summary)."""
    out = {}
    for model in (InstitutionDim, PersonDim, ReferralFact, ProcessedEvent):
        out[model.__tablename__] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    return out
