"""Casework's part of the service-to-service API: the referrals service keeps the plan action a
referral serves up to date with the referral's state."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from splot.clients.casework import linking
from splot.clients.routes.deps import Audit, Service
from splot.clients.schemas.casework_plans import ActionReferralResult, ActionReferralSet
from splot.common.api import WRITE_RESPONSES
from splot.common.db import SessionDep

router = APIRouter(prefix="/v1", tags=["internal"])


@router.put(
    "/internal/plan-actions/{action_id}/referral",
    response_model=ActionReferralResult,
    responses=WRITE_RESPONSES,
)
async def put_action_referral(
    session: SessionDep,
    principal: Service,
    audit: Audit,
    action_id: Annotated[uuid.UUID, Path(description="Id of the plan action")],
    data: ActionReferralSet,
) -> ActionReferralResult:
    """Link the referral to the action and keep its newest state by ``version`` (repeats and older
    states change nothing); the referral's status proposes the action's result."""
    return await linking.link_referral(
        session, principal=principal, action_id=action_id, data=data, audit=audit
    )
