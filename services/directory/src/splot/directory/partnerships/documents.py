"""Files a partnership keeps: a meeting's minutes, uploaded by an organiser and downloaded by the
parties. Only document formats are taken (PDF, OpenDocument and Office text, plain text), each
recognised by its content as well as by its name; the name is reduced to a safe file name and the
size is limited (``partnership_document_max_bytes``)."""

from __future__ import annotations

import hashlib
import re
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from fastapi import UploadFile
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.directory.partnerships import access
from splot.directory.partnerships.models import Meeting, Partnership, PartnershipDocument

_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class _Format:
    media_type: str
    magic: bytes | None  # the content starts with it (None: UTF-8 text)


#: Accepted file formats by extension.
FORMATS = {
    ".pdf": _Format("application/pdf", b"%PDF-"),
    ".odt": _Format("application/vnd.oasis.opendocument.text", _ZIP),
    ".docx": _Format("application/vnd.openxmlformats-officedocument.wordprocessingml.document", _ZIP),
    ".txt": _Format("text/plain; charset=utf-8", None),
}


def safe_file_name(raw: str | None) -> str:
    """The last part of the name the browser sent, without control or path characters; at most
    200 characters with its extension kept."""
    name = PureWindowsPath(PurePosixPath(raw or "").name).name
    name = unicodedata.normalize("NFC", name)
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C")
    name = re.sub(r'[\\/:*?"<>|]', "_", name).strip(" .")
    if not name:
        raise Problem(422, "invalid_file_name", "the file has no usable name")
    stem, dot, extension = name.rpartition(".")
    if dot and len(name) > 200:
        name = stem[: 199 - len(extension)] + "." + extension
    return name[:200]


def _format_of(name: str, content: bytes) -> _Format:
    extension = PurePosixPath(name.lower()).suffix
    known = FORMATS.get(extension)
    if known is None:
        raise Problem(415, "unsupported_media_type", "minutes are PDF, ODT, DOCX or TXT files")
    if known.magic is not None and not content.startswith(known.magic):
        raise Problem(415, "unsupported_media_type", f"the file is not a {extension[1:].upper()} document")
    if known.magic is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Problem(415, "unsupported_media_type", "a text file must be UTF-8") from exc
    return known


async def _read(upload: UploadFile, limit: int) -> bytes:
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise Problem(413, "payload_too_large", f"a file has at most {limit} bytes")
    if not content:
        raise Problem(422, "empty_file", "the file is empty")
    return content


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
    content = await _read(upload, max_bytes)
    kind = _format_of(name, content)
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


def content_disposition(name: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987)."""
    decomposed = unicodedata.normalize("NFKD", name)
    fallback = "".join(c for c in decomposed if not unicodedata.combining(c))
    fallback = re.sub(r"[^A-Za-z0-9._ -]", "_", fallback) or "document"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"
