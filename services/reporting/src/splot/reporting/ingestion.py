"""Consumers of the directory, clients and referrals event feeds.

Transactions: unlike the request-scoped service modules (which flush and leave the commit to the
request), ingestion owns its transactions explicitly. One batch of one source is one transaction:
take the source's advisory lock (PostgreSQL; so that of several replicas only one consumes a
source at a time, the others skip it), read the cursor, fetch the page, apply the events not yet
applied (event ids are recorded), move the cursor, recompute the dirty months of the cubes, and
commit. A crash anywhere before the commit leaves cursor, facts and cubes as they were, so the
batch is simply fetched again: delivery is at-least-once, and the recorded event ids plus
idempotent upserts (referral facts keep only the newest snapshot ``version``) make it
exactly-once in effect.

Handlers are written for out-of-order *sources*: referrals may be consumed before the institutions
or persons they name. Dimensions are resolved when cubes are recomputed, and a late dimension
marks the months of the facts that name it dirty.
"""

from __future__ import annotations

import asyncio
import random
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import structlog
from sqlalchemy import delete, func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.db import utcnow
from splot.reporting import cubes
from splot.reporting.clients_feed import (
    access_granted,
    consent_event,
    person_event,
    person_merged,
    resolve_person,
)
from splot.reporting.clients_feed import fact_months as _fact_months
from splot.reporting.clients_feed import gmina_or_none as _gmina
from splot.reporting.clients_feed import uuid_or_none as _uuid
from splot.reporting.config import ReportingSettings
from splot.reporting.facts import Calendar, Pseudonymiser, derive, parse_date, parse_datetime
from splot.reporting.models import (
    AgreementDim,
    ConsentFact,
    DirtyMonth,
    FollowupFact,
    InstitutionDim,
    OfferDim,
    PersonContact,
    PersonDim,
    ProcessedEvent,
    ReferralFact,
    ReferralOutcome,
    ServiceTypeRef,
    SourceCursor,
    agreement_party,
)
from splot.reporting.sources import EventSource, FeedEvent, ServiceTypeSource, Sources

log = structlog.get_logger("splot.reporting.ingestion")

SOURCE_LOCK_KEYS = {"directory": 0x5250_5254_1001, "clients": 0x5250_5254_1002, "referrals": 0x5250_5254_1003}


@dataclass(frozen=True)
class IngestContext:
    pseudonymise: Pseudonymiser
    calendar: Calendar
    employment_outcomes: frozenset[str]

    @classmethod
    def from_settings(cls, settings: ReportingSettings) -> IngestContext:
        return cls(
            pseudonymise=Pseudonymiser(settings.pseudonym_key.get_secret_value()),
            calendar=Calendar.named(settings.timezone),
            employment_outcomes=frozenset(settings.employment_outcomes),
        )


# --- directory -----------------------------------------------------------------------------------


