"""The workflow: taking a transition, and forwarding (the receiver refers the person on)."""

from __future__ import annotations

import uuid
from typing import Any

from fastapi import APIRouter, Request, Response, status

from splot.common.api import PEER_WRITE_RESPONSES
from splot.common.db import SessionDep
from splot.common.errors import problem_model
from splot.common.etag import IfMatch, set_etag
from splot.referrals import chains, occupancy, reading, schemas, transitions
from splot.referrals.problems import WorkflowProblem
from splot.referrals.routes.deps import ActorDep, PeersDep, SettingsDep, commit_then_sync_access

router = APIRouter(prefix="/v1", tags=["workflow"])
_WORKFLOW_PROBLEMS: dict[int | str, dict[str, Any]] = {
    status: problem_model(status, WorkflowProblem) for status in (403, 409)
}


@router.post(
    "/referrals/{referral_id:splot_id}/transitions",
    response_model=schemas.ReferralRead,
    responses={
        **PEER_WRITE_RESPONSES,
        **_WORKFLOW_PROBLEMS,
        204: {"description": "The draft was discarded"},
    },
)
async def take_transition(
    *,
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.TransitionRequest,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead | Response:
    """Take a workflow action (If-Match required); 409 illegal_transition names what is allowed."""
    referral = await transitions.transition(
        session,
        referral_id=referral_id,
        request=data,
        actor=actor,
        if_match=if_match,
        peers=peers,
        settings=settings,
    )
    if referral is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    await commit_then_sync_access(request, session, referral.id)
    set_etag(response, referral.id, referral.version)
    read = reading.referral_read(referral, actor, settings)
    warning = occupancy.warning_of(session, referral.id)  # only a send has one
    return read if warning is None else read.model_copy(update={"capacity_warning": warning})


@router.post(
    "/referrals/{referral_id:splot_id}/forward",
    response_model=schemas.ReferralRead,
    status_code=status.HTTP_201_CREATED,
    responses={**PEER_WRITE_RESPONSES, **_WORKFLOW_PROBLEMS},
)
async def forward_referral(
    *,
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.ForwardRequest,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead:
    """Refer the person on (receiver; If-Match of the parent): a child referral, sent at once."""
    child = await chains.forward(
        session,
        referral_id=referral_id,
        data=data,
        actor=actor,
        if_match=if_match,
        peers=peers,
        settings=settings,
    )
    await commit_then_sync_access(request, session, child.id)
    set_etag(response, child.id, child.version)
    response.headers["Location"] = f"../{child.id}"  # /v1/referrals/{child}
    return reading.referral_read(child, actor, settings).model_copy(
        update={"capacity_warning": occupancy.warning_of(session, child.id)}
    )
