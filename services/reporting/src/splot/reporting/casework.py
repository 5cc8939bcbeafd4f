"""Casework (issue #14) in the analytical store: the client registry's ``diagnosis.*``,
``plan.*`` events as facts without free text.

The payloads (services/clients ``casework/events.py``) carry ids, codes, dates, statuses and
institution ids only; the registry person id is replaced by its pseudonym here (as for referrals)
and never stored. They carry no version, so the feed's sequence number is the version: each fact
keeps the ``seq`` of the event it was last written from, and an event with a sequence number not
greater than that (re-delivered or overtaken) changes nothing.

* plan: type, owner, parties, the diagnosis it is based on, the day it starts (``created_on``),
  the next review due, status; ``plan.reviewed`` adds the review day and whether it was on time
  (on or before the review date due then; null when none was due);
* goal: plan, owner, problem area, assessment and the local day it was assessed (cleared when the
  goal is reopened);
* action: plan, the delivering institution, the plan's owner, status and the local day it was
  added (its ``created_at``);
* diagnosis: owner, day of diagnosis, the local day it was signed off, joint or not.

``lead_worker.assigned`` and ``case_conference.recorded`` are not counted (no measure uses them).

A rebuild replays millions of these events (issue #17), so a run of consecutive casework events
of a page is applied in bulk by :func:`apply_casework`: one ``SELECT`` of the stored facts per
kind, the events folded over them in feed order in Python (the rules above, each a pure function
of the fact as it stands and the event), then the new facts copied in and the changed ones
upserted. The per-event handler is the same function over a run of one, strict: a malformed
event raises, for the consumer's savepoint to skip it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import structlog
from sqlalchemy import Table, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.bulk import every_column_but, upsert_rows
from splot.common.db import among
from splot.reporting.facts import parse_date, parse_datetime
from splot.reporting.ingest_batch import expire_facts, insert_new_rows, resolve_persons
from splot.reporting.models import (
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
)
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from datetime import date

    from splot.reporting.ingestion import IngestContext

log = structlog.get_logger("splot.reporting.casework")

Row = dict[str, Any]
#: What a malformed payload raises while it is read.
MALFORMED = (KeyError, ValueError, TypeError, AttributeError, AssertionError)


def _local_day(value: Any, ctx: IngestContext) -> date | None:
    moment = parse_datetime(value)
    return ctx.calendar.local_date(moment) if moment else None


def _uuid(value: Any) -> uuid.UUID:
    return uuid.UUID(str(value))


# --- the rules: a fact as it stands + an event -> the fact as it is after it ---------------------


def _plan(row: Row, event: FeedEvent, ctx: IngestContext, person: str | None) -> None:
    p = event.payload
    row["person_pseudonym"] = person
    row["plan_type"] = str(p["plan_type_code"])[:48]
    row["owner_institution_id"] = _uuid(p["owner_institution_id"])
    row["party_institution_ids"] = sorted({str(_uuid(i)) for i in p.get("party_institution_ids") or []})
    row["diagnosis_id"] = _uuid(p["diagnosis_id"]) if p.get("diagnosis_id") else None
    starts_on = parse_date(p["starts_on"])
    assert starts_on is not None
    row["created_on"] = starts_on
    row["next_review_due"] = parse_date(p.get("next_review_due"))
    row["status"] = str(p["status"])[:16]
    row["programme"] = str(p["programme"])[:64] if p.get("programme") else None
    if row["status"] == "closed":
        row["closed_on"] = row.get("closed_on") or ctx.calendar.local_date(event.occurred_at)
    else:
        row["closed_on"] = None
    if event.type == "plan.reviewed":
        reviewed = parse_date(p["reviewed_on"])
        due = parse_date(p.get("review_was_due"))
        row["last_reviewed_on"] = reviewed
        row["last_review_on_time"] = None if due is None or reviewed is None else reviewed <= due


def _goal(row: Row, event: FeedEvent, ctx: IngestContext, person: str | None) -> None:
    p = event.payload
    row["plan_id"] = _uuid(p["plan_id"])
    row["owner_institution_id"] = _uuid(p["owner_institution_id"])
    row["area_code"] = str(p["area_code"])[:48]
    assessed = p.get("status") == "assessed" and p.get("assessment")
    row["assessment"] = str(p["assessment"])[:24] if assessed else None
    row["assessed_on"] = _local_day(p.get("assessed_at"), ctx) if assessed else None


def _action(row: Row, event: FeedEvent, ctx: IngestContext, person: str | None) -> None:
    p = event.payload
    row["plan_id"] = _uuid(p["plan_id"])
    row["owner_institution_id"] = _uuid(p["owner_institution_id"])
    row["plan_owner_institution_id"] = _uuid(p["plan_owner_institution_id"])
    row["status"] = str(p["status"])[:16]
    receiver = p.get("referral_receiver_institution_id")
    row["referral_receiver_institution_id"] = _uuid(receiver) if receiver else None
    row["referral_status"] = str(p["referral_status"])[:24] if p.get("referral_status") else None
    row["first_action_on"] = _local_day(p.get("created_at"), ctx) or ctx.calendar.local_date(
        event.occurred_at
    )


def _diagnosis(row: Row, event: FeedEvent, ctx: IngestContext, person: str | None) -> None:
    p = event.payload
    row["person_pseudonym"] = person
    row["owner_institution_id"] = _uuid(p["owner_institution_id"])
    diagnosed = parse_date(p["diagnosed_on"])
    assert diagnosed is not None
    row["diagnosed_on"] = diagnosed
    row["signed_on"] = _local_day(p.get("signed_at"), ctx) if p.get("status") == "signed" else None
    row["joint"] = bool(p.get("joint"))


@dataclass(frozen=True)
class _Kind:
    """One kind of casework fact: its table, the payload field that keys it, whether it names a
    person, and its rule."""

    table: Table
    key: str
    names_person: bool
    rule: Callable[[Row, FeedEvent, IngestContext, str | None], None]

    def blank(self, key: uuid.UUID) -> Row:
        row: Row = {column.name: None for column in self.table.columns}
        row[self.key] = key
        return row


_PLAN = _Kind(CaseworkPlanFact.__table__, "plan_id", True, _plan)  # type: ignore[arg-type]
_GOAL = _Kind(CaseworkGoalFact.__table__, "goal_id", False, _goal)  # type: ignore[arg-type]
_ACTION = _Kind(CaseworkActionFact.__table__, "action_id", False, _action)  # type: ignore[arg-type]
_DIAGNOSIS = _Kind(CaseworkDiagnosisFact.__table__, "diagnosis_id", True, _diagnosis)  # type: ignore[arg-type]

KINDS: dict[str, _Kind] = {
    "diagnosis.created": _DIAGNOSIS,
    "diagnosis.updated": _DIAGNOSIS,
    "diagnosis.signed": _DIAGNOSIS,
    "plan.created": _PLAN,
    "plan.updated": _PLAN,
    "plan.reviewed": _PLAN,
    "plan.goal_added": _GOAL,
    "plan.goal_assessed": _GOAL,
    "plan.goal_reopened": _GOAL,
    "plan.action_added": _ACTION,
    "plan.action_changed": _ACTION,
}


# --- applying a run ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Decoded:
    event: FeedEvent
    kind: _Kind
    key: uuid.UUID
    pseudonym: str | None


def _decode(event: FeedEvent, ctx: IngestContext) -> _Decoded:
    kind = KINDS[event.type]
    p = event.payload
    pseudonym = ctx.pseudonymise(p["person_id"]) if kind.names_person else None
    return _Decoded(event, kind, _uuid(p[kind.key]), pseudonym)


def _skip(source: str, event: FeedEvent, exc: Exception) -> None:
    log.warning("event_skipped", source=source, seq=event.seq, type=event.type, error=type(exc).__name__)


async def _stored(session: AsyncSession, decoded: list[_Decoded]) -> dict[tuple[str, uuid.UUID], Row]:
    """The stored facts the run's events are about, by (table, key): one query per kind."""
    keys: dict[_Kind, set[uuid.UUID]] = {}
    for item in decoded:
        keys.setdefault(item.kind, set()).add(item.key)
    out: dict[tuple[str, uuid.UUID], Row] = {}
    for kind, wanted in keys.items():
        key = kind.table.c[kind.key]
        for row in await session.execute(select(kind.table).where(among(session, key, wanted))):
            values = dict(row._mapping)
            out[(kind.table.name, values[kind.key])] = values
    return out


