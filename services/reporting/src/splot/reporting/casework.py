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
"""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from splot.reporting.clients_feed import resolve_person
from splot.reporting.facts import parse_date, parse_datetime
from splot.reporting.models import (
    Base,
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
)
from splot.reporting.sources import FeedEvent

if TYPE_CHECKING:
    from datetime import date

    from splot.reporting.ingestion import IngestContext

F = TypeVar("F", bound=Base)


async def _newer(session: AsyncSession, model: type[F], key: dict[str, uuid.UUID], seq: int) -> F | None:
    """The fact to write (a new one when absent); None when it is already as new as the event."""
    row = await session.get(model, next(iter(key.values())))
    if row is None:
        row = model(**key)
        session.add(row)
    elif int(getattr(row, "last_event_seq", 0)) >= seq:
        return None
    row.last_event_seq = seq  # type: ignore[attr-defined]
    return row


def _local_day(value: Any, ctx: IngestContext) -> date | None:
    moment = parse_datetime(value)
    return ctx.calendar.local_date(moment) if moment else None


async def plan_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    person = await resolve_person(session, ctx.pseudonymise(p["person_id"]))
    row = await _newer(session, CaseworkPlanFact, {"plan_id": uuid.UUID(str(p["plan_id"]))}, event.seq)
    if row is None:
        return
    row.person_pseudonym = person
    row.plan_type = str(p["plan_type_code"])[:48]
    row.owner_institution_id = uuid.UUID(str(p["owner_institution_id"]))
    row.party_institution_ids = sorted({str(uuid.UUID(str(i))) for i in p.get("party_institution_ids") or []})
    row.diagnosis_id = uuid.UUID(str(p["diagnosis_id"])) if p.get("diagnosis_id") else None
    starts_on = parse_date(p["starts_on"])
    assert starts_on is not None
    row.created_on = starts_on
    row.next_review_due = parse_date(p.get("next_review_due"))
    row.status = str(p["status"])[:16]
    row.programme = str(p["programme"])[:64] if p.get("programme") else None
    if row.status == "closed":
        row.closed_on = row.closed_on or ctx.calendar.local_date(event.occurred_at)
    else:
        row.closed_on = None
    if event.type == "plan.reviewed":
        reviewed = parse_date(p["reviewed_on"])
        due = parse_date(p.get("review_was_due"))
        row.last_reviewed_on = reviewed
        row.last_review_on_time = None if due is None or reviewed is None else reviewed <= due
    await session.flush()


async def goal_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    row = await _newer(session, CaseworkGoalFact, {"goal_id": uuid.UUID(str(p["goal_id"]))}, event.seq)
    if row is None:
        return
    row.plan_id = uuid.UUID(str(p["plan_id"]))
    row.owner_institution_id = uuid.UUID(str(p["owner_institution_id"]))
    row.area_code = str(p["area_code"])[:48]
    assessed = p.get("status") == "assessed" and p.get("assessment")
    row.assessment = str(p["assessment"])[:24] if assessed else None
    row.assessed_on = _local_day(p.get("assessed_at"), ctx) if assessed else None
    await session.flush()


async def action_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    row = await _newer(session, CaseworkActionFact, {"action_id": uuid.UUID(str(p["action_id"]))}, event.seq)
    if row is None:
        return
    row.plan_id = uuid.UUID(str(p["plan_id"]))
    row.owner_institution_id = uuid.UUID(str(p["owner_institution_id"]))
    row.plan_owner_institution_id = uuid.UUID(str(p["plan_owner_institution_id"]))
    row.status = str(p["status"])[:16]
    receiver = p.get("referral_receiver_institution_id")
    row.referral_receiver_institution_id = uuid.UUID(str(receiver)) if receiver else None
    row.referral_status = str(p["referral_status"])[:24] if p.get("referral_status") else None
    first = _local_day(p.get("created_at"), ctx) or ctx.calendar.local_date(event.occurred_at)
    row.first_action_on = first
    await session.flush()


async def diagnosis_event(session: AsyncSession, event: FeedEvent, ctx: IngestContext) -> None:
    p = event.payload
    person = await resolve_person(session, ctx.pseudonymise(p["person_id"]))
    row = await _newer(
        session, CaseworkDiagnosisFact, {"diagnosis_id": uuid.UUID(str(p["diagnosis_id"]))}, event.seq
    )
    if row is None:
        return
    row.person_pseudonym = person
    row.owner_institution_id = uuid.UUID(str(p["owner_institution_id"]))
    diagnosed = parse_date(p["diagnosed_on"])
    assert diagnosed is not None
    row.diagnosed_on = diagnosed
    row.signed_on = _local_day(p.get("signed_at"), ctx) if p.get("status") == "signed" else None
    row.joint = bool(p.get("joint"))
    await session.flush()


HANDLERS = {
    "diagnosis.created": diagnosis_event,
    "diagnosis.updated": diagnosis_event,
    "diagnosis.signed": diagnosis_event,
    "plan.created": plan_event,
    "plan.updated": plan_event,
    "plan.reviewed": plan_event,
    "plan.goal_added": goal_event,
    "plan.goal_assessed": goal_event,
    "plan.goal_reopened": goal_event,
    "plan.action_added": action_event,
    "plan.action_changed": action_event,
}
