"""Follow-up checks at +3 and +6 months after an employment outcome: tasks for the sender."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.common.pagination import paginate
from splot.referrals import schemas
from splot.referrals.models import FollowUp, OutcomeCode, Referral
from splot.referrals.publish import iso, publish
from splot.referrals.reading import require_reader, require_writer
from splot.referrals.workflow import Actor


async def list_follow_ups(
    session: AsyncSession,
    *,
    actor: Actor,
    status: schemas.FollowUpStatus | None,
    due: bool | None,
    referral_id: uuid.UUID | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[FollowUp], str | None]:
    require_reader(actor)
    stmt: Select[Any] = select(FollowUp).where(FollowUp.institution_id == actor.institution_id)
    if status is not None:
        stmt = stmt.where(FollowUp.status == status.value)
    now = utcnow()
    if due is True:
        stmt = stmt.where(FollowUp.due_at <= now)
    elif due is False:
        stmt = stmt.where(FollowUp.due_at > now)
    if referral_id is not None:
        stmt = stmt.where(FollowUp.referral_id == referral_id)
    return await paginate(session, stmt, order_by=[FollowUp.due_at, FollowUp.id], cursor=cursor, limit=limit)


async def answer(
    session: AsyncSession,
    *,
    followup_id: uuid.UUID,
    data: schemas.FollowUpAnswer,
    actor: Actor,
    now: datetime | None = None,
) -> FollowUp:
    require_writer(actor)
    now = now or utcnow()
    followup = (
        await session.scalars(
            select(FollowUp)
            .where(FollowUp.id == followup_id, FollowUp.institution_id == actor.institution_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    if followup is None:
        raise not_found("follow-up")
    if followup.status != "open":
        raise Problem(
            409, "followup_closed", f"this follow-up is {followup.status}", current_status=followup.status
        )
    if followup.due_at > now:
        raise Problem(409, "followup_not_due", "this follow-up is not due yet", due_at=iso(followup.due_at))
    outcome = await session.get(OutcomeCode, data.outcome_code)
    if outcome is None or outcome.kind != "followup" or not outcome.active:
        raise Problem(
            422,
            "invalid_outcome_code",
            f"'{data.outcome_code}' is not a follow-up outcome (see GET /v1/outcome-codes?kind=followup)",
            invalid_codes=[data.outcome_code],
        )
    followup.status = "answered"
    followup.outcome_code = outcome.code
    followup.note = data.note
    followup.answered_at = now
    followup.answered_by = actor.subject
    await session.flush()
    referral = await session.get(Referral, followup.referral_id)
    assert referral is not None
    await publish(
        session,
        "followup.answered",
        referral=referral,
        payload={
            "followup_id": str(followup.id),
            "referral_id": str(followup.referral_id),
            "due_months": followup.due_months,
            "outcome_code": followup.outcome_code,
            "answered_at": iso(followup.answered_at),
        },
    )
    return followup
