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

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import structlog
from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.bulk import every_column_but, upsert_rows
from splot.reporting import casework, cubes, employment
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
    FollowupFact,
    InstitutionDim,
    OfferDim,
    ReferralFact,
    ReferralOutcome,
    agreement_party,
)
from splot.reporting.partnerships import partnership_event
from splot.reporting.practices import problem_areas as practice_problem_areas
from splot.reporting.sources import FeedEvent

log = structlog.get_logger("splot.reporting.ingestion")

SOURCE_LOCK_KEYS = {"directory": 0x5250_5254_1001, "clients": 0x5250_5254_1002, "referrals": 0x5250_5254_1003}


@dataclass(frozen=True)
class IngestContext:
    pseudonymise: Pseudonymiser
    calendar: Calendar
    employment_outcomes: frozenset[str]

    @classmethod
    def from_settings(cls, settings: ReportingSettings) -> IngestContext:
        calendar = Calendar.named(settings.timezone)
        calendar.load_holidays()  # at start-up, not in the first batch
        return cls(
            pseudonymise=Pseudonymiser(settings.pseudonym_key.get_secret_value()),
            calendar=calendar,
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


INSTITUTION_EVENTS = frozenset({"institution.created", "institution.updated"})
OFFER_EVENTS = frozenset({"offer.created", "offer.updated", "offer.capacity_changed"})
_INSTITUTIONS: Table = InstitutionDim.__table__  # type: ignore[assignment]
_OFFERS: Table = OfferDim.__table__  # type: ignore[assignment]


def _institution_row(p: dict[str, Any], inst_id: uuid.UUID, version: int) -> dict[str, Any]:
    teryt = str(p["teryt"])
    return {
        "id": inst_id,
        "type": str(p["type"]),
        "name": str(p.get("name") or "")[:300],
        "teryt": teryt,
        "powiat_code": str(p.get("powiat_code") or teryt[:4]),
        "voivodeship_code": str(p.get("voivodeship_code") or teryt[:2]),
        "active": bool(p.get("active", True)),
        "version": version,
    }


def _offer_row(p: dict[str, Any], offer_id: uuid.UUID, version: int) -> dict[str, Any]:
    return {
        "id": offer_id,
        "institution_id": uuid.UUID(str(p["institution_id"])),
        "service_type_code": str(p["service_type_code"]),
        "teryt": _gmina(p.get("teryt")),
        "capacity_available": p.get("capacity_available"),
        "capacity_max": p.get("capacity_max"),
        "active": bool(p.get("active", True)),
        "version": version,
    }


async def apply_directory(
    session: AsyncSession, source: str, events: list[FeedEvent], ctx: IngestContext
) -> tuple[int, int]:
    """A run of institution and offer events in bulk (a rebuild replays tens of thousands); returns
    (applied, skipped). Same result as :func:`_institution` and :func:`_offer` event by event: the
    events are played in order over the stored rows (an older ``version`` than the row's is
    ignored), the last rows are upserted once, and the months of the facts naming an institution
    that appeared, changed type or moved are marked dirty."""
    from splot.reporting.ingest_batch import expire_facts

    decoded: list[tuple[FeedEvent, Table, uuid.UUID, int]] = []
    skipped = 0
    for event in events:
        try:
            table = _INSTITUTIONS if event.type in INSTITUTION_EVENTS else _OFFERS
            decoded.append(
                (event, table, uuid.UUID(str(event.payload["id"])), int(event.payload.get("version") or 0))
            )
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            skipped += 1
            log.warning(
                "event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__
            )
    rows: dict[Table, dict[uuid.UUID, dict[str, Any]]] = {_INSTITUTIONS: {}, _OFFERS: {}}
    for table, held in rows.items():
        ids = {item_id for _, t, item_id, _ in decoded if t is table}
        if ids:
            stored = await session.execute(select(table).where(table.c.id.in_(ids)))
            held.update({row.id: dict(row._mapping) for row in stored})
    changed: dict[Table, set[uuid.UUID]] = {_INSTITUTIONS: set(), _OFFERS: set()}
    relocated: set[uuid.UUID] = set()
    for event, table, item_id, version in decoded:
        row = rows[table].get(item_id)
        if row is not None and row["version"] > version:
            continue  # an older event: ignored, as by the per-event handler
        try:
            build = _institution_row if table is _INSTITUTIONS else _offer_row
            new = build(event.payload, item_id, version)
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            skipped += 1
            log.warning(
                "event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__
            )
            continue
        if table is _INSTITUTIONS and (
            row is None or row["type"] != new["type"] or row["teryt"] != new["teryt"]
        ):
            relocated.add(item_id)
        rows[table][item_id] = new
        changed[table].add(item_id)
    for table, ids in changed.items():
        rows_of = [rows[table][item_id] for item_id in sorted(ids, key=str)]
        await upsert_rows(session, table, rows_of, key=["id"], update=every_column_but(["id"]))
    if relocated:
        f = ReferralFact.__table__
        await cubes.mark_dirty(
            session,
            await _fact_months(
                session, f.c.sender_institution_id.in_(relocated), f.c.target_institution_id.in_(relocated)
            ),
        )
    expire_facts(session)
    for obj in list(session.identity_map.values()):
        if isinstance(obj, InstitutionDim | OfferDim):
            session.expire(obj)
    return len(events) - skipped, skipped


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
    # Events from before confirmations existed carry no status: one party declared those
    # agreements alone, and they count only once every party confirms (a later event).
    agreement.status = str(p.get("status") or "pending")
    agreement.confirmed_on = parse_date(p.get("confirmed_on"))
    agreement.ended_on = parse_date(p.get("ended_on"))
    # The partnership's status on any day derives from its versions (partnerships.status_on).
    agreement.partnership_id = uuid.UUID(str(p["partnership_id"])) if p.get("partnership_id") else None
    agreement.number = int(p["number"]) if p.get("number") is not None else None
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
    await employment.count_once_per_chain(session, [fact.chain_root_id], ctx.employment_outcomes)


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
    "agreement.confirmed": _agreement,
    "agreement.terminated": _agreement,
    "agreement.superseded": _agreement,
    "partnership.created": partnership_event,
    "partnership.updated": partnership_event,
    "partnership.invitation_answered": partnership_event,
    "partnership.party_left": partnership_event,
    "person.created": person_event,
    "person.updated": person_event,
    "person.anonymised": person_event,
    "person.registered": person_event,
    "person.merged": person_merged,
    "consent.given": consent_event,
    "consent.withdrawn": consent_event,
    "access.granted": access_granted,
    "followup.answered": _followup,
    **casework.HANDLERS,
    **practice_problem_areas.HANDLERS,
}


def handler_for(event: FeedEvent) -> Handler | None:
    if event.type in HANDLERS:
        return HANDLERS[event.type]
    if event.type.startswith("referral.") and isinstance(event.payload.get("referral"), dict):
        return _referral
    return None  # access.revoked and anything new: nothing to count


def is_referral_snapshot(event: FeedEvent) -> bool:
    """A ``referral.*`` event carrying the snapshot (what :mod:`splot.reporting.ingest_batch`
    applies in bulk)."""
    return handler_for(event) is _referral
