"""Applying a run of referral snapshot events in bulk (issue #17).

The per-event handler (:func:`splot.reporting.ingestion._referral`) costs a savepoint and 6–9
statements per event. A page of the referrals feed is mostly consecutive ``referral.*`` events, so
the consumer hands each such run to :func:`apply_referrals`, which gives the same result with a
handful of statements for the whole run:

1. decode and validate every event in Python (a malformed one is skipped, as before);
2. keep, per referral, the newest snapshot of the run (highest ``version``, then feed ``seq``: the
   rule the per-event handler applies one event at a time);
3. read the stored facts, follow-ups and persons of those referrals (one ``SELECT`` each) and
   drop the snapshots an already stored one overtakes;
4. write the facts: those not stored yet (a referral's first snapshot) and their outcome rows
   with ``COPY`` (:func:`insert_new_rows`); the others (most of a feed: every later snapshot)
   replace their stored rows (:func:`replace_facts`: on PostgreSQL ``COPY`` into a temporary
   staging table and one ``UPDATE … FROM`` that also deletes their outcome rows; an upsert
   elsewhere); mark the touched cohort months dirty (old and new month of every fact);
5. re-apply "an employment outcome counts once per chain" to the chains with more than one
   referral (:mod:`splot.reporting.employment`).

The look-ups of step 3 send their keys as one array on PostgreSQL (:func:`among`).
The caller runs this in a savepoint and, should a statement fail, falls back to the per-event
handler for the run, so one bad event cannot block the feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

import structlog
from sqlalchemy import MetaData, Table, bindparam, delete, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.bulk import copy_rows, upsert_rows
from splot.common.db import among, dialect_insert, is_postgresql
from splot.reporting import cubes, employment
from splot.reporting.clients_feed import resolve_person
from splot.reporting.clients_feed import uuid_or_none as _uuid
from splot.reporting.facts import derive, parse_datetime
from splot.reporting.models import (
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
    FollowupFact,
    PersonContact,
    PersonDim,
    ReferralFact,
    ReferralOutcome,
)
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from splot.reporting.ingestion import IngestContext

log = structlog.get_logger("splot.reporting.ingest_batch")

_MOMENTS = ("created_at", "sent_at", "responded_at", "accepted_at", "started_at", "ended_at", "due_at")
_FACTS: Table = ReferralFact.__table__  # type: ignore[assignment]

_OUTCOMES: Table = ReferralOutcome.__table__  # type: ignore[assignment]

#: The analytical rows the bulk appliers write with Core statements, underneath the ORM.
CORE_WRITTEN = (
    ReferralFact,
    PersonDim,
    PersonContact,
    CaseworkPlanFact,
    CaseworkGoalFact,
    CaseworkActionFact,
    CaseworkDiagnosisFact,
)


async def insert_new_rows(session: AsyncSession, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows known not to exist yet (their keys were looked up in this transaction, under the
    source's lock) with :func:`splot.common.bulk.copy_rows` (``COPY`` on PostgreSQL). A key that
    exists after all fails the statement with an ``IntegrityError``, like any other error of a
    bulk run (the caller's savepoint falls back to the per-event path)."""
    await copy_rows(session, table, rows)


T = TypeVar("T")


def _decode_all(
    source: str, events: list[FeedEvent], decode_one: Callable[[FeedEvent], T]
) -> tuple[list[T], int]:
    """The events of a run decoded, in order, and how many were skipped as malformed (each logged
    by its type and position, never its content)."""
    decoded: list[T] = []
    skipped = 0
    for event in events:
        try:
            decoded.append(decode_one(event))
        except (KeyError, ValueError, TypeError, AttributeError) as exc:
            skipped += 1
            log.warning(
                "event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__
            )
    return decoded, skipped


@dataclass
class _Snapshot:
    event: FeedEvent
    referral_id: uuid.UUID
    version: int
    values: dict[str, Any]
    snapshot: dict[str, Any]

    @property
    def order(self) -> tuple[int, int]:
        return (self.version, self.event.seq)


#: Institutions and offers recur in snapshot after snapshot: their ids are parsed once.
_recurring_uuid = lru_cache(maxsize=1 << 16)(_uuid)


