"""Follow-up checks after employment outcomes: the list and the answer."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.referrals import followups, schemas
from splot.referrals.routes.deps import ActorDep

router = APIRouter(prefix="/v1", tags=["follow-ups"])


@router.get("/follow-ups", response_model=schemas.FollowUpPage, responses=LIST_RESPONSES)
async def list_follow_ups(
    session: SessionDep,
    actor: ActorDep,
    status_: Annotated[schemas.FollowUpStatus | None, Query(alias="status")] = None,
    due: bool | None = None,
    referral_id: uuid.UUID | None = None,
    mine: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.FollowUpPage:
    """Follow-up checks after employment outcomes, soonest first: your institution's to answer
    (``mine=true``) and, read-only, those of the chains your institution is a party of."""
    return await followups.list_follow_ups(
        session,
        actor=actor,
        status=status_,
        due=due,
        referral_id=referral_id,
        cursor=cursor,
        limit=limit,
        mine=mine,
    )


@router.post(
    "/follow-ups/{followup_id:splot_id}/answer",
    response_model=schemas.FollowUpRead,
    responses=WRITE_RESPONSES,
)
async def answer_follow_up(
    session: SessionDep, actor: ActorDep, followup_id: uuid.UUID, data: schemas.FollowUpAnswer
) -> schemas.FollowUpRead:
    """Record what the follow-up check found (once, when it is due)."""
    followup = await followups.answer(session, followup_id=followup_id, data=data, actor=actor)
    return (await followups.follow_up_reads(session, [followup], actor=actor))[0]
