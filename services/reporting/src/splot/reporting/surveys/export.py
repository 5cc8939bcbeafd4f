"""The answers of a round as CSV or XLSX: one row per submitted response, one column per
question (a multiple choice's values joined by ``;``). The institution's id, name, type and
TERYT only for the round's owner; free text only for the owner, publishable texts for others.
Others get the export only when at least ``threshold`` institutions answered, rows in a random
(id) order. Every cell goes through :mod:`splot.common.spreadsheet` (formula neutralisation)."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.common.spreadsheet import csv_cell, xlsx_cell
from splot.reporting.surveys.design import questions
from splot.reporting.surveys.models import SurveyRound, SurveyTextAnswer
from splot.reporting.surveys.responses import is_answered
from splot.reporting.surveys.results import questionnaire_of, respondents

IDENTITY = ("institution_id", "institution_name", "institution_type", "teryt")


def _value(value: Any) -> Any:
    if not is_answered(value):
        return None
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return value


async def table(
    session: AsyncSession, row: SurveyRound, *, owner: bool, threshold: int
) -> tuple[list[str], list[list[Any]]]:
    document = await questionnaire_of(session, row)
    qs = [q for _, q in questions(document)]
    rows = await respondents(session, row.id)
    if not owner and 0 < len(rows) < threshold:
        raise Problem(422, "group_too_small", "too few institutions answered to export their answers")
    publishable = {
        (m.response_id, m.question_key)
        for m in (
            await session.scalars(
                select(SurveyTextAnswer).where(
                    SurveyTextAnswer.round_id == row.id, SurveyTextAnswer.publishable.is_(True)
                )
            )
        ).all()
    }
    header = [*(IDENTITY if owner else ()), "submitted_at" if owner else "", *(q["key"] for q in qs)]
    header = [h for h in header if h]
    lines = []
    for r in rows:
        line: list[Any] = []
        if owner:
            line += [
                str(r.institution_id),
                r.name,
                r.type,
                r.teryt,
                r.submitted_at.isoformat() if r.submitted_at else None,
            ]
        for q in qs:
            value = r.answers.get(q["key"])
            if q["type"] == "text" and not owner and (r.response_id, q["key"]) not in publishable:
                value = None
            line.append(_value(value))
        lines.append(line)
    return header, lines


def to_csv(header: list[str], lines: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # CRLF line ends: fields with line breaks are quoted
    writer.writerow([csv_cell(h) for h in header])
    for line in lines:
        writer.writerow([csv_cell(v) for v in line])
    return buffer.getvalue()


def to_xlsx(header: list[str], lines: list[list[Any]], title: str) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "answers"
    sheet.append([xlsx_cell(h) for h in header])
    for c in sheet[1]:
        c.font = Font(bold=True)
    for line in lines:
        sheet.append([xlsx_cell(v) for v in line])
    meta = workbook.create_sheet("metadata")
    meta.append(["title", xlsx_cell(title)])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
