"""HTTP layer of a partnership's files: a meeting's minutes uploaded by an organiser (multipart)
and downloaded by the parties (others: 404)."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Response, UploadFile, status

from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, responses, settings_of
from splot.common.auth import Principal, Role, require_roles
from splot.common.db import SessionDep, utcnow
from splot.common.files import download_headers
from splot.directory import audit
from splot.directory.config import DirectorySettings
from splot.directory.partnerships import access, documents
from splot.directory.partnerships import schemas as ps
from splot.directory.schemas import AuditAction

router = APIRouter(prefix="/v1")
Staff = Annotated[Principal, Depends(require_roles(*Role))]
Settings = Annotated[DirectorySettings, Depends(settings_of(DirectorySettings))]

_FILE_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The file (as uploaded), to save: PDF, ODT, DOCX or UTF-8 text",
        "content": {
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in (
                "application/pdf",
                "application/vnd.oasis.opendocument.text",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "text/plain",
            )
        },
    }
}


@router.post(
    "/partnerships/{partnership_id}/meetings/{meeting_id}/minutes",
    response_model=ps.DocumentRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses={**WRITE_RESPONSES, **responses(413, 415)},
)
async def upload_minutes(
    session: SessionDep,
    actor: Staff,
    settings: Settings,
    partnership_id: uuid.UUID,
    meeting_id: uuid.UUID,
    response: Response,
    file: Annotated[UploadFile, File(description="PDF, ODT, DOCX or UTF-8 TXT, at most 10 MiB by default")],
    title: Annotated[ps.Title | None, Form(description="Defaults to the meeting's date")] = None,
) -> ps.DocumentRead:
    """Keep a file as the meeting's minutes (a party's administrator or coordinator, or the
    partnership's coordinator). A later upload becomes the minutes; earlier files stay."""
    day = utcnow().date()
    partnership, _ = await access.visible(session, partnership_id, actor, day, at_least=access.Relation.party)
    _, document = await documents.upload_minutes(
        session,
        partnership=partnership,
        meeting_id=meeting_id,
        upload=file,
        title=title,
        actor=actor,
        day=day,
        max_bytes=settings.partnership_document_max_bytes,
    )
    await audit.record(
        session,
        actor=actor,
        action=AuditAction.partnership_document_uploaded,
        target_type="document",
        target_id=document.id,
        target_institution_id=actor.institution_id,
        after={"meeting_id": str(meeting_id), "size_bytes": document.size_bytes, "sha256": document.sha256},
    )
    response.headers["Location"] = f"../../documents/{document.id}"  # /v1/partnerships/{id}/documents/{id}
    return ps.DocumentRead.model_validate(document)


@router.get(
    "/partnerships/{partnership_id}/documents/{document_id}",
    response_class=Response,
    tags=["partnerships"],
    responses={**READ_RESPONSES, **_FILE_RESPONSES},
)
async def download_document(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, document_id: uuid.UUID
) -> Response:
    """A file of the partnership (its parties only)."""
    partnership, _ = await access.visible(
        session, partnership_id, actor, utcnow().date(), at_least=access.Relation.party
    )
    document = await documents.document_of(session, partnership=partnership, document_id=document_id)
    return Response(
        content=document.content,
        media_type=document.media_type,
        headers=download_headers(document.file_name),
    )
