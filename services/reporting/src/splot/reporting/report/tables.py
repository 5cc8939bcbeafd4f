"""The results reports frozen in editions: one per edition version, never updated once written."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, new_id, utcnow
from splot.reporting.models import Base


class EditionReport(Base):
    """The data model of a results report (:class:`~splot.reporting.report.model.Report` as JSON),
    frozen into one version of an edition: rendering it reads only this row."""

    __tablename__ = "edition_report"
    __table_args__ = (UniqueConstraint("edition_id", "version", name="uq_edition_report_edition_version"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("edition.id", ondelete="CASCADE"), index=True)
    #: The edition version it belongs to (the current one when it was frozen).
    version: Mapped[int] = mapped_column(Integer)
    #: Subject (user id) of the analyst who froze it.
    frozen_by: Mapped[str] = mapped_column(String(64))
    frozen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
