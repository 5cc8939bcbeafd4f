"""Files around a bulk import: the CSV template (the expected columns and an example row), and the
download of a job's rejected rows — the row as uploaded plus why it was refused, to correct and
upload again.

Every cell of a download goes through :func:`splot.common.spreadsheet.csv_cell`: text that a
spreadsheet would read as a formula (``=HYPERLINK(...)``, ``+48 600…``) gets a leading ``'``, which
:func:`splot.clients.import_upload.parse_csv` removes again when the file comes back. The file is
UTF-8 with a BOM and ``;``-separated (what a Polish spreadsheet opens as columns); the extra
columns ``rejected_row``, ``rejection_code`` and ``rejection_reason`` are ignored on upload.
"""

from __future__ import annotations

import csv
import io
import uuid
from collections.abc import AsyncIterator, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.clients import schemas
from splot.clients.access import Actor
from splot.clients.models import ImportJob, ImportRow
from splot.common.errors import forbidden
from splot.common.spreadsheet import csv_cell

#: The import's columns in the template's order (external_id first).
COLUMNS: tuple[str, ...] = (
    "external_id",
    *(c for c in schemas.ImportRecord.model_fields if c != "external_id"),
)
#: What the download of the rejected rows adds to the row's own columns (ignored on upload).
REJECTION_COLUMNS = ("rejected_row", "rejection_code", "rejection_reason")
BOM = "\ufeff"
DELIMITER = ";"
CHUNK = 1000

_EXAMPLE = {
    "external_id": "K-0001",
    "first_name": "Anna",
    "last_name": "Przykładowa",
    "birth_date": "1985-03-14",
    "sex": "F",
    "citizenship": "PL",
    "street": "ul. Przykładowa 1",
    "postal_code": "32-020",
    "city": "Wieliczka",
    "gmina": "1219053",
    "phone": "500 000 000",
    "preferred_contact": "phone",
}


def _line(cells: Iterable[Any]) -> str:
    out = io.StringIO()
    # CRLF: the writer quotes every field holding a CR or LF (see splot.common.spreadsheet).
    csv.writer(out, delimiter=DELIMITER, lineterminator="\r\n").writerow(
        ["" if c is None else csv_cell(str(c)) for c in cells]
    )
    return out.getvalue()


def template_csv() -> str:
    """The header row and one made-up example row."""
    return BOM + _line(COLUMNS) + _line(_EXAMPLE.get(c) for c in COLUMNS)


def template() -> schemas.ImportTemplate:
    fields = schemas.ImportRecord.model_fields
    return schemas.ImportTemplate(
        columns=[
            schemas.ImportColumn(name=c, required=fields[c].is_required(), description=fields[c].description)
            for c in COLUMNS
        ],
        csv=template_csv(),
        filename="splot-import-szablon.csv",
    )


def may_download_rejected(actor: Actor) -> None:
    """The rejected rows are the upload itself (names, PESEL): for those who import — a
    coordinator or the institution's own system — of the job's institution (checked by the job)."""
    if not (actor.is_coordinator or actor.principal.kind == "client"):
        raise forbidden("the rejected rows are for the coordinators who import")


def reason_of(problem: dict[str, Any] | None) -> tuple[str, str]:
    """The problem's code and a one-line reason (with each invalid column named)."""
    if not problem:
        return "", ""
    parts = [str(problem.get("detail") or problem.get("title") or "")]
    for error in problem.get("errors") or []:
        loc = [str(p) for p in error.get("loc") or [] if p != "row"]
        parts.append(f"{'.'.join(loc) or 'row'}: {error.get('msg', '')}")
    return str(problem.get("code") or ""), "; ".join(p for p in parts if p)


def columns_of(job: ImportJob, first: dict[str, Any] | None) -> list[str]:
    """The row's own columns: a CSV upload's header (every row has its keys), else all of them."""
    if job.source_format == "csv" and first:
        present = set(first)
        return [c for c in COLUMNS if c in present]
    return list(COLUMNS)


async def _chunk(session: AsyncSession, job_id: uuid.UUID, after: int) -> list[ImportRow]:
    return list(
        (
            await session.scalars(
                select(ImportRow)
                .where(
                    ImportRow.job_id == job_id,
                    ImportRow.outcome == "rejected",
                    ImportRow.row_number > after,
                )
                .order_by(ImportRow.row_number)
                .limit(CHUNK)
            )
        ).all()
    )


async def rejected_csv(maker: async_sessionmaker[AsyncSession], job_id: uuid.UUID) -> AsyncIterator[bytes]:
    """The job's rejected rows as CSV, streamed chunk by chunk (in its own session: it runs after
    the request's session has closed). A row whose data was erased keeps only its reason."""
    async with maker() as session:
        job = await session.get(ImportJob, job_id)
        if job is None:
            return
        rows = await _chunk(session, job_id, 0)
        columns = columns_of(job, rows[0].data if rows else None)
        yield (BOM + _line([*columns, *REJECTION_COLUMNS])).encode()
        while rows:
            text = []
            for row in rows:
                data = row.data or {}
                code, reason = reason_of(row.problem)
                text.append(_line([*(data.get(c) for c in columns), row.row_number, code, reason]))
            yield "".join(text).encode()
            rows = await _chunk(session, job_id, rows[-1].row_number)
