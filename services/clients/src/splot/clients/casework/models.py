"""Casework data model: the problem-area and plan-type catalogues, diagnoses (with the
contributors of a joint one), individual plans (parties, goals, actions, reviews), lead workers
and case conferences. Every row belongs to one person of the registry."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from splot.clients.models import Base
from splot.common.db import TimestampMixin, UTCDateTime, Versioned, new_id, utcnow


class ProblemArea(Base):
    """A ground for social assistance (the social assistance act, art. 7) or a barrier to
    employment. Special-category areas are ``sensitive``."""

    __tablename__ = "problem_area"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    label_pl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    #: social_assistance_ground | employment_barrier
    group: Mapped[str] = mapped_column(String(32))
    sensitive: Mapped[bool] = mapped_column(Boolean)
    sort_order: Mapped[int] = mapped_column(Integer)


class PlanType(Base):
    """A kind of individual plan, its legal basis (a code of the directory's legal-basis
    catalogue) and the institution types that may own one."""

    __tablename__ = "plan_type"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    label_pl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    legal_basis_code: Mapped[str] = mapped_column(String(64))
    institution_types: Mapped[list[str]] = mapped_column(JSON)
    joint: Mapped[bool] = mapped_column(Boolean)
    sort_order: Mapped[int] = mapped_column(Integer)


class Diagnosis(Versioned, TimestampMixin, Base):
    __tablename__ = "diagnosis"
    __table_args__ = (Index("ix_diagnosis_person_date", "person_id", "diagnosed_on"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    author_sub: Mapped[str] = mapped_column(String(128))
    diagnosed_on: Mapped[date] = mapped_column(Date)
    joint: Mapped[bool] = mapped_column(Boolean, default=False)
    strengths: Mapped[str | None] = mapped_column(Text)
    person_view: Mapped[str | None] = mapped_column(Text)
    conclusion: Mapped[str | None] = mapped_column(Text)
    #: draft | signed
    status: Mapped[str] = mapped_column(String(12), default="draft")
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class DiagnosisContributor(Base):
    """An institution taking part in a diagnosis (the owner is one too): its section and sign-off."""

    __tablename__ = "diagnosis_contributor"
    __table_args__ = (UniqueConstraint("diagnosis_id", "institution_id", name="uq_diagnosis_contributor"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    diagnosis_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("diagnosis.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    section: Mapped[str | None] = mapped_column(Text)
    signed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    signed_by: Mapped[str | None] = mapped_column(String(128))


class DiagnosisArea(Base):
    """A problem area found by one contributor, with its note; sensitive from the catalogue or
    raised by its author."""

    __tablename__ = "diagnosis_area"
    __table_args__ = (
        UniqueConstraint("diagnosis_id", "institution_id", "area_code", name="uq_diagnosis_area"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    diagnosis_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("diagnosis.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    area_code: Mapped[str] = mapped_column(ForeignKey("problem_area.code"))
    note: Mapped[str | None] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean)


class Plan(Versioned, TimestampMixin, Base):
    """An individual plan; the plan is the aggregate: every change to it or its goals, actions
    and reviews moves its ``version`` (one ETag)."""

    __tablename__ = "plan"
    __table_args__ = (
        Index("ix_plan_person", "person_id", "created_at"),
        Index("ix_plan_owner_review", "owner_institution_id", "next_review_due"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    plan_type_code: Mapped[str] = mapped_column(ForeignKey("plan_type.code"))
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    created_by: Mapped[str] = mapped_column(String(128))
    diagnosis_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("diagnosis.id"))
    starts_on: Mapped[date] = mapped_column(Date)
    #: active | closed
    status: Mapped[str] = mapped_column(String(12), default="active")
    agreement_date: Mapped[date | None] = mapped_column(Date)
    #: signed_paper | oral_recorded | electronic
    agreement_method: Mapped[str | None] = mapped_column(String(16))
    next_review_due: Mapped[date | None] = mapped_column(Date)
    #: The programme (a code of the directory's programme catalogue) the plan belongs to, if any.
    programme: Mapped[str | None] = mapped_column(String(32))


class PlanParty(Base):
    __tablename__ = "plan_party"
    __table_args__ = (UniqueConstraint("plan_id", "institution_id", name="uq_plan_party"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plan.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)


class PlanGoal(Base):
    __tablename__ = "plan_goal"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plan.id"), index=True)
    area_code: Mapped[str] = mapped_column(ForeignKey("problem_area.code"))
    description: Mapped[str] = mapped_column(Text)
    sensitive: Mapped[bool] = mapped_column(Boolean)
    #: open | assessed
    status: Mapped[str] = mapped_column(String(12), default="open")
    #: achieved | partly_achieved | not_achieved | abandoned
    assessment: Mapped[str | None] = mapped_column(String(16))
    assessment_reason: Mapped[str | None] = mapped_column(Text)
    assessed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class PlanAction(Base):
    __tablename__ = "plan_action"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plan.id"), index=True)
    goal_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plan_goal.id"), index=True)
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    description: Mapped[str] = mapped_column(Text)
    service_type_code: Mapped[str | None] = mapped_column(String(48))
    due_date: Mapped[date | None] = mapped_column(Date)
    #: planned | in_progress | done | not_done | cancelled (the table in casework.workflow)
    status: Mapped[str] = mapped_column(String(12), default="planned")
    result: Mapped[str | None] = mapped_column(Text)
    conference_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("case_conference.id"), index=True)
    referral_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    referral_status: Mapped[str | None] = mapped_column(String(24))
    referral_outcome_code: Mapped[str | None] = mapped_column(String(48))
    referral_receiver_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    referral_version: Mapped[int | None] = mapped_column(Integer)
    #: done | not_done, proposed by the linked referral's outcome
    proposed_result: Mapped[str | None] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class PlanReview(Base):
    __tablename__ = "plan_review"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    plan_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("plan.id"), index=True)
    reviewed_on: Mapped[date] = mapped_column(Date)
    note: Mapped[str | None] = mapped_column(Text)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    reviewed_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class LeadWorker(Base):
    """A person's lead worker; the current one has no ``ended_at`` (earlier ones are the history)."""

    __tablename__ = "lead_worker"
    __table_args__ = (
        Index("ix_lead_worker_person", "person_id", "assigned_at"),
        #: One current lead worker per person (two reassignments racing: the second is a 409).
        Index(
            "uq_lead_worker_current",
            "person_id",
            unique=True,
            sqlite_where=text("ended_at IS NULL"),
            postgresql_where=text("ended_at IS NULL"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    user_sub: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str] = mapped_column(String(200))
    assigned_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    assigned_by: Mapped[str] = mapped_column(String(128))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class CaseConference(Base):
    __tablename__ = "case_conference"
    __table_args__ = (Index("ix_case_conference_person", "person_id", "held_on"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    organiser_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    held_on: Mapped[date] = mapped_column(Date)
    person_present: Mapped[bool] = mapped_column(Boolean)
    #: [{"institution_id": "…", "staff": ["display name", …]}], one entry per institution
    participants: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    decisions: Mapped[str | None] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
