"""The results report's request and response bodies."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from splot.reporting.schemas import Input, Output, SingleLineText


class ReportFormat(StrEnum):
    html = "html"
    pdf = "pdf"


class ReportFreeze(Input):
    title: Annotated[SingleLineText, StringConstraints(min_length=1, max_length=200)] | None = Field(
        None, description="The report's title (default: the edition's); one line"
    )
    rounds: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=10,
        description="Survey rounds to show (default: every round in the period)",
    )
    practices: list[uuid.UUID] = Field(
        default_factory=list,
        max_length=20,
        description="Published good practices to show (default: the newest ones in the territory)",
    )


class FrozenReportRead(Output):
    edition_id: uuid.UUID
    version: int
    frozen_at: datetime
    title: str
    territory: str
    period_from: str
    period_to: str
