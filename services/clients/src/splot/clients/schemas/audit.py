"""The access log (auditors) and the GDPR art. 15 access report."""

from __future__ import annotations

import uuid
from datetime import datetime

from pydantic import BaseModel

from splot.clients.schemas.fields import Output
from splot.common.api import Page


class AccessLogRead(Output):
    id: uuid.UUID
    occurred_at: datetime
    subject: str
    subject_kind: str
    institution_id: uuid.UUID | None
    person_id: uuid.UUID | None
    action: str
    resource: str
    legal_basis: str
    basis_ref: str | None
    reason: str | None
    request_id: str | None


class AccessLogPage(Page[AccessLogRead]): ...


class AccessReportInstitution(BaseModel):
    institution_id: uuid.UUID | None
    accesses: int
    first_at: datetime
    last_at: datetime
    legal_bases: list[str]


class AccessReportEntry(Output):
    occurred_at: datetime
    institution_id: uuid.UUID | None
    action: str
    legal_basis: str


class AccessReport(BaseModel):
    """GDPR art. 15: which institutions accessed the person's record, when and on what basis."""

    person_id: uuid.UUID
    generated_at: datetime
    institutions: list[AccessReportInstitution]
    items: list[AccessReportEntry]
    next_cursor: str | None = None
