"""The auditor's export of the access log (CSV or XLSX), with the same filters as the list.

Bounded: an export of more than ``access_log_export_max_rows`` rows is refused with a 422
``export_too_large`` that says how many rows match and what the limit is (narrow the filters or
the period). The export is itself an entry of the access log (``access_log_export``, basis
``audit``, the filters, format and row count as its reason). Every cell goes through
:mod:`splot.common.spreadsheet` (formula injection neutralised, characters XLSX cannot hold
replaced).
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from typing import Any, Literal

from openpyxl import Workbook
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import AuditContext, log_access
from splot.clients.audit import LogFilters
from splot.clients.models import AccessLog
from splot.common.auth import Principal
from splot.common.errors import Problem
from splot.common.spreadsheet import csv_cell, xlsx_cell

ExportFormat = Literal["csv", "xlsx"]
MEDIA: dict[str, str] = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
COLUMNS = (
    "occurred_at",
    "subject",
    "subject_kind",
    "institution_id",
    "person_id",
    "action",
    "resource",
    "legal_basis",
    "basis_ref",
    "reason",
    "request_id",
)


def _value(row: AccessLog, column: str) -> Any:
    value = getattr(row, column)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def to_csv(rows: list[AccessLog]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_cell(_value(row, c)) for c in COLUMNS])
    return out.getvalue().encode()


def to_xlsx(rows: list[AccessLog], filters: LogFilters) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("access_log")
    sheet.append(list(COLUMNS))
    for row in rows:
        sheet.append([xlsx_cell(_value(row, c)) for c in COLUMNS])
    about = book.create_sheet("metadata")
    about.append(["filters", xlsx_cell(filters.describe())])
    about.append(["rows", len(rows)])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def export_access_log(
    session: AsyncSession,
    *,
    principal: Principal,
    filters: LogFilters,
    fmt: ExportFormat,
    max_rows: int,
    audit: AuditContext,
) -> bytes:
    """The filtered log, newest first, as a file; 422 over ``max_rows``."""
    matching = await session.scalar(filters.apply(select(func.count()).select_from(AccessLog))) or 0
    if matching > max_rows:
        raise Problem(
            422,
            "export_too_large",
            f"{matching} entries match; an export holds at most {max_rows}: narrow the filters or the period",
            matching=matching,
            max_rows=max_rows,
        )
    rows = list(
        (
            await session.scalars(
                filters.apply(select(AccessLog)).order_by(AccessLog.occurred_at.desc(), AccessLog.id.desc())
            )
        ).all()
    )
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[filters.person_id],
        action="access_log_export",
        legal_basis="audit",
        reason=f"{fmt}, {len(rows)} rows; {filters.describe()}"[:1000],
    )
    return to_csv(rows) if fmt == "csv" else to_xlsx(rows, filters)
