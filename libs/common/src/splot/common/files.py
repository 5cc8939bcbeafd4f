"""Uploaded files kept in a service's database (a partnership's minutes, a good practice's
attachments): the format recognised by its content as well as by its name, a safe file name,
the size limit, and the headers a download is served with."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote

from fastapi import UploadFile

from splot.common.errors import Problem

_ZIP = b"PK\x03\x04"


@dataclass(frozen=True)
class FileFormat:
    media_type: str
    magic: tuple[bytes, ...] | None  # the content starts with one of them (None: UTF-8 text)


#: Every format a service may accept, by extension.
FORMATS = {
    ".pdf": FileFormat("application/pdf", (b"%PDF-",)),
    ".odt": FileFormat("application/vnd.oasis.opendocument.text", (_ZIP,)),
    ".docx": FileFormat("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (_ZIP,)),
    ".txt": FileFormat("text/plain; charset=utf-8", None),
    ".jpg": FileFormat("image/jpeg", (b"\xff\xd8\xff",)),
    ".jpeg": FileFormat("image/jpeg", (b"\xff\xd8\xff",)),
    ".png": FileFormat("image/png", (b"\x89PNG\r\n\x1a\n",)),
}
#: Documents only (PDF, OpenDocument and Office text, plain text).
DOCUMENTS = (".pdf", ".odt", ".docx", ".txt")
#: Documents and photographs (JPEG, PNG).
DOCUMENTS_AND_IMAGES = (*DOCUMENTS, ".jpg", ".jpeg", ".png")
#: The media types a download may have (for the OpenAPI description).
MEDIA_TYPES = tuple(dict.fromkeys(f.media_type.split(";")[0] for f in FORMATS.values()))

#: Served with every downloaded file: saved, never rendered or cached by the browser.
DOWNLOAD_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox; default-src 'none'",
    "Cache-Control": "private, no-store",
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


def format_of(
    name: str, content: bytes, *, allowed: Iterable[str] = DOCUMENTS, what: str = "files"
) -> FileFormat:
    """The format of a file by its name's extension, checked against its content (415 otherwise)."""
    allowed = tuple(allowed)
    extension = PurePosixPath(name.lower()).suffix
    known = FORMATS.get(extension) if extension in allowed else None
    if known is None:
        kinds = ", ".join(dict.fromkeys(e[1:].upper().replace("JPG", "JPEG") for e in allowed))
        raise Problem(415, "unsupported_media_type", f"{what} are {kinds} files")
    if known.magic is not None and not content.startswith(known.magic):
        raise Problem(415, "unsupported_media_type", f"the file is not a {extension[1:].upper()} file")
    if known.magic is None:
        try:
            content.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise Problem(415, "unsupported_media_type", "a text file must be UTF-8") from exc
    return known


async def read_upload(upload: UploadFile, limit: int) -> bytes:
    """The uploaded content: 413 above ``limit`` bytes, 422 when empty."""
    content = await upload.read(limit + 1)
    if len(content) > limit:
        raise Problem(413, "payload_too_large", f"a file has at most {limit} bytes")
    if not content:
        raise Problem(422, "empty_file", "the file is empty")
    return content


def content_disposition(name: str) -> str:
    """``attachment`` with an ASCII fallback and the UTF-8 name (RFC 6266 / RFC 5987)."""
    decomposed = unicodedata.normalize("NFKD", name)
    fallback = "".join(c for c in decomposed if not unicodedata.combining(c))
    fallback = re.sub(r"[^A-Za-z0-9._ -]", "_", fallback) or "document"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download_headers(name: str) -> dict[str, str]:
    return {"Content-Disposition": content_disposition(name), **DOWNLOAD_HEADERS}
