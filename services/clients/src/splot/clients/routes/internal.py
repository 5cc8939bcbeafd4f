"""The service-to-service API for the referrals service: may a referral carry the person's data,
the receiver's access grant brought to the referral's state, and a name-free person summary."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Response, status

from splot.clients import internal, schemas
from splot.clients.routes.deps import Audit, PersonId, Service, Settings
from splot.common.api import READ_RESPONSES, WRITE_RESPONSES
from splot.common.db import SessionDep

router = APIRouter(prefix="/v1", tags=["internal"])


@router.post(
    "/internal/referral-checks", response_model=schemas.ReferralCheckResult, responses=WRITE_RESPONSES
)
async def referral_check(
    session: SessionDep, principal: Service, audit: Audit, data: schemas.ReferralCheckRequest
) -> schemas.ReferralCheckResult:
    """May the sender refer this person to the target on this legal basis (finds the consent)?"""
    return await internal.referral_check(session, principal=principal, data=data, audit=audit)


@router.post(
    "/internal/access-grants",
    response_model=schemas.GrantRead,
    status_code=status.HTTP_201_CREATED,
    responses={
        **WRITE_RESPONSES,
        200: {"model": schemas.GrantRead, "description": "The grant existed; it now has this state"},
        204: {"description": "The referral ended without ever having had a grant: nothing to end"},
    },
    openapi_extra={"x-no-location": "a grant is the receiver's access to a person; it has no URL of its own"},
)
async def put_grant_state(
    session: SessionDep,
    principal: Service,
    audit: Audit,
    settings: Settings,
    data: schemas.GrantCreate,
    response: Response,
) -> Any:
    """Bring the receiver's access for a referral to the referral's state (granted, accepted,
    ended, reopened); idempotent per (referral, institution) and ordered by ``version``."""
    grant, created = await internal.create_grant(
        session, principal=principal, data=data, audit=audit, settings=settings
    )
    if grant is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    if not created:
        response.status_code = status.HTTP_200_OK
    return grant


@router.get(
    "/internal/persons/{person_id}/summary",
    response_model=schemas.PersonInternalSummary,
    responses=READ_RESPONSES,
)
async def person_summary(
    session: SessionDep, principal: Service, audit: Audit, person_id: PersonId
) -> schemas.PersonInternalSummary:
    """Birth year, sex, gmina and status of a person (no names), for display and reporting."""
    return await internal.person_summary(session, principal=principal, person_id=person_id, audit=audit)
