"""Access requests: ask a person's registering institutions for access (a likely duplicate you
may not see), the incoming and outgoing lists with their counts, and the decision."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, status

from splot.clients import access_requests, schemas
from splot.clients.routes.deps import Audit, Reader, Settings, Writer
from splot.common.api import LIST_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep

router = APIRouter(prefix="/v1", tags=["access requests"])

RequestId = Annotated[uuid.UUID, Path(description="Id of the access request")]


@router.post(
    "/access-requests",
    response_model=schemas.AccessRequestRead,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_RESPONSES,
    openapi_extra={"x-no-location": "a request has no URL of its own (GET /v1/access-requests lists it)"},
)
async def create_access_request(
    session: SessionDep, actor: Writer, audit: Audit, settings: Settings, data: schemas.AccessRequestCreate
) -> schemas.AccessRequestRead:
    """Ask the institutions that registered a likely duplicate (``candidate_id`` of a 409) for
    access, with a reason. One pending request per person and institution; it expires unanswered
    after ``access_request_days``."""
    return await access_requests.create_request(
        session, actor=actor, data=data, settings=settings, audit=audit
    )


@router.get("/access-requests", response_model=schemas.AccessRequestPage, responses=LIST_RESPONSES)
async def list_access_requests(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    box: schemas.AccessRequestBox,
    state: schemas.AccessRequestState | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessRequestPage:
    """``incoming``: requests to persons your institution registered; ``outgoing``: your own
    (the person by initials and birth year until approved). Newest first."""
    items, next_cursor = await access_requests.list_requests(
        session, actor=actor, box=box, state=state, cursor=cursor, limit=limit, audit=audit
    )
    return schemas.AccessRequestPage(items=items, next_cursor=next_cursor)


@router.get("/access-requests/counts", response_model=schemas.AccessRequestCounts, responses=LIST_RESPONSES)
async def count_access_requests(session: SessionDep, actor: Reader) -> schemas.AccessRequestCounts:
    """How many requests wait for your institution's decision, and how many of its own wait."""
    return await access_requests.counts(session, actor=actor)


@router.post(
    "/access-requests/{request_id}/approve",
    response_model=schemas.AccessRequestRead,
    responses=WRITE_RESPONSES,
)
async def approve_access_request(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    request_id: RequestId,
    data: schemas.AccessRequestApprove,
) -> schemas.AccessRequestRead:
    """Approve a request to a person your institution registered: the requesting institution is
    registered on the person with the request's reason."""
    return await access_requests.decide(
        session, actor=actor, request_id=request_id, approve=True, reason=data.note, audit=audit
    )


@router.post(
    "/access-requests/{request_id}/decline",
    response_model=schemas.AccessRequestRead,
    responses=WRITE_RESPONSES,
)
async def decline_access_request(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    request_id: RequestId,
    data: schemas.AccessRequestDecline,
) -> schemas.AccessRequestRead:
    """Decline a request to a person your institution registered, with a reason for the requester."""
    return await access_requests.decide(
        session, actor=actor, request_id=request_id, approve=False, reason=data.reason, audit=audit
    )