def snapshot_columns(snapshot: dict[str, Any], seq: int) -> dict[str, Any]:
    """The fact's columns read straight off a referral snapshot (no stored row, no derived measure,
    no moments): shared by bulk ingestion and the synthetic country's loader."""
    referral_id = uuid.UUID(str(snapshot["id"]))
    root = snapshot.get("chain_root_id")
    return {
        "referral_id": referral_id,
        "version": int(snapshot["version"]),
        "last_event_seq": seq,
        "parent_referral_id": _uuid(snapshot.get("parent_referral_id")),
        "chain_root_id": referral_id if root is not None and root == snapshot["id"] else _uuid(root),
        "chain_depth": int(snapshot.get("chain_depth") or 0),
        "sender_institution_id": _recurring_uuid(snapshot.get("sender_institution_id")),
        "target_institution_id": _recurring_uuid(snapshot.get("target_institution_id")),
        "target_offer_id": _recurring_uuid(snapshot.get("target_offer_id")),
        "service_type": str(snapshot["service_type_code"]),
        "priority": str(snapshot.get("priority") or "routine"),
        "programme": snapshot.get("programme"),
        "status": str(snapshot["status"]),
        "business_status": snapshot.get("business_status"),
        "legal_basis_kind": snapshot.get("legal_basis_kind"),
        "reason_code": snapshot.get("reason_code"),
        "declined_by": snapshot.get("declined_by"),
        "outcome_codes": sorted({str(c) for c in snapshot.get("outcome_codes") or []}),
        "cancellation_requested": bool(snapshot.get("cancellation_requested")),
        "acknowledged_flag": bool(snapshot.get("acknowledged")),
        "overdue_flag": bool(snapshot.get("overdue")),
    }


def decode(event: FeedEvent) -> _Snapshot:
    """Everything of a referral snapshot that does not depend on stored rows; raises KeyError,
    ValueError or TypeError for a malformed payload (as the per-event handler would)."""
    snapshot = event.payload["referral"]
    values: dict[str, Any] = snapshot_columns(snapshot, event.seq)
    for name in _MOMENTS:
        value = snapshot.get(name)
        values[name] = None if value is None else parse_datetime(value)
    return _Snapshot(event, values["referral_id"], values["version"], values, snapshot)


