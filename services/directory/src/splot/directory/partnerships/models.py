"""Local partnerships (issue #15): the partnership and its parties, its plan (tasks, client
selection criteria, the service standard), targets, meetings and internal evaluations. Agreement
versions are :class:`splot.directory.models.PartnershipAgreement` rows with a ``partnership_id``."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from splot.common.db import TimestampMixin, UTCDateTime, Versioned, new_id, utcnow
from splot.directory.models import Base


class Partnership(Versioned, TimestampMixin, Base):
    """A local partnership: from the initiative (who proposes, to whom, why, the area) to the
    agreements its parties confirm and the work they do together."""

    __tablename__ = "partnership"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    name: Mapped[str] = mapped_column(String(300))
    purpose: Mapped[str] = mapped_column(Text)
    #: TERYT codes (gminas, powiats or voivodeships) of the area it serves.
    area_teryt: Mapped[list[str]] = mapped_column(JSON, default=list)
    proposed_by_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), index=True)
    leader_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))
    #: The partnership coordinator: a staff member of a party (token subject and name).
    coordinator_subject: Mapped[str | None] = mapped_column(String(128))
    coordinator_name: Mapped[str | None] = mapped_column(String(200))
    #: The programme (a code of the programme catalogue) the partnership belongs to, if any.
    programme: Mapped[str | None] = mapped_column(String(32))
    parties: Mapped[list[PartnershipParty]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="PartnershipParty.invited_at"
    )


class PartnershipParty(Base):
    """An institution in a partnership: invited, then a party (joined on, left on) or declined."""

    __tablename__ = "partnership_party"
    __table_args__ = (UniqueConstraint("partnership_id", "institution_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), index=True)
    #: invited, party or declined.
    state: Mapped[str] = mapped_column(String(16))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    joined_on: Mapped[date | None] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)
    #: The party's contact person (a work contact, shown to the other parties only).
    contact_name: Mapped[str | None] = mapped_column(String(200))
    contact_email: Mapped[str | None] = mapped_column(String(254))
    contact_phone: Mapped[str | None] = mapped_column(String(32))

    def is_party_on(self, day: date) -> bool:
        return (
            self.state == "party"
            and self.joined_on is not None
            and self.joined_on <= day
            and (self.left_on is None or self.left_on > day)
        )


class PlanTask(Versioned, TimestampMixin, Base):
    __tablename__ = "partnership_task"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))
    starts_on: Mapped[date | None] = mapped_column(Date)
    due_on: Mapped[date | None] = mapped_column(Date)
    #: planned, in_progress, done or cancelled.
    status: Mapped[str] = mapped_column(String(16), default="planned")
    #: The meeting whose decision created it, if any.
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partnership_meeting.id"))


class SelectionCriteria(Base):
    """Who the partnership's joint service is for (one set per partnership)."""

    __tablename__ = "partnership_criteria"

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), primary_key=True
    )
    teryt_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    age_min: Mapped[int | None] = mapped_column(Integer)
    age_max: Mapped[int | None] = mapped_column(Integer)
    #: any, unemployed, jobseeker, not_registered.
    labour_office_status: Mapped[str] = mapped_column(String(24), default="any")
    #: any, current, past, none.
    social_assistance_use: Mapped[str] = mapped_column(String(16), default="any")
    notes: Mapped[str | None] = mapped_column(Text)


class StandardStep(Base):
    """One step of the partnership's service standard: what, who does it, and in how many
    working days the performer answers."""

    __tablename__ = "partnership_standard_step"
    __table_args__ = (UniqueConstraint("partnership_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    performer_institution_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("institution.id"))
    performer_type: Mapped[str | None] = mapped_column(String(16))
    service_type_code: Mapped[str | None] = mapped_column(ForeignKey("service_type.code"))
    deadline_working_days: Mapped[int | None] = mapped_column(Integer)


class PartnershipTarget(Base):
    __tablename__ = "partnership_target"
    __table_args__ = (UniqueConstraint("partnership_id", "indicator_code", "period"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    indicator_code: Mapped[str] = mapped_column(String(64))
    #: A reporting period label: ``2026``, ``2026-H1``, ``2026-Q2`` or ``2026-05``.
    period: Mapped[str] = mapped_column(String(7))
    baseline: Mapped[float | None] = mapped_column(Float)
    target_value: Mapped[float] = mapped_column(Float)
    #: at_least or at_most.
    direction: Mapped[str] = mapped_column(String(8), default="at_least")


class Meeting(Versioned, TimestampMixin, Base):
    __tablename__ = "partnership_meeting"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    held_on: Mapped[date] = mapped_column(Date)
    present_institution_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    agenda: Mapped[str] = mapped_column(Text)
    #: ``[{"text": …, "task_id": … or None}]``.
    decisions: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: The minutes' attachment metadata (title, file name, media type, size), no URL.
    minutes: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    next_meeting_on: Mapped[date | None] = mapped_column(Date)
    recorded_by_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))


class Evaluation(Base):
    """One party's self-assessment for a period. Never changed: a later one for the same period
    is the newest, the older ones stay as history."""

    __tablename__ = "partnership_evaluation"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))
    period: Mapped[str] = mapped_column(String(7))
    what_works: Mapped[str] = mapped_column(Text)
    barriers: Mapped[str] = mapped_column(Text)
    proposals: Mapped[str] = mapped_column(Text)
    score: Mapped[int] = mapped_column(Integer)
    #: Codes of the problem areas it names (``splot.common.problem_areas``), 0..5.
    problem_areas: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    submitted_by_subject: Mapped[str] = mapped_column(String(128))
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PartnershipDocument(Base):
    """A file a partnership keeps (a meeting's minutes): stored in the directory's database, read
    by its parties only. A new upload for the same meeting becomes its minutes; earlier ones stay."""

    __tablename__ = "partnership_document"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("partnership_meeting.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(String(300))
    file_name: Mapped[str] = mapped_column(String(200))
    media_type: Mapped[str] = mapped_column(String(100))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    uploaded_by_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))
    uploaded_by_subject: Mapped[str] = mapped_column(String(128))
    uploaded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
