"""Histories: a referral's forwarding chain (as far as the caller may see it), its immutable
events, and a person's referrals."""

from __future__ import annotations

import uuid

from fastapi import APIRouter

from splot.common.api import READ_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.referrals import chains, queries, schemas
from splot.referrals.routes.deps import ActorDep

router = APIRouter(prefix="/v1", tags=["referrals"])


@router.get(
    "/referrals/{referral_id:splot_id}/chain", response_model=schemas.ChainRead, responses=READ_RESPONSES
)
async def get_chain(session: SessionDep, actor: ActorDep, referral_id: uuid.UUID) -> schemas.ChainRead:
    """The forwarding tree you may see: your referrals and everything forwarded from them."""
    return await chains.chain(session, referral_id=referral_id, actor=actor)


@router.get(
    "/referrals/{referral_id:splot_id}/events",
    response_model=schemas.ReferralEventList,
    responses=READ_RESPONSES,
)
async def get_referral_events(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID
) -> schemas.ReferralEventList:
    """The referral's immutable history of transitions."""
    items = await chains.referral_events(session, referral_id=referral_id, actor=actor)
    return schemas.ReferralEventList(items=[schemas.ReferralEventRead.model_validate(e) for e in items])


@router.get(
    "/persons/{person_id:splot_id}/referrals",
    response_model=schemas.PersonReferralPage,
    responses=READ_RESPONSES,
)
async def person_referrals(
    session: SessionDep, actor: ActorDep, person_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> schemas.PersonReferralPage:
    """A person's referral history (for institutions that sent or received one of them)."""
    return await queries.person_history(session, person_id=person_id, actor=actor, cursor=cursor, limit=limit)
