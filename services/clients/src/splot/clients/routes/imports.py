"""Bulk import: starting a job (CSV, JSON or a multipart file; optionally a dry run), the
institution's jobs, one job's progress, and the outcome of each row."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Request, Response, status
from fastapi.responses import StreamingResponse

from splot.clients import import_export, imports, schemas
from splot.clients.access import log_access
from splot.clients.import_upload import read_upload
from splot.clients.routes.deps import Audit, Reader, Sessions, Settings, Writer
from splot.common.api import LIST_RESPONSES, READ_RESPONSES, Cursor, Limit, responses
from splot.common.db import SessionDep
from splot.common.errors import WRITE_ERRORS

router = APIRouter(prefix="/v1", tags=["imports"])

_IMPORT_BODY: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "Rows as CSV (header row; ; or , separated) or JSON, as the body or an uploaded file",
        "content": {
            "text/csv": {
                "schema": {"type": "string"},
                "example": "pesel;first_name;last_name;external_id\n85031715150;Anna;Przykładowa;SYR-000123\n",
            },
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": {"rows": {"type": "array", "items": {"type": "object"}}},
                    "required": ["rows"],
                },
                "example": {
                    "rows": [
                        {
                            "pesel": "85031715150",
                            "first_name": "Anna",
                            "last_name": "Przykładowa",
                            "external_id": "SYR-000123",
                        }
                    ]
                },
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {"file": {"type": "string", "format": "binary"}},
                    "required": ["file"],
                }
            },
        },
    }
}


@router.post(
    "/imports",
    response_model=schemas.ImportRead,
    status_code=status.HTTP_202_ACCEPTED,
    responses=responses(413, 415, base=WRITE_ERRORS),
    openapi_extra=_IMPORT_BODY,
)
async def create_import(
    session: SessionDep,
    actor: Writer,
    settings: Settings,
    sessions: Sessions,
    request: Request,
    background: BackgroundTasks,
    response: Response,
    dry_run: Annotated[bool, Query(description="Report outcomes per row without writing anything")] = False,
) -> schemas.ImportRead:
    """Start a bulk import (coordinators or the institution's system); poll the job for progress."""
    rows, kind = await read_upload(request, settings)
    job = await imports.create_job(
        session, actor=actor, rows=rows, source_format=kind, dry_run=dry_run, settings=settings
    )
    if settings.import_inline:
        await imports.claim_job(session, job_id=job.id, settings=settings)
        job = await imports.process_job(session, job_id=job.id, settings=settings)
    else:
        background.add_task(imports.run_job, sessions, job.id, settings)
    response.headers["Location"] = f"imports/{job.id}"
    return imports.job_read(job)


@router.get("/imports", response_model=schemas.ImportPage, responses=LIST_RESPONSES)
async def list_imports(
    session: SessionDep, actor: Reader, cursor: Cursor = None, limit: Limit = None
) -> schemas.ImportPage:
    """Your institution's import jobs, newest first."""
    items, next_cursor = await imports.list_jobs(session, actor=actor, cursor=cursor, limit=limit)
    return schemas.ImportPage(items=[imports.job_read(j) for j in items], next_cursor=next_cursor)


CSV_MEDIA = "text/csv; charset=utf-8"
_CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "A CSV file (UTF-8 with BOM, ; separated)",
        "content": {CSV_MEDIA: {"schema": {"type": "string"}}},
    }
}


@router.get("/imports/template", response_model=schemas.ImportTemplate, responses=READ_RESPONSES)
async def import_template(actor: Reader) -> schemas.ImportTemplate:
    """The columns an import takes (which are required) and a template CSV file to fill in."""
    del actor
    return import_export.template()


@router.get("/imports/{import_id}", response_model=schemas.ImportRead, responses=READ_RESPONSES)
async def get_import(session: SessionDep, actor: Reader, import_id: uuid.UUID) -> schemas.ImportRead:
    """Status and progress of an import job (rows processed / total)."""
    return imports.job_read(await imports.get_job(session, actor=actor, job_id=import_id))


@router.get("/imports/{import_id}/rows", response_model=schemas.ImportRowPage, responses=READ_RESPONSES)
async def list_import_rows(
    session: SessionDep,
    actor: Reader,
    import_id: uuid.UUID,
    outcome: Annotated[str | None, Query(pattern=r"^(created|matched|updated|unchanged|rejected)$")] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ImportRowPage:
    """Per-row outcomes, with a problem document for each rejected row."""
    items, next_cursor = await imports.list_rows(
        session, actor=actor, job_id=import_id, outcome=outcome, cursor=cursor, limit=limit
    )
    return schemas.ImportRowPage(
        items=[schemas.ImportRowRead.model_validate(r) for r in items], next_cursor=next_cursor
    )


@router.get(
    "/imports/{import_id}/rejected.csv",
    response_class=StreamingResponse,
    responses={**_CSV_RESPONSE, **READ_RESPONSES},
)
async def download_rejected_rows(
    session: SessionDep, actor: Reader, audit: Audit, sessions: Sessions, import_id: uuid.UUID
) -> StreamingResponse:
    """The rejected rows as uploaded plus the reason (``rejected_row``, ``rejection_code``,
    ``rejection_reason``), to correct and upload again; coordinators and the institution's system
    of the job's institution; audited. Formula-like cells are neutralised with a leading ``'``."""
    job = await imports.get_job(session, actor=actor, job_id=import_id)
    import_export.may_download_rejected(actor)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[None],
        action="import_rejected_rows",
        legal_basis="registration",
        basis_ref=str(job.id),
    )
    return StreamingResponse(
        import_export.rejected_csv(sessions, job.id),
        media_type=CSV_MEDIA,
        headers={
            "Content-Disposition": f'attachment; filename="splot-import-{str(job.id)[:8]}-odrzucone.csv"'
        },
    )