async def _stored(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    rows = await session.execute(
        select(
            _FACTS.c.referral_id,
            _FACTS.c.version,
            _FACTS.c.last_event_seq,
            _FACTS.c.sent_year,
            _FACTS.c.sent_month,
        ).where(among(session, _FACTS.c.referral_id, ids))
    )
    return {row.referral_id: row for row in rows}


async def _followups(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, dict[int, str | None]]:
    rows = await session.execute(
        select(FollowupFact.referral_id, FollowupFact.due_months, FollowupFact.outcome_code)
        .where(among(session, FollowupFact.referral_id, ids))
        .order_by(FollowupFact.referral_id, FollowupFact.answered_at)
    )
    out: dict[uuid.UUID, dict[int, str | None]] = {}
    for referral_id, due, code in rows.all():
        out.setdefault(referral_id, {})[due] = code  # the latest answer of each due month wins
    return out


async def resolve_persons(session: AsyncSession, pseudonyms: set[str]) -> dict[str, str | None]:
    """The pseudonym each person's facts are kept under (merges followed), in one query of the
    merged persons' index plus one lookup per merged person."""
    if not pseudonyms:
        return {}
    merged = set(
        await session.scalars(
            select(PersonDim.pseudonym).where(
                among(session, PersonDim.pseudonym, pseudonyms), PersonDim.merged_into.is_not(None)
            )
        )
    )
    out: dict[str, str | None] = {p: p for p in pseudonyms}
    for pseudonym in merged:
        out[pseudonym] = await resolve_person(session, pseudonym)
    return out


def expire_facts(session: AsyncSession) -> None:
    """Forget the facts and persons the ORM holds (they were written with Core statements)."""
    for obj in list(session.identity_map.values()):
        if isinstance(obj, CORE_WRITTEN):
            session.expire(obj)


async def apply_referrals(
    session: AsyncSession,
    source: str,
    events: list[FeedEvent],
    ctx: IngestContext,
    *,
    maintain_cubes: bool = True,
) -> tuple[int, int]:
    """Apply a run of referral snapshot events; returns (applied, skipped). With
    ``maintain_cubes`` the cubes are updated by delta (:func:`splot.reporting.cubes.apply_delta`),
    otherwise the touched months are marked dirty (a rebuild recomputes every month at the end)."""
    newest: dict[uuid.UUID, _Snapshot] = {}
    decoded, skipped = _decode_all(source, events, decode)
    for item in decoded:
        held = newest.get(item.referral_id)
        if held is None or item.order > held.order:
            newest[item.referral_id] = item
    applied = len(events) - skipped
    if not newest:
        return applied, skipped

    ids = list(newest)
    stored = await _stored(session, ids)
    for referral_id, row in stored.items():
        item = newest[referral_id]
        if row.version > item.version or (
            row.version == item.version and row.last_event_seq >= item.event.seq
        ):
            del newest[referral_id]  # a stored snapshot overtakes this run's newest one
    if not newest:
        return applied, skipped
    ids = list(newest)
    followups = await _followups(session, ids)
    pseudonyms = {rid: ctx.pseudonymise(item.snapshot.get("person_id")) for rid, item in newest.items()}
    persons = await resolve_persons(session, {p for p in pseudonyms.values() if p})
    rows: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    months: list[tuple[int | None, int | None]] = []
    for referral_id, item in newest.items():
        answers = followups.get(referral_id, {})
        values = dict(item.values)
        pseudonym = pseudonyms[referral_id]
        values["person_pseudonym"] = persons.get(pseudonym) if pseudonym is not None else None
        values["followup_3m_outcome"] = answers.get(3)
        values["followup_6m_outcome"] = answers.get(6)
        values.update(
            derive(
                item.snapshot,
                calendar=ctx.calendar,
                employment_outcomes=ctx.employment_outcomes,
                followup_3m=values["followup_3m_outcome"],
                followup_6m=values["followup_6m_outcome"],
                moments=item.values,
            )
        )
        rows.append(values)
        outcomes += [{"referral_id": referral_id, "outcome_code": code} for code in values["outcome_codes"]]
        old = stored.get(referral_id)
        if old is not None:
            months.append((old.sent_year, old.sent_month))
        months.append((values["sent_year"], values["sent_month"]))

    replaced = [referral_id for referral_id in ids if referral_id in stored]
    if maintain_cubes:
        await cubes.apply_delta(session, replaced, -1)  # what the stored facts counted
    # New facts are copied in; stored ones are replaced in place (with their outcome rows).
    await insert_new_rows(session, _FACTS, [row for row in rows if row["referral_id"] not in stored])
    await replace_facts(session, [row for row in rows if row["referral_id"] in stored])
    await insert_new_rows(session, _OUTCOMES, outcomes)
    if maintain_cubes:
        await cubes.apply_delta(session, ids, 1)  # what they count now
        await cubes.drop_empty(session, months)
    else:
        await cubes.mark_dirty(session, months)
    expire_facts(session)  # the ORM may hold these facts: they were written underneath it
    await employment.count_once_per_chain(
        session, {row["chain_root_id"] for row in rows}, ctx.employment_outcomes
    )
    return applied, skipped


_STAGE: Table = Table("referral_fact_stage", MetaData(), *(column._copy() for column in _FACTS.columns))
_CREATE_STAGE = text(
    f"CREATE TEMPORARY TABLE IF NOT EXISTS {_STAGE.name} (LIKE {_FACTS.name}) ON COMMIT DELETE ROWS"
)


def _replace_from_stage() -> Any:
    """Every column of the staged rows over the stored facts, in one statement that also empties
    the staging table and deletes the replaced facts' outcome rows (the caller copies the new ones)."""
    staged = delete(_STAGE).returning(*_STAGE.c).cte("s")
    outcomes = delete(_OUTCOMES).where(_OUTCOMES.c.referral_id == staged.c.referral_id).cte("o")
    columns = [c.name for c in _FACTS.columns if c.name != "referral_id"]
    return (
        update(_FACTS)
        .values({name: staged.c[name] for name in columns})
        .where(_FACTS.c.referral_id == staged.c.referral_id)
        .add_cte(staged, outcomes)
    )


_REPLACE_FROM_STAGE = _replace_from_stage()


async def replace_facts(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    """Overwrite stored facts (every column) with ``rows`` and delete their outcome rows.

    PostgreSQL: the rows are copied (``COPY``) into a temporary table of the connection, created
    on first use and emptied at every commit (``ON COMMIT DELETE ROWS``, so it never grows over a
    rebuild's thousands of batches), and applied by one ``UPDATE … FROM`` — instead of an upsert
    of a page's rows whose parameters SQLAlchemy processes one by one and the server parses as a
    multi-row ``VALUES``. Elsewhere: ``INSERT … ON CONFLICT DO UPDATE`` (executemany)."""
    if not rows:
        return
    if is_postgresql(session):
        await session.execute(_CREATE_STAGE)
        await copy_rows(session, _STAGE, rows)
        await session.execute(_REPLACE_FROM_STAGE)
        return
    upsert = dialect_insert(session, _FACTS)
    statement = upsert.on_conflict_do_update(
        index_elements=[_FACTS.c.referral_id],
        set_={c.name: upsert.excluded[c.name] for c in _FACTS.columns if c.name != "referral_id"},
    )
    await session.execute(statement, rows)
    replaced = [row["referral_id"] for row in rows]
    await session.execute(delete(ReferralOutcome).where(ReferralOutcome.referral_id.in_(replaced)))


def _decode_followup(event: FeedEvent) -> dict[str, Any]:
    p = event.payload
    return {
        "followup_id": uuid.UUID(str(p["followup_id"])),
        "referral_id": uuid.UUID(str(p["referral_id"])),
        "due_months": int(p["due_months"]),
        "outcome_code": p.get("outcome_code"),
        "answered_at": parse_datetime(p.get("answered_at")),
    }


async def apply_followups(
    session: AsyncSession, source: str, events: list[FeedEvent], ctx: IngestContext
) -> tuple[int, int]:
    """Apply a run of ``followup.answered`` events (a rebuild replays one per employment outcome
    and due month); returns (applied, skipped). Same result as the per-event handler
    (:func:`splot.reporting.ingestion._followup`): each follow-up row holds its last answer; each
    fact of a touched referral takes, per due month, the answer latest in ``answered_at`` order,
    counted when the fact has an employment outcome; its cohort month is marked dirty."""
    answers: dict[uuid.UUID, dict[str, Any]] = {}
    decoded, skipped = _decode_all(source, events, _decode_followup)
    for row in decoded:
        held = answers.get(row["followup_id"])
        if held is not None:
            row["referral_id"] = held["referral_id"]  # a stored follow-up keeps its referral
        answers[row["followup_id"]] = row
    applied = len(events) - skipped
    if not answers:
        return applied, skipped
    table: Table = FollowupFact.__table__  # type: ignore[assignment]
    await upsert_rows(
        session,
        table,
        list(answers.values()),
        key=["followup_id"],
        update=lambda upsert: {
            name: upsert.excluded[name] for name in ("due_months", "outcome_code", "answered_at")
        },
    )
    ids = list({row["referral_id"] for row in answers.values()})
    facts = await session.execute(
        select(
            _FACTS.c.referral_id, _FACTS.c.employment_outcome, _FACTS.c.sent_year, _FACTS.c.sent_month
        ).where(among(session, _FACTS.c.referral_id, ids))
    )
    facts_by_id = {row.referral_id: row for row in facts}
    if not facts_by_id:
        return applied, skipped  # applied when the referrals' snapshots arrive
    followups = await _followups(session, list(facts_by_id))
    updates = []
    for referral_id, fact in facts_by_id.items():
        given = followups.get(referral_id, {})
        values: dict[str, Any] = {"rid": referral_id}
        employment = bool(fact.employment_outcome)
        for months in (3, 6):
            outcome = given.get(months)
            values[f"followup_{months}m_outcome"] = outcome
            values[f"followup_{months}m_answered"] = int(employment and outcome is not None)
            values[f"followup_{months}m_employed"] = int(employment and outcome in ctx.employment_outcomes)
        updates.append(values)
    columns = [name for name in updates[0] if name != "rid"]
    await session.execute(
        update(_FACTS)
        .where(_FACTS.c.referral_id == bindparam("rid"))
        .values({name: bindparam(name) for name in columns}),
        updates,
    )
    await cubes.mark_dirty(session, [(fact.sent_year, fact.sent_month) for fact in facts_by_id.values()])
    expire_facts(session)
    return applied, skipped