async def _institution(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    inst_id = uuid.UUID(str(p["id"]))
    version = int(p.get("version") or 0)
    inst = await session.get(InstitutionDim, inst_id)
    if inst is not None and inst.version > version:
        return
    teryt = str(p["teryt"])
    relocated = inst is None or inst.type != p["type"] or inst.teryt != teryt
    if inst is None:
        inst = InstitutionDim(id=inst_id)
        session.add(inst)
    inst.type = str(p["type"])
    inst.name = str(p.get("name") or "")[:300]
    inst.teryt = teryt
    inst.powiat_code = str(p.get("powiat_code") or teryt[:4])
    inst.voivodeship_code = str(p.get("voivodeship_code") or teryt[:2])
    inst.active = bool(p.get("active", True))
    inst.version = version
    await session.flush()
    if relocated:
        f = ReferralFact.__table__
        await cubes.mark_dirty(
            session,
            await _fact_months(
                session, f.c.sender_institution_id == inst_id, f.c.target_institution_id == inst_id
            ),
        )


async def _offer(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    offer_id = uuid.UUID(str(p["id"]))
    version = int(p.get("version") or 0)
    offer = await session.get(OfferDim, offer_id)
    if offer is not None and offer.version > version:
        return
    if offer is None:
        offer = OfferDim(id=offer_id)
        session.add(offer)
    offer.institution_id = uuid.UUID(str(p["institution_id"]))
    offer.service_type_code = str(p["service_type_code"])
    offer.teryt = _gmina(p.get("teryt"))
    offer.capacity_available = p.get("capacity_available")
    offer.capacity_max = p.get("capacity_max")
    offer.active = bool(p.get("active", True))
    offer.version = version


async def _agreement(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    agreement_id = uuid.UUID(str(p["id"]))
    version = int(p.get("version") or 0)
    agreement = await session.get(AgreementDim, agreement_id)
    if agreement is not None and agreement.version > version:
        return
    if agreement is None:
        agreement = AgreementDim(id=agreement_id)
        session.add(agreement)
    valid_from = parse_date(p["valid_from"])
    assert valid_from is not None
    agreement.valid_from = valid_from
    agreement.valid_to = parse_date(p.get("valid_to"))
    agreement.version = version
    await session.flush()
    await session.execute(delete(agreement_party).where(agreement_party.c.agreement_id == agreement_id))
    parties = sorted({uuid.UUID(str(x)) for x in p.get("party_ids") or []})
    if parties:
        await session.execute(
            insert(agreement_party), [{"agreement_id": agreement_id, "institution_id": i} for i in parties]
        )


# --- referrals -----------------------------------------------------------------------------------


async def _followups(session: AsyncSession, referral_id: uuid.UUID) -> dict[int, str | None]:
    rows = await session.execute(
        select(FollowupFact.due_months, FollowupFact.outcome_code)
        .where(FollowupFact.referral_id == referral_id)
        .order_by(FollowupFact.answered_at)
    )
    return {due: code for due, code in rows.all()}


async def _referral(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    snapshot = event.payload["referral"]
    referral_id = uuid.UUID(str(snapshot["id"]))
    version = int(snapshot["version"])
    fact = await session.get(ReferralFact, referral_id)
    if fact is not None and (
        fact.version > version or (fact.version == version and fact.last_event_seq >= event.seq)
    ):
        return  # an older snapshot re-delivered or overtaken: the newest one wins
    old_month = (fact.sent_year, fact.sent_month) if fact is not None else (None, None)
    followups = await _followups(session, referral_id)
    person = await resolve_person(session, ctx.pseudonymise(snapshot.get("person_id")))
    is_new = fact is None
    if fact is None:
        fact = ReferralFact(referral_id=referral_id)
    fact.followup_3m_outcome = followups.get(3)
    fact.followup_6m_outcome = followups.get(6)
    outcomes = sorted({str(c) for c in snapshot.get("outcome_codes") or []})
    fact.version = version
    fact.last_event_seq = event.seq
    fact.parent_referral_id = _uuid(snapshot.get("parent_referral_id"))
    fact.chain_root_id = _uuid(snapshot.get("chain_root_id"))
    fact.chain_depth = int(snapshot.get("chain_depth") or 0)
    fact.person_pseudonym = person
    fact.sender_institution_id = _uuid(snapshot.get("sender_institution_id"))
    fact.target_institution_id = _uuid(snapshot.get("target_institution_id"))
    fact.target_offer_id = _uuid(snapshot.get("target_offer_id"))
    fact.service_type = str(snapshot["service_type_code"])
    fact.priority = str(snapshot.get("priority") or "routine")
    fact.programme = snapshot.get("programme")
    fact.status = str(snapshot["status"])
    fact.business_status = snapshot.get("business_status")
    fact.legal_basis_kind = snapshot.get("legal_basis_kind")
    fact.reason_code = snapshot.get("reason_code")
    fact.declined_by = snapshot.get("declined_by")
    fact.outcome_codes = outcomes
    fact.cancellation_requested = bool(snapshot.get("cancellation_requested"))
    fact.acknowledged_flag = bool(snapshot.get("acknowledged"))
    fact.overdue_flag = bool(snapshot.get("overdue"))
    for name in ("created_at", "sent_at", "responded_at", "accepted_at", "started_at", "ended_at", "due_at"):
        setattr(fact, name, parse_datetime(snapshot.get(name)))
    derived = derive(
        snapshot,
        calendar=ctx.calendar,
        employment_outcomes=ctx.employment_outcomes,
        followup_3m=fact.followup_3m_outcome,
        followup_6m=fact.followup_6m_outcome,
    )
    for name, value in derived.items():
        setattr(fact, name, value)
    if is_new:
        session.add(fact)
    await session.flush()
    await session.execute(delete(ReferralOutcome).where(ReferralOutcome.referral_id == referral_id))
    if outcomes:
        await session.execute(
            insert(ReferralOutcome), [{"referral_id": referral_id, "outcome_code": c} for c in outcomes]
        )
    await cubes.mark_dirty(session, [old_month, (fact.sent_year, fact.sent_month)])


async def _followup(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    followup_id = uuid.UUID(str(p["followup_id"]))
    referral_id = uuid.UUID(str(p["referral_id"]))
    row = await session.get(FollowupFact, followup_id)
    if row is None:
        row = FollowupFact(followup_id=followup_id, referral_id=referral_id)
        session.add(row)
    row.due_months = int(p["due_months"])
    row.outcome_code = p.get("outcome_code")
    row.answered_at = parse_datetime(p.get("answered_at"))
    await session.flush()
    fact = await session.get(ReferralFact, referral_id)
    if fact is None:
        return  # applied when the referral's snapshot arrives
    followups = await _followups(session, referral_id)
    fact.followup_3m_outcome = followups.get(3)
    fact.followup_6m_outcome = followups.get(6)
    employment = bool(fact.employment_outcome)
    for months, outcome in ((3, fact.followup_3m_outcome), (6, fact.followup_6m_outcome)):
        setattr(fact, f"followup_{months}m_answered", int(employment and outcome is not None))
        setattr(fact, f"followup_{months}m_employed", int(employment and outcome in ctx.employment_outcomes))
    await cubes.mark_dirty(session, [(fact.sent_year, fact.sent_month)])


Handler = Callable[[AsyncSession, FeedEvent, IngestContext], Awaitable[None]]

HANDLERS: dict[str, Handler] = {
    "institution.created": _institution,
    "institution.updated": _institution,
    "offer.created": _offer,
    "offer.updated": _offer,
    "offer.capacity_changed": _offer,
    "agreement.created": _agreement,
    "agreement.updated": _agreement,
    "person.created": person_event,
    "person.updated": person_event,
    "person.anonymised": person_event,
    "person.registered": person_event,
    "person.merged": person_merged,
    "consent.given": consent_event,
    "consent.withdrawn": consent_event,
    "access.granted": access_granted,
    "followup.answered": _followup,
}


def handler_for(event: FeedEvent) -> Handler | None:
    if event.type in HANDLERS:
        return HANDLERS[event.type]
    if event.type.startswith("referral.") and isinstance(event.payload.get("referral"), dict):
        return _referral
    return None  # access.revoked and anything new: nothing to count


# --- consuming -----------------------------------------------------------------------------------


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


async def _try_lock(session: AsyncSession, source: str) -> bool:
    if session.bind is None or session.bind.dialect.name != "postgresql":
        return True  # SQLite: one process, writers serialised anyway
    got = await session.scalar(
        text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": SOURCE_LOCK_KEYS[source]}
    )
    return bool(got)


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
        cursor = await session.get(SourceCursor, source.name)
        if cursor is None:
            cursor = SourceCursor(
                source=source.name, last_seq=0, head_seq=0, events_applied=0, consecutive_failures=0
            )
            session.add(cursor)
            await session.flush()
        page = await source.fetch(after=cursor.last_seq, limit=batch_size)
        result.fetched = len(page.items)
        ids = [e.id for e in page.items]
        seen = (
            set(
                (
                    await session.scalars(
                        select(ProcessedEvent.event_id).where(ProcessedEvent.event_id.in_(ids))
                    )
                ).all()
            )
            if ids
            else set()
        )
        for event in page.items:
            if event.id in seen:
                continue
            seen.add(event.id)
            handler = handler_for(event)
            if handler is not None:
                try:
                    async with session.begin_nested():
                        await handler(session, event, ctx)
                    result.applied += 1
                except (KeyError, ValueError, TypeError, AssertionError) as exc:
                    # A malformed event must not stall the feed; it is recorded and skipped.
                    result.skipped += 1
                    log.warning(
                        "event_skipped",
                        source=source.name,
                        seq=event.seq,
                        type=event.type,
                        error=type(exc).__name__,
                    )
            session.add(
                ProcessedEvent(event_id=event.id, source=source.name, seq=event.seq, processed_at=utcnow())
            )
        cursor.last_seq = max(cursor.last_seq, page.last_seq)
        cursor.head_seq = max(page.head_seq, cursor.last_seq)
        cursor.events_applied = (cursor.events_applied or 0) + result.applied
        cursor.last_success_at = utcnow()
        cursor.consecutive_failures = 0
        result.last_seq, result.head_seq = cursor.last_seq, cursor.head_seq
        if refresh:
            await cubes.refresh_dirty(session)
    return result


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
    return len(items)


async def ingest_until_caught_up(
    sessionmaker: async_sessionmaker[AsyncSession],
    sources: Sources,
    ctx: IngestContext,
    *,
    batch_size: int,
    refresh: bool = True,
    max_batches: int = 1_000_000,
) -> dict[str, BatchResult]:
    """Consume every source until its cursor reaches the head (``splot-reporting ingest --once``).
    Errors propagate: the caller decides whether to retry."""
    if sources.catalogue is not None:
        try:
            await refresh_service_types(sessionmaker, sources.catalogue)
        except Exception as exc:  # the fallback list of sensitive types applies meanwhile
            log.warning("service_types_unavailable", error=type(exc).__name__)
    totals: dict[str, BatchResult] = {}
    for source in sources.feeds:
        total = BatchResult(source=source.name)
        for _ in range(max_batches):
            batch = await consume_batch(sessionmaker, source, ctx, batch_size=batch_size, refresh=refresh)
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
        totals[source.name] = total
    return totals


@dataclass
class Backoff:
    initial: float
    maximum: float
    failures: dict[str, int] = field(default_factory=dict)
    not_before: dict[str, float] = field(default_factory=dict)

    def ready(self, source: str, now: float) -> bool:
        return now >= self.not_before.get(source, 0.0)

    def success(self, source: str) -> None:
        self.failures.pop(source, None)
        self.not_before.pop(source, None)

    def failure(self, source: str, now: float) -> float:
        count = self.failures.get(source, 0) + 1
        self.failures[source] = count
        delay = min(self.maximum, self.initial * 2 ** (count - 1))
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
) -> Backoff:
    """Poll every source for ever (the background task): back off exponentially, per source,
    while a source is down; resume from the stored cursor after a restart."""
    backoff = Backoff(settings.ingest_backoff_initial_seconds, settings.ingest_backoff_max_seconds)
    catalogue_due = 0.0
    cycles = 0
    while max_cycles is None or cycles < max_cycles:
        cycles += 1
        now = clock()
        if sources.catalogue is not None and now >= catalogue_due:
            try:
                await refresh_service_types(sessionmaker, sources.catalogue)
                catalogue_due = now + settings.service_types_refresh_seconds
            except Exception as exc:
                catalogue_due = now + settings.ingest_backoff_initial_seconds * 30
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


ANALYTICAL_TABLES = (
    *(cube.table for cube in cubes.CUBES),
    ReferralOutcome.__table__,
    FollowupFact.__table__,
    ReferralFact.__table__,
    PersonContact.__table__,
    PersonDim.__table__,
    ConsentFact.__table__,
    agreement_party,
    AgreementDim.__table__,
    OfferDim.__table__,
    InstitutionDim.__table__,
    ProcessedEvent.__table__,
    DirtyMonth.__table__,
    SourceCursor.__table__,
)


async def reset(session: AsyncSession) -> None:
    """Empty the analytical store and the cursors (editions are kept: they are frozen)."""
    if session.bind is not None and session.bind.dialect.name == "postgresql":
        for key in sorted(SOURCE_LOCK_KEYS.values()):  # wait for in-flight batches of any replica
            await session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
    for table in ANALYTICAL_TABLES:
        await session.execute(delete(table))
    await session.flush()


async def rebuild(
    sessionmaker: async_sessionmaker[AsyncSession], sources: Sources, ctx: IngestContext, *, batch_size: int
) -> dict[str, BatchResult]:
    """Truncate the analytical tables and cursors, re-consume every feed from 0, then recompute
    every month of every cube once (``splot-reporting rebuild``)."""
    async with sessionmaker() as session, session.begin():
        await reset(session)
    totals = await ingest_until_caught_up(sessionmaker, sources, ctx, batch_size=batch_size, refresh=False)
    async with sessionmaker() as session, session.begin():
        await cubes.mark_all_dirty(session)
        await cubes.refresh_dirty(session)
    return totals


async def source_status(session: AsyncSession) -> list[SourceCursor]:
    return list((await session.scalars(select(SourceCursor).order_by(SourceCursor.source))).all())


async def counts(session: AsyncSession) -> dict[str, int]:
    """Row counts of the main analytical tables (for the CLI's summary)."""
    out = {}
    for model in (InstitutionDim, PersonDim, ReferralFact, ProcessedEvent):
        out[model.__tablename__] = int(await session.scalar(select(func.count()).select_from(model)) or 0)
    return out
