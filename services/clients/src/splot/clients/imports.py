"""Bulk import of persons from an institution's own system (CSV or JSON): the job's lifecycle.

Upsert keyed by (institution, external id); the outcomes per row are decided by
:mod:`splot.clients.import_rows` (each row read by :mod:`splot.clients.import_parse`), the upload is read by :mod:`splot.clients.import_upload`.
``dry_run`` reports the same outcomes without writing anything.

The upload is stored as rows (:func:`create_job`) and processed in batches, one transaction each
(:mod:`splot.clients.import_batch`), by a background task after the response (:func:`run_job`) or
by the worker loop that also resumes abandoned jobs (:func:`import_worker`); a job is taken by
one worker at a time (:func:`claim_job`); progress is ``processed_rows / total_rows``. Row data
is erased as soon as the row is processed, except a rejected row's, kept for the download of the
rejected rows (:mod:`splot.clients.import_export`) until the worker erases it
``import_rejected_keep_days`` after the job finished (:func:`erase_rejected_data`).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

import structlog
from fastapi import FastAPI
from sqlalchemy import func, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.clients import schemas
from splot.clients.access import Actor
from splot.clients.config import ClientsSettings
from splot.clients.import_batch import process_batch
from splot.clients.import_parse import StagedRow
from splot.clients.import_rows import Batch, DryRunMemory, JobContext
from splot.clients.models import ImportJob, ImportRow
from splot.common.background import every
from splot.common.bulk import copy_rows
from splot.common.db import rows_affected, table_of, utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate

log = structlog.get_logger("splot.clients.imports")

SQLITE_CACHE_KIB = 128 * 1024


# --- jobs --------------------------------------------------------------------------------------


def _external_id(row: dict[str, Any]) -> str | None:
    """The row's own id in the sending system, as far as it fits the column."""
    value = row.get("external_id")
    return value[:64] if isinstance(value, str) else None


async def create_job(
    session: AsyncSession,
    *,
    actor: Actor,
    rows: list[dict[str, Any]],
    source_format: str,
    dry_run: bool,
    settings: ClientsSettings,
) -> ImportJob:
    if not (actor.is_coordinator or actor.principal.kind == "client"):
        raise forbidden("imports are run by a coordinator or the institution's own system")
    if not rows:
        raise Problem(422, "empty_import", "the import has no rows")
    if len(rows) > settings.import_max_rows:
        raise Problem(422, "too_many_rows", f"an import has at most {settings.import_max_rows} rows")
    job = ImportJob(
        institution_id=actor.institution_id,
        created_by=actor.subject[:128],
        status="queued",
        dry_run=dry_run,
        source_format=source_format,
        total_rows=len(rows),
        processed_rows=0,
    )
    session.add(job)
    await session.flush()
    chunk = 5000
    for start in range(0, len(rows), chunk):
        await copy_rows(
            session,
            table_of(ImportRow),
            [
                {
                    "job_id": job.id,
                    "row_number": start + i + 1,
                    "data": row,
                    "external_id": _external_id(row),
                }
                for i, row in enumerate(rows[start : start + chunk])
            ],
        )
    return job


def job_read(job: ImportJob) -> schemas.ImportRead:
    return schemas.ImportRead(
        id=job.id,
        institution_id=job.institution_id,
        status=job.status,
        dry_run=job.dry_run,
        source_format=job.source_format,
        total_rows=job.total_rows,
        processed_rows=job.processed_rows,
        progress=round(job.processed_rows / job.total_rows, 4) if job.total_rows else 1.0,
        counts=schemas.ImportCounts(
            created=job.created_count,
            matched=job.matched_count,
            updated=job.updated_count,
            unchanged=job.unchanged_count,
            rejected=job.rejected_count,
        ),
        created_at=job.created_at,
        started_at=job.started_at,
        finished_at=job.finished_at,
    )


async def get_job(session: AsyncSession, *, actor: Actor, job_id: uuid.UUID) -> ImportJob:
    job = await session.get(ImportJob, job_id, populate_existing=True)
    if job is None or job.institution_id != actor.institution_id:
        raise not_found("import")
    return job


