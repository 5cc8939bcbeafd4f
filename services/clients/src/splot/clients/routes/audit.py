"""The read audit: a person's GDPR art. 15 access report, and the access log (auditors)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response

from splot.clients import audit as audit_log
from splot.clients import audit_export, schemas
from splot.clients.audit import LogFilters
from splot.clients.persons import PersonMerged
from splot.clients.routes.deps import (
    PERSON_READ_RESPONSES,
    Audit,
    Auditor,
    AuditorOrReader,
    PersonId,
    Settings,
    merged_redirect,
)
from splot.common.api import LIST_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep, utcnow
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


async def log_filters(
    person_id: Annotated[uuid.UUID | None, Query(description="Entries about this person")] = None,
    institution_id: Annotated[uuid.UUID | None, Query(description="Entries of this institution")] = None,
    subject: Annotated[
        str | None, Query(max_length=128, description="The user (or system) who acted")
    ] = None,
    action: Annotated[str | None, Query(max_length=32, pattern=r"^[a-z_]+$")] = None,
    legal_basis: Annotated[
        str | None,
        Query(
            max_length=32, pattern=r"^[a-z_]+$", description="Basis of access, e.g. access_grant, break_glass"
        ),
    ] = None,
    since: Annotated[IsoDate | None, Query(description="First day (UTC), YYYY-MM-DD")] = None,
    until: Annotated[
        IsoDate | None, Query(description="Last day (UTC), YYYY-MM-DD; not before since")
    ] = None,
) -> LogFilters:
    return LogFilters(person_id, institution_id, subject, action, legal_basis, since, until)


Filters = Annotated[LogFilters, Depends(log_filters)]


@router.get("/access-log", response_model=schemas.AccessLogPage, responses=LIST_RESPONSES)
async def list_access_log(
    session: SessionDep,
    auditor: Auditor,
    audit: Audit,
    filters: Filters,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AccessLogPage:
    """The append-only access log, newest first (auditors); a reversed period is a 422."""
    items, next_cursor = await audit_log.list_access_log(
        session, principal=auditor, filters=filters, cursor=cursor, limit=limit, audit=audit
    )
    return schemas.AccessLogPage(
        items=[schemas.AccessLogRead.model_validate(i) for i in items], next_cursor=next_cursor
    )


@router.get(
    "/access-log/export",
    response_class=Response,
    responses={
        200: {
            "description": "The filtered access log (CSV or XLSX)",
            "content": {
                audit_export.MEDIA["csv"]: {"schema": {"type": "string"}},
                audit_export.MEDIA["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
            },
        },
        **LIST_RESPONSES,
    },
)
async def export_access_log(
    session: SessionDep,
    auditor: Auditor,
    audit: Audit,
    settings: Settings,
    filters: Filters,
    format: Annotated[audit_export.ExportFormat, Query(description="csv or xlsx")] = "csv",
) -> Response:
    """The filtered access log as a file (auditors), newest first; over the export limit a 422
    ``export_too_large`` names the count and the limit. The export is recorded in the log."""
    content = await audit_export.export_access_log(
        session,
        principal=auditor,
        filters=filters,
        fmt=format,
        max_rows=settings.access_log_export_max_rows,
        audit=audit,
    )
    stamp = utcnow().strftime("%Y%m%d-%H%M")
    return Response(
        content,
        media_type=audit_export.MEDIA[format],
        headers={"Content-Disposition": f'attachment; filename="splot-rejestr-dostepu-{stamp}.{format}"'},
    )
