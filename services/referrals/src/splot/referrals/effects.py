"""What each workflow action changes on the referral besides the status and flag the table names
(:data:`EFFECTS`), and the checks of the action's payload: its fields, reason and outcome codes,
the assignee."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Role
from splot.common.errors import Problem
from splot.referrals.models import FollowUp, OutcomeCode, ReasonCode, Referral
from splot.referrals.peers import Peers
from splot.referrals.workflow import Actor, Transition


@dataclass
class Payload:
    reason_code: str | None = None
    declined_by: str | None = None
    text: str | None = None
    outcome_codes: list[str] | None = None
    delivered: str | None = None
    assignee_user_id: uuid.UUID | None = None
    planned_start_date: date | None = None
    business_status: str | None = None


def payload_details(p: Payload) -> dict[str, Any]:
    """What the event row keeps of the payload (besides its reason code and text)."""
    return {
        "declined_by": p.declined_by,
        "outcome_codes": p.outcome_codes,
        "assignee_user_id": str(p.assignee_user_id) if p.assignee_user_id else None,
        "planned_start_date": p.planned_start_date.isoformat() if p.planned_start_date else None,
        "business_status": p.business_status,
    }


# ---------------------------------------------------------------------------------------------
# Payload checks


def check_payload(t: Transition, given: dict[str, Any]) -> None:
    present = {k for k, v in given.items() if v is not None}
    missing = [f for f in t.required if f not in present]
    if missing:
        raise Problem(
            422, "missing_fields", f"'{t.action}' needs: " + ", ".join(missing), missing_fields=missing
        )
    unexpected = sorted(present - t.fields())
    if unexpected:
        raise Problem(
            422,
            "unexpected_fields",
            f"'{t.action}' does not take: " + ", ".join(unexpected),
            unexpected_fields=unexpected,
        )


async def check_reason(session: AsyncSession, action: str, code: str | None, *, system: bool = False) -> None:
    if code is None:
        return
    reason = await session.get(ReasonCode, code)
    if (
        reason is None
        or not reason.active
        or action not in reason.actions
        or (reason.system_only and not system)
    ):
        raise Problem(
            422,
            "invalid_reason_code",
            f"'{code}' is not a reason code for '{action}' (see GET /v1/reason-codes)",
        )


async def check_outcomes(session: AsyncSession, codes: list[str]) -> list[OutcomeCode]:
    rows = list((await session.scalars(select(OutcomeCode).where(OutcomeCode.code.in_(codes)))).all())
    valid = {o.code for o in rows if o.kind == "outcome" and o.active}
    bad = [c for c in codes if c not in valid]
    if bad:
        raise Problem(
            422,
            "invalid_outcome_code",
            "unknown outcome code(s): " + ", ".join(bad) + " (see GET /v1/outcome-codes)",
            invalid_codes=bad,
        )
    return rows


async def check_assignee(user_id: uuid.UUID, referral: Referral, *, peers: Peers) -> None:
    """A referral is assigned to a member of the receiving institution's active staff."""
    user = await peers.user(user_id)
    if user is None or not user.active or user.institution_id != referral.target_institution_id:
        raise Problem(
            422,
            "assignee_not_in_institution",
            "assign the referral to an active member of the receiving institution's staff",
            errors=[{"loc": ["body", "assignee_user_id"], "msg": "not your colleague", "type": "assignee"}],
        )


def check_assign(referral: Referral, assignee: uuid.UUID | None, *, actor: Actor) -> None:
    """A caseworker takes an unassigned referral for themselves; a coordinator (or the institution's
    system) assigns anyone of its staff; assigning the current assignee again changes nothing."""
    if assignee is not None and assignee == referral.assignee_user_id:
        raise Problem(409, "already_assigned", "the referral is already assigned to this person")
    if Role.coordinator.value not in actor.roles and assignee != actor.user_id:
        raise Problem(
            403,
            "role_required",
            "a caseworker may only take an unassigned referral; a coordinator assigns others",
            required_roles=[Role.coordinator.value],
        )


# ---------------------------------------------------------------------------------------------
# Effects


def _end(referral: Referral, now: datetime) -> None:
    if referral.ended_at is None:
        referral.ended_at = now


async def _effect_accept(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.responded_at = r.accepted_at = now
    if p.assignee_user_id is not None:
        r.assignee_user_id = p.assignee_user_id
    if p.planned_start_date is not None:
        r.planned_start_date = p.planned_start_date


async def _effect_reject(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.responded_at = now
    _end(r, now)
    r.reason_code, r.reason_text, r.declined_by = p.reason_code, p.text, p.declined_by


async def _effect_reason_and_end(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_start(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.started_at = r.started_at or now


async def _effect_note_reason(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_none(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    return None


async def _effect_complete(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    assert p.outcome_codes
    await check_outcomes(session, p.outcome_codes)
    _end(r, now)
    r.outcome_codes = list(p.outcome_codes)
    r.delivered = p.delivered


async def _effect_confirm_cancellation(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)


async def _effect_mark_in_error(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_text = p.text
    await session.execute(
        update(FollowUp)
        .where(FollowUp.referral_id == r.id, FollowUp.status == "open")
        .values(status="cancelled")
    )


async def _effect_reopen(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.ended_at = r.responded_at = r.accepted_at = r.started_at = None
    r.reason_code = r.declined_by = r.business_status = None
    r.reason_text = p.text
    r.cancellation_requested = r.acknowledged = False


async def _effect_flag(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    if p.reason_code is not None or p.text is not None:
        r.reason_code, r.reason_text = p.reason_code, p.text


async def _effect_business_status(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.business_status = p.business_status


async def _effect_assign(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    r.assignee_user_id = p.assignee_user_id


async def _effect_expire(session: AsyncSession, r: Referral, p: Payload, now: datetime) -> None:
    _end(r, now)
    r.reason_code, r.reason_text = "no_response", None


Effect = Callable[[AsyncSession, Referral, Payload, datetime], Awaitable[None]]

#: What each action changes besides the status and flag the table names.
EFFECTS: dict[str, Effect] = {
    "accept": _effect_accept,
    "reject": _effect_reject,
    "withdraw": _effect_reason_and_end,
    "start": _effect_start,
    "hold": _effect_note_reason,
    "resume": _effect_none,
    "complete": _effect_complete,
    "fail": _effect_reason_and_end,
    "request_cancellation": _effect_flag,
    "confirm_cancellation": _effect_confirm_cancellation,
    "cancel": _effect_reason_and_end,
    "mark_in_error": _effect_mark_in_error,
    "reopen": _effect_reopen,
    "acknowledge": _effect_none,
    "set_business_status": _effect_business_status,
    "assign": _effect_assign,
    "expire": _effect_expire,
}
