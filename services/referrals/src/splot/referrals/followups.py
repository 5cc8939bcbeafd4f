"""Follow-up checks at +3 and +6 months after an employment outcome: one set per chain, tasks for
the chain's root sender; the other parties of the chain see the answers."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import Select, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.common.pagination import paginate
from splot.referrals import schemas
from splot.referrals.models import FollowUp, OutcomeCode, Referral
from splot.referrals.publish import iso, publish
from splot.referrals.reading import chain_party_clause, require_reader, require_writer
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
    mine: bool | None = None,
) -> schemas.FollowUpPage:
    """Your institution's follow-ups and, read-only, those of the chains it is a party of (the
    root sender answers; the other parties see the answer). Soonest first."""
    require_reader(actor)
    party_chains = select(Referral.chain_root_id).where(chain_party_clause(actor.institution_id))
    own = FollowUp.institution_id == actor.institution_id
    stmt: Select[Any] = select(FollowUp)
    if mine is True:
        stmt = stmt.where(own)
    else:
        stmt = stmt.where(or_(own, FollowUp.chain_root_id.in_(party_chains)))
        if mine is False:
            stmt = stmt.where(not_(own))
    if status is not None:
        stmt = stmt.where(FollowUp.status == status.value)
    now = utcnow()
    if due is True:
        stmt = stmt.where(FollowUp.due_at <= now)
    elif due is False:
        stmt = stmt.where(FollowUp.due_at > now)
    if referral_id is not None:
        stmt = stmt.where(FollowUp.referral_id == referral_id)
    rows, next_cursor = await paginate(
        session, stmt, order_by=[FollowUp.due_at, FollowUp.id], cursor=cursor, limit=limit
    )
    return schemas.FollowUpPage(
        items=await follow_up_reads(session, rows, actor=actor), next_cursor=next_cursor
    )


async def follow_up_reads(
    session: AsyncSession, rows: list[FollowUp], *, actor: Actor
) -> list[schemas.FollowUpRead]:
    ids = {f.referral_id for f in rows}
    referrals = (
        {r.id: r for r in (await session.scalars(select(Referral).where(Referral.id.in_(ids)))).all()}
        if ids
        else {}
    )
    now = utcnow()
    items = []
    for f in rows:
        referral = referrals[f.referral_id]
        mine = f.institution_id == actor.institution_id
        items.append(
            schemas.FollowUpRead.model_validate(f).model_copy(
                update={
                    "referral_number": referral.number,
                    "person_id": referral.person_id,
                    "mine": mine,
                    "answerable": mine and f.status == "open" and f.due_at <= now and bool(actor.roles),
                    # The note is the answering institution's; the others see the outcome.
                    "note": f.note if mine else None,
                }
            )
        )
    return items


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
