"""A good practice's attachments (at most 5): documents and photographs (PDF, ODT, DOCX, TXT,
JPEG, PNG), recognised by their content as well as by their name, at most
``practice_attachment_max_bytes`` each (:mod:`splot.common.files`). Added and removed by the
practice's institution while it is editable; downloaded by whoever reads the practice."""

from __future__ import annotations

import hashlib
import uuid

from fastapi import UploadFile
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.files import DOCUMENTS_AND_IMAGES, format_of, read_upload, safe_file_name
from splot.reporting.practices import access
from splot.reporting.practices.models import Practice, PracticeAttachment

MAX_ATTACHMENTS = 5


def _require_editable(practice: Practice, actor: Principal) -> None:
    if not access.own(practice, actor):
        raise forbidden("the practice's institution attaches its files")
    if practice.status not in access.EDITABLE:
        raise Problem(
            409, "not_editable", f"a practice that is {practice.status} is not edited", state=practice.status
        )


async def add(
    session: AsyncSession, *, practice: Practice, upload: UploadFile, actor: Principal, max_bytes: int
) -> PracticeAttachment:
    _require_editable(practice, actor)
    count = await session.scalar(
        select(func.count())
        .select_from(PracticeAttachment)
        .where(PracticeAttachment.practice_id == practice.id)
    )
    if (count or 0) >= MAX_ATTACHMENTS:
        raise Problem(409, "too_many_attachments", f"a practice has at most {MAX_ATTACHMENTS} attachments")
    name = safe_file_name(upload.filename)
    content = await read_upload(upload, max_bytes)
    kind = format_of(name, content, allowed=DOCUMENTS_AND_IMAGES, what="attachments")
    attachment = PracticeAttachment(
        practice_id=practice.id,
        file_name=name,
        media_type=kind.media_type,
        size_bytes=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        content=content,
        uploaded_by_subject=actor.subject,
        uploaded_at=utcnow(),
    )
    session.add(attachment)
    practice.version += 1
    practice.updated_at = utcnow()
    await session.flush()
    return attachment


async def _find(
    session: AsyncSession, practice: Practice, attachment_id: uuid.UUID, *, content: bool
) -> PracticeAttachment:
    stmt = select(PracticeAttachment).where(
        PracticeAttachment.id == attachment_id, PracticeAttachment.practice_id == practice.id
    )
    if content:
        stmt = stmt.options(undefer(PracticeAttachment.content))
    found = await session.scalar(stmt)
    if found is None:
        raise not_found("attachment")
    return found


async def remove(
    session: AsyncSession, *, practice: Practice, attachment_id: uuid.UUID, actor: Principal
) -> None:
    _require_editable(practice, actor)
    await session.delete(await _find(session, practice, attachment_id, content=False))
    practice.version += 1
    practice.updated_at = utcnow()
    await session.flush()


async def file_of(
    session: AsyncSession, *, practice: Practice, attachment_id: uuid.UUID
) -> PracticeAttachment:
    return await _find(session, practice, attachment_id, content=True)
