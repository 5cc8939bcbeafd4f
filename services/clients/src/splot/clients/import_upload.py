"""The upload of a bulk import: the request body — CSV (header row; ``;``, ``,`` or tab separated),
JSON (``[...]`` or ``{"rows": [...]}``) or a multipart ``file`` — within the size limit, parsed
into rows (dicts of the :class:`~splot.clients.schemas.ImportRecord` columns)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from fastapi import Request
from starlette.datastructures import UploadFile

from splot.clients import schemas
from splot.clients.config import ClientsSettings
from splot.clients.import_export import REJECTION_COLUMNS
from splot.common.errors import Problem
from splot.common.spreadsheet import QUOTE, is_formula_like

COLUMNS = frozenset(schemas.ImportRecord.model_fields)


async def read_upload(request: Request, settings: ClientsSettings) -> tuple[list[dict[str, Any]], str]:
    """The uploaded rows and their format (``csv`` or ``json``); 413 over the size limit, 415 for
    another media type."""
    too_large = Problem(
        413, "payload_too_large", f"an import file has at most {settings.import_max_bytes} bytes"
    )
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.import_max_bytes:
        raise too_large
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == "multipart/form-data":
        form = await request.form(max_files=1, max_fields=5)
        upload = form.get("file")
        if not isinstance(upload, UploadFile):
            raise Problem(422, "file_required", "send the rows as a multipart field named file")
        raw = await upload.read(settings.import_max_bytes + 1)
        name = (upload.filename or "").lower()
        kind = "json" if name.endswith(".json") or (upload.content_type or "").endswith("json") else "csv"
    elif media in ("application/json", "text/csv"):
        raw = await request.body()
        kind = "json" if media == "application/json" else "csv"
    else:
        raise Problem(415, "unsupported_media_type", "send text/csv, application/json or multipart/form-data")
    if len(raw) > settings.import_max_bytes:
        raise too_large
    rows = parse_json(raw) if kind == "json" else parse_csv(raw)
    return rows, kind


def parse_csv(raw: bytes) -> list[dict[str, Any]]:
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(422, "invalid_file", "the CSV file must be UTF-8 encoded") from exc
    first_line = content.split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [(h or "").strip().lower() for h in (reader.fieldnames or [])]
    if not header or not any(header):
        raise Problem(422, "empty_import", "the file has no header row")
    # The download of rejected rows adds its reasons as columns: a corrected file comes back as is.
    unknown = sorted(set(header) - COLUMNS - set(REJECTION_COLUMNS))
    if unknown:
        raise Problem(
            422,
            "unknown_columns",
            "unknown column(s): " + ", ".join(h[:40] for h in unknown[:10]),
            allowed_columns=sorted(COLUMNS),
        )
    if "external_id" not in header:
        raise Problem(422, "missing_columns", "the external_id column is required")
    reader.fieldnames = header
    rows: list[dict[str, Any]] = []
    try:
        for row in reader:
            rows.append({k: _cell(v) for k, v in row.items() if k in COLUMNS})
    except csv.Error as exc:
        raise Problem(422, "invalid_file", "the CSV file cannot be read") from exc
    return rows


def _cell(value: Any) -> str | None:
    """A CSV cell: trimmed, empty as none, and a cell our exports neutralised (``'`` before
    what a spreadsheet reads as a formula, e.g. ``'+48 600…``) as it was."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.startswith(QUOTE) and is_formula_like(value[1:]):
        value = value[1:]
    return value or None


def parse_json(raw: bytes) -> list[dict[str, Any]]:
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Problem(400, "malformed_json", "request body is not valid JSON") from exc
    rows = document.get("rows") if isinstance(document, dict) else document
    if not isinstance(rows, list):
        raise Problem(422, "invalid_file", 'send a JSON array of rows or {"rows": [...]}')
    if not all(isinstance(row, dict) for row in rows):
        raise Problem(422, "invalid_file", "every row must be a JSON object")
    return rows
