"""The read audit: a person's GDPR art. 15 access report, and the access log (auditors)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request

from splot.clients import audit as audit_log
from splot.clients import schemas
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    Auditor,
    AuditorOrReader,
    PersonId,
    merged_redirect,
)
from splot.common.api import LIST_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.validation import IsoDate

router = APIRouter(prefix="/v1", tags=["audit"])


@router.get(
    "/persons/{person_id:uuid}/access-report",
    response_model=schemas.AccessReport,
    responses=PERSON_READ_RESPONSES,
)
async def access_report(
    session: SessionDep,
    who: AuditorOrReader,
    audit: Audit,
    person_id: PersonId,
    request: Request,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessReport:
    """GDPR art. 15: which institutions accessed the person's record, when, on what basis."""
    principal, actor = who
    try:
        return await audit_log.access_report(
            session,
            principal=principal,
            actor=actor,
            person_id=person_id,
            cursor=cursor,
            limit=limit,
            audit=audit,
        )
    except PersonMerged as moved:
        raise merged_redirect(request, moved, person_id) from None


@router.get("/access-log", response_model=schemas.AccessLogPage, responses=LIST_RESPONSES)
async def list_access_log(
    session: SessionDep,
    auditor: Auditor,
    audit: Audit,
    person_id: uuid.UUID | None = None,
    institution_id: uuid.UUID | None = None,
    subject: Annotated[str | None, Query(max_length=128)] = None,
    action: Annotated[str | None, Query(max_length=32)] = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessLogPage:
    """The append-only access log, newest first (auditors)."""
    items, next_cursor = await audit_log.list_access_log(
        session,
        principal=auditor,
        person_id=person_id,
        institution_id=institution_id,
        subject=subject,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
        audit=audit,
    )
    return schemas.AccessLogPage(
        items=[schemas.AccessLogRead.model_validate(i) for i in items], next_cursor=next_cursor
    )
