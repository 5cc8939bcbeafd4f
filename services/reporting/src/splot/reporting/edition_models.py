"""Published editions: a period published for a territorial scope, and its frozen versions.

The publishing rules are in :mod:`splot.reporting.editions`.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column, relationship

from splot.common.db import UTCDateTime, new_id, utcnow
from splot.reporting.model_base import Base

# --- published editions --------------------------------------------------------------------------


class Edition(Base):
    """A period published for a territorial scope; its content lives in frozen versions."""

    __tablename__ = "edition"
    __table_args__ = (UniqueConstraint("period", "scope_territory", name="uq_edition_period_scope"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    #: "2025-03", "2025-Q1" or "2025".
    period: Mapped[str] = mapped_column(String(8))
    granularity: Mapped[str] = mapped_column(String(8))
    #: "" national, 2 digits a voivodeship, 4 digits a powiat.
    scope_territory: Mapped[str] = mapped_column(String(4))
    title: Mapped[str] = mapped_column(String(200))
    current_version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    versions: Mapped[list[EditionVersion]] = relationship(
        back_populates="edition", lazy="raise", order_by="EditionVersion.version"
    )


class EditionVersion(Base):
    """One frozen version of an edition: never updated once written."""

    __tablename__ = "edition_version"
    __table_args__ = (UniqueConstraint("edition_id", "version", name="uq_edition_version_edition_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    edition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("edition.id", ondelete="CASCADE"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    change_note: Mapped[str | None] = mapped_column(Text)
    #: Subject (user id) of the analyst who published it.
    published_by: Mapped[str] = mapped_column(String(64))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    content: Mapped[dict[str, Any]] = mapped_column(JSON)
    edition: Mapped[Edition] = relationship(back_populates="versions", lazy="raise")
