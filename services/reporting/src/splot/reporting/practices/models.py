"""Tables of good practices (with their transitions and attachments) and of the problem areas
named by partnership evaluations. No personal data of clients; a practice's contact person is
the institution's published contact, chosen by the submitter."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, ForeignKey, Index, Integer, LargeBinary, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, new_id, utcnow
from splot.reporting.models import Base

#: Every state of a practice.
STATUSES = ("draft", "submitted", "returned", "accepted", "rejected", "published")


class Practice(Base):
    """A good practice of cooperation, as its institution describes it."""

    __tablename__ = "practice"
    __table_args__ = (
        Index("ix_practice_status_published", "status", "published_at", "id"),
        Index("ix_practice_institution", "institution_id", "updated_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), default="draft")
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: Copied from the institution when it is written (its type and the TERYT of its seat).
    institution_type: Mapped[str] = mapped_column(String(16))
    teryt: Mapped[str] = mapped_column(String(7), index=True)
    partnership_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    since: Mapped[date] = mapped_column(Date)
    problem_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The same codes as ``|code||code|`` (a filter that works on every database).
    area_codes: Mapped[str] = mapped_column(String(300), default="")
    topic_tags: Mapped[list[str]] = mapped_column(JSON, default=list)
    target_groups: Mapped[list[str]] = mapped_column(JSON, default=list)
    results: Mapped[str] = mapped_column(Text, default="")
    #: ``[{"label": …, "value": …, "unit": …}]``, at most 5.
    numeric_results: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    contact_name: Mapped[str] = mapped_column(String(200))
    contact_email: Mapped[str] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(40))
    #: The title, summary and results folded (lower case, no diacritics) for the search.
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_by_subject: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class PracticeTransition(Base):
    """One step of a practice's workflow: who (subject, institution, role), when, a comment."""

    __tablename__ = "practice_transition"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    actor_subject: Mapped[str] = mapped_column(String(128))
    actor_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    actor_role: Mapped[str] = mapped_column(String(24))
    comment: Mapped[str | None] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PracticeAttachment(Base):
    """A file of a practice (at most 5), kept in the database."""

    __tablename__ = "practice_attachment"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    practice_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("practice.id", ondelete="CASCADE"), index=True)
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_subject: Mapped[str] = mapped_column(String(128))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class EvaluationAreaFact(Base):
    """A party's evaluation of a partnership (the directory's ``evaluation.submitted``): the
    problem areas it names for its period. The newest per (partnership, party, period) counts."""

    __tablename__ = "evaluation_area_fact"
    __table_args__ = (Index("ix_evaluation_area_fact_period", "first_day", "last_day"),)

    evaluation_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    partnership_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    period: Mapped[str] = mapped_column(String(7))
    first_day: Mapped[date] = mapped_column(Date)
    last_day: Mapped[date] = mapped_column(Date)
    problem_areas: Mapped[list[str]] = mapped_column(JSON, default=list)
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime())