async def apply_casework(
    session: AsyncSession, source: str, events: list[FeedEvent], ctx: IngestContext, *, strict: bool = False
) -> tuple[int, int]:
    """Apply a run of casework events in feed order; returns (applied, skipped). ``strict``
    raises on a malformed event instead of skipping it (the per-event handler)."""
    decoded: list[_Decoded] = []
    skipped = 0
    for event in events:
        try:
            decoded.append(_decode(event, ctx))
        except MALFORMED as exc:
            if strict:
                raise
            skipped += 1
            _skip(source, event, exc)
    if not decoded:
        return len(events) - skipped, skipped
    stored = await _stored(session, decoded)
    persons = await resolve_persons(session, {item.pseudonym for item in decoded if item.pseudonym})
    facts: dict[tuple[str, uuid.UUID], Row] = dict(stored)
    changed: dict[tuple[str, uuid.UUID], _Kind] = {}
    for item in decoded:
        ident = (item.kind.table.name, item.key)
        current = facts.get(ident)
        if current is not None and int(current["last_event_seq"]) >= item.event.seq:
            continue  # re-delivered or overtaken: changes nothing
        row = dict(current) if current is not None else item.kind.blank(item.key)
        try:
            item.kind.rule(row, item.event, ctx, persons.get(item.pseudonym) if item.pseudonym else None)
        except MALFORMED as exc:
            if strict:
                raise
            skipped += 1
            _skip(source, item.event, exc)
            continue
        row["last_event_seq"] = item.event.seq
        facts[ident] = row
        changed[ident] = item.kind
    await _write(session, stored, facts, changed)
    return len(events) - skipped, skipped


async def _write(
    session: AsyncSession,
    stored: dict[tuple[str, uuid.UUID], Row],
    facts: dict[tuple[str, uuid.UUID], Row],
    changed: dict[tuple[str, uuid.UUID], _Kind],
) -> None:
    """New facts copied in (``COPY`` on PostgreSQL), stored ones upserted, per table."""
    by_kind: dict[_Kind, tuple[list[Row], list[Row]]] = {}
    for ident, kind in changed.items():
        new, old = by_kind.setdefault(kind, ([], []))
        (old if ident in stored else new).append(facts[ident])
    for kind, (new, old) in by_kind.items():
        await insert_new_rows(session, kind.table, new)
        await upsert_rows(session, kind.table, old, key=[kind.key], update=every_column_but([kind.key]))
    if changed:
        expire_facts(session)  # the ORM may hold these facts: they were written underneath it


async def casework_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    """The per-event handler: a run of one, strict."""
    await apply_casework(session, "", [event], ctx, strict=True)


HANDLERS = dict.fromkeys(KINDS, casework_event)
