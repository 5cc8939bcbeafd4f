"""Bulk imports: jobs, their rows, and one row's columns."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel

from splot.clients.schemas.fields import ExternalId, Output
from splot.clients.schemas.persons import PersonFields
from splot.common.api import Page


class ImportCounts(BaseModel):
    created: int
    matched: int
    updated: int
    unchanged: int
    rejected: int


class ImportRead(BaseModel):
    id: uuid.UUID
    institution_id: uuid.UUID
    status: str
    dry_run: bool
    source_format: str
    total_rows: int
    processed_rows: int
    progress: float
    counts: ImportCounts
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ImportPage(Page[ImportRead]): ...


class ImportRowRead(Output):
    row_number: int
    external_id: str | None
    #: created, matched, updated, unchanged or rejected; null while pending.
    outcome: str | None
    person_id: uuid.UUID | None
    problem: dict[str, Any] | None


class ImportRowPage(Page[ImportRowRead]): ...


class ImportColumn(BaseModel):
    name: str
    #: Needed in every row (birth_date and sex are needed without a PESEL).
    required: bool
    description: str | None


class ImportTemplate(BaseModel):
    """The columns an import takes, and a template file (header and one made-up row)."""

    columns: list[ImportColumn]
    #: The template as a CSV file (UTF-8 with BOM, ; separated).
    csv: str
    filename: str


class ImportRecord(PersonFields):
    """One row of a bulk import (CSV columns or JSON object keys)."""

    external_id: ExternalId
