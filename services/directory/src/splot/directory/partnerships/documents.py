"""Files a partnership keeps: a meeting's minutes, uploaded by an organiser and downloaded by the
parties. Only document formats are taken (PDF, OpenDocument and Office text, plain text), each
recognised by its content as well as by its name; the name is reduced to a safe file name and the
size is limited (``partnership_document_max_bytes``); the file handling is :mod:`splot.common.files`."""

from __future__ import annotations

import hashlib
import uuid
from datetime import date

from fastapi import UploadFile
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import not_found
from splot.common.files import DOCUMENTS, content_disposition, format_of, read_upload, safe_file_name
from splot.directory.partnerships import access
from splot.directory.partnerships.models import Meeting, Partnership, PartnershipDocument


async def upload_minutes(
    session: AsyncSession,
    *,
    partnership: Partnership,
    meeting_id: uuid.UUID,
    upload: UploadFile,
    title: str | None,
    actor: Principal,
    day: date,
    max_bytes: int,
) -> tuple[Meeting, PartnershipDocument]:
    """Keep the file as the meeting's minutes (an organiser of the partnership)."""
    access.require_organiser(partnership, actor, day)
    meeting = await session.get(Meeting, meeting_id, with_for_update=True)
    if meeting is None or meeting.partnership_id != partnership.id:
        raise not_found("meeting")
    name = safe_file_name(upload.filename)
    content = await read_upload(upload, max_bytes)
    kind = format_of(name, content, allowed=DOCUMENTS, what="minutes")
    assert actor.institution_id is not None
    document = PartnershipDocument(
        partnership_id=partnership.id,
        meeting_id=meeting.id,
        kind="minutes",
        title=title or f"Protokół ze spotkania {meeting.held_on.isoformat()}",
        file_name=name,
        media_type=kind.media_type,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_institution_id=actor.institution_id,
        uploaded_by_subject=actor.subject,
        uploaded_at=utcnow(),
    )
    session.add(document)
    await session.flush()
    meeting.minutes = {
        "title": document.title,
        "file_name": document.file_name,
        "media_type": document.media_type,
        "size_bytes": document.size_bytes,
        "document_id": str(document.id),
    }
    await session.flush()
    return meeting, document


async def document_of(
    session: AsyncSession, *, partnership: Partnership, document_id: uuid.UUID
) -> PartnershipDocument:
    found = await session.scalar(
        select(PartnershipDocument)
        .where(PartnershipDocument.id == document_id, PartnershipDocument.partnership_id == partnership.id)
        .options(undefer(PartnershipDocument.content))
    )
    if found is None:
        raise not_found("document")
    return found


__all__ = ["content_disposition", "document_of", "safe_file_name", "upload_minutes"]
