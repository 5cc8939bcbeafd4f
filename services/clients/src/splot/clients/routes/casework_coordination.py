"""Casework: the person's lead worker (visible to every institution with access, reassignment
audited with its history) and case conferences."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from splot.clients.casework import coordination
from splot.clients.routes.deps import Audit, PersonId, Reader, Writer
from splot.clients.schemas.casework import (
    CaseConferenceCreate,
    CaseConferencePage,
    CaseConferenceRead,
    LeadWorkerRead,
    LeadWorkerSet,
)
from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag

router = APIRouter(prefix="/v1", tags=["casework"])


@router.get("/persons/{person_id:uuid}/lead-worker", response_model=LeadWorkerRead, responses=READ_RESPONSES)
async def get_lead_worker(
    session: SessionDep, actor: Reader, audit: Audit, person_id: PersonId, response: Response
) -> LeadWorkerRead:
    """The person's lead worker and the earlier assignments."""
    read = await coordination.get_lead_worker(session, actor=actor, person_id=person_id, audit=audit)
    set_etag(response, coordination.lead_worker_key(person_id), read.version)
    return read


@router.put(
    "/persons/{person_id:uuid}/lead-worker",
    response_model=LeadWorkerRead,
    responses={
        **WRITE_RESPONSES,
        201: {"model": LeadWorkerRead, "description": "The first lead worker"},
        **etag_on(200, 201),
    },
)
async def set_lead_worker(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: LeadWorkerSet,
    if_match: IfMatch = None,
    response: Response,
) -> LeadWorkerRead:
    """Make a member of your institution the lead worker (a coordinator; If-Match to reassign)."""
    read, first = await coordination.set_lead_worker(
        session, actor=actor, person_id=person_id, data=data, if_match=if_match, audit=audit
    )
    if first:
        response.status_code = status.HTTP_201_CREATED
        response.headers["Location"] = "lead-worker"  # this very URL
    set_etag(response, coordination.lead_worker_key(person_id), read.version)
    return read


@router.post(
    "/persons/{person_id:uuid}/case-conferences",
    response_model=CaseConferenceRead,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_RESPONSES,
    openapi_extra={"x-no-location": "a conference is read in the person's list (GET …/case-conferences)"},
)
async def record_conference(
    session: SessionDep, actor: Writer, audit: Audit, person_id: PersonId, data: CaseConferenceCreate
) -> CaseConferenceRead:
    """Record a case conference your institution took part in."""
    return await coordination.record_conference(
        session, actor=actor, person_id=person_id, data=data, audit=audit
    )


@router.get(
    "/persons/{person_id:uuid}/case-conferences", response_model=CaseConferencePage, responses=READ_RESPONSES
)
async def list_conferences(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    cursor: Cursor = None,
    limit: Limit = None,
) -> CaseConferencePage:
    """The person's case conferences your institution took part in, newest first."""
    items, next_cursor = await coordination.list_conferences(
        session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
    )
    return CaseConferencePage(items=items, next_cursor=next_cursor)