async def list_jobs(
    session: AsyncSession, *, actor: Actor, cursor: str | None, limit: int | None
) -> tuple[list[ImportJob], str | None]:
    return await paginate(
        session,
        select(ImportJob).where(ImportJob.institution_id == actor.institution_id),
        order_by=[ImportJob.created_at, ImportJob.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def list_rows(
    session: AsyncSession,
    *,
    actor: Actor,
    job_id: uuid.UUID,
    outcome: str | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[ImportRow], str | None]:
    job = await get_job(session, actor=actor, job_id=job_id)
    stmt = select(ImportRow).where(ImportRow.job_id == job.id)
    if outcome:
        stmt = stmt.where(ImportRow.outcome == outcome)
    return await paginate(session, stmt, order_by=[ImportRow.row_number], cursor=cursor, limit=limit)


# --- processing --------------------------------------------------------------------------------


async def claim_job(session: AsyncSession, *, job_id: uuid.UUID, settings: ClientsSettings) -> bool:
    """Atomically take a queued (or abandoned) job; false when another worker has it."""
    now = utcnow()
    stale = now - timedelta(seconds=settings.import_stale_seconds)
    result = await session.execute(
        update(ImportJob)
        .where(
            ImportJob.id == job_id,
            or_(
                ImportJob.status == "queued",
                (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale),
            ),
        )
        .values(status="running", heartbeat_at=now)
        .execution_options(synchronize_session=False)
    )
    return bool(rows_affected(result))


async def process_job(
    session: AsyncSession,
    *,
    job_id: uuid.UUID,
    settings: ClientsSettings,
    commit: Callable[[], Awaitable[None]] | None = None,
) -> ImportJob:
    """Process a claimed job batch by batch; ``commit`` (background mode) ends each batch's
    transaction, inline mode leaves committing to the request."""
    job = await session.get(ImportJob, job_id, populate_existing=True)
    if job is None:
        raise not_found("import")
    if job.started_at is None:
        job.started_at = utcnow()
    if session.bind is not None and session.bind.dialect.name == "sqlite":
        # Random UUID keys make index inserts touch pages all over the B-trees: give this
        # connection a cache that holds them (SQLite's default is 2 MB).
        await session.execute(text(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}"))
    ctx = JobContext(
        job_id=job.id,
        institution_id=job.institution_id,
        created_by=job.created_by,
        dry_run=job.dry_run,
        match_threshold=settings.match_name_threshold,
    )
    memory = DryRunMemory()
    # Rows are processed in order; a resumed job continues after the last processed row.
    last = (
        await session.scalar(
            select(func.max(ImportRow.row_number)).where(
                ImportRow.job_id == job.id, ImportRow.outcome.is_not(None)
            )
        )
    ) or 0
    postgres = session.bind is not None and session.bind.dialect.name == "postgresql"
    size = settings.import_batch_size
    while last < job.total_rows:
        if postgres:
            # A prepared statement's generic plan, fixed while the tables were small, would keep
            # scanning them sequentially as the job fills them (autovacuum may not have analysed
            # them yet): plan each batch's lookups for their values and the tables' current size.
            # And no sequential scans at all: every lookup of a batch (up to a few hundred keys)
            # has its index, but for a table of some 10^5 rows the planner prices a scan of it
            # below as many index probes, and the job would read the whole registry per batch.
            await session.execute(_BATCH_SETTINGS)
        rows = await _rows_after(session, job_id=job.id, last=last, size=size)
        last += size
        if not rows:
            continue
        batch = await process_batch(session, ctx=ctx, memory=memory, rows=rows)
        _count(job, batch, len(rows))
        await session.flush()
        if commit is not None:
            await commit()
    job.status = "completed"
    job.finished_at = utcnow()
    await session.flush()
    return job


_BATCH_SETTINGS = text(
    "SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_seqscan', 'off', true)"
)


async def _rows_after(session: AsyncSession, *, job_id: uuid.UUID, last: int, size: int) -> list[StagedRow]:
    """The rows numbered ``last + 1`` to ``last + size`` (rows are numbered 1 to ``total_rows``),
    as plain rows, not ORM objects: nothing in the session to track.

    A range, not "the next ``size`` rows": whatever plan the table's (possibly missing)
    statistics give, a batch reads its own rows, not every row left in the job and sorts them."""
    result = await session.execute(
        select(ImportRow.id, ImportRow.row_number, ImportRow.data)
        .where(ImportRow.job_id == job_id, ImportRow.row_number > last, ImportRow.row_number <= last + size)
        .order_by(ImportRow.row_number)
    )
    return [StagedRow(*r) for r in result]


def _count(job: ImportJob, batch: Batch, rows: int) -> None:
    job.processed_rows += rows
    job.created_count += batch.counts["created"]
    job.matched_count += batch.counts["matched"]
    job.updated_count += batch.counts["updated"]
    job.unchanged_count += batch.counts["unchanged"]
    job.rejected_count += batch.counts["rejected"]
    job.heartbeat_at = utcnow()


async def run_job(
    maker: async_sessionmaker[AsyncSession], job_id: uuid.UUID, settings: ClientsSettings
) -> None:
    """Background processing of one job (after the upload's response, or by the worker)."""
    async with maker() as session:
        claimed = await claim_job(session, job_id=job_id, settings=settings)
        await session.commit()
        if not claimed:
            return
        try:
            await process_job(session, job_id=job_id, settings=settings, commit=session.commit)
            await session.commit()
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            await session.rollback()
            log.error("import_failed", job_id=str(job_id), exc_info=exc)
            await session.execute(
                update(ImportJob)
                .where(ImportJob.id == job_id)
                .values(status="failed", finished_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            await session.commit()


async def erase_rejected_data(session: AsyncSession, *, settings: ClientsSettings) -> int:
    """Erase the data of rejected rows of jobs that finished ``import_rejected_keep_days`` ago
    (their outcome and reason stay); the number of rows erased."""
    cutoff = utcnow() - timedelta(days=settings.import_rejected_keep_days)
    finished = select(ImportJob.id).where(ImportJob.finished_at.is_not(None), ImportJob.finished_at <= cutoff)
    result = await session.execute(
        update(ImportRow)
        .where(ImportRow.job_id.in_(finished), ImportRow.outcome.is_not(None), ImportRow.data.is_not(None))
        .values(data=None)
        .execution_options(synchronize_session=False)
    )
    return rows_affected(result)


async def import_worker(app: FastAPI) -> None:
    """Background task: every ``import_poll_seconds`` (0: never), pick up queued jobs, resume
    abandoned ones (another replica died) and erase the data of old rejected rows."""
    settings: ClientsSettings = app.state.settings

    async def pick_up() -> None:
        maker: async_sessionmaker[AsyncSession] = app.state.sessionmaker
        stale = utcnow() - timedelta(seconds=settings.import_stale_seconds)
        async with maker() as session:
            await erase_rejected_data(session, settings=settings)
            await session.commit()
            ids = (
                await session.scalars(
                    select(ImportJob.id)
                    .where(
                        or_(
                            ImportJob.status == "queued",
                            (ImportJob.status == "running") & (ImportJob.heartbeat_at < stale),
                        )
                    )
                    .order_by(ImportJob.created_at)
                    .limit(5)
                )
            ).all()
        for job_id in ids:
            await run_job(maker, job_id, settings)

    await every(settings.import_poll_seconds, pick_up, name="import_worker")
