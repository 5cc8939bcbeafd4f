"""The consumer's own tables: ingestion state.

A cursor per source, the ids of the events already applied, the months whose pre-aggregates must
be recomputed.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, utcnow
from splot.reporting.model_base import Base

# --- ingestion state ---------------------------------------------------------------------------


class SourceCursor(Base):
    """Where the consumer of one event feed stands (one row per source)."""

    __tablename__ = "source_cursor"

    source: Mapped[str] = mapped_column(String(32), primary_key=True)
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The feed's newest sequence number at the last successful poll (lag = head_seq - last_seq).
    head_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    events_applied: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The highest position of an event recorded as processed from this feed. Never lowered: a
    #: cursor moved back re-reads positions up to it, whose event ids are looked up; a position
    #: above it was never delivered before (a feed gives each event one position for good).
    processed_through: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    last_success_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The exception type only: messages could quote payloads.
    last_error: Mapped[str | None] = mapped_column(String(120))
    consecutive_failures: Mapped[int] = mapped_column(Integer, default=0)


class ProcessedEvent(Base):
    """Every event applied, by id: a re-delivered event is recognised and skipped."""

    __tablename__ = "processed_event"

    event_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    source: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int] = mapped_column(BigInteger)
    processed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class DirtyMonth(Base):
    """A cohort month whose cubes must be recomputed from the facts."""

    __tablename__ = "dirty_month"

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    month: Mapped[int] = mapped_column(Integer, primary_key=True)
    #: Moved on each time the month is marked again (see :func:`splot.reporting.cubes.mark_dirty`).
    generation: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
