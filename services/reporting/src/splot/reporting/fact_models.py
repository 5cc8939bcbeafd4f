"""The analytical model's facts.

One fact row per referral with its derived measures (and its outcome codes), follow-ups,
consents as counts need them, and casework (individual plans, their goals and actions,
diagnoses). Nothing here holds a name, a PESEL or a registry person id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, BigInteger, Boolean, Date, ForeignKey, Index, Integer, SmallInteger, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime
from splot.reporting.model_base import Base

#: Additive measures: a 0/1 flag per referral fact, a SUM in every cube. Their definitions are in
#: :mod:`splot.reporting.catalogue` and docs/indicators.md.
MEASURE_COLUMNS: tuple[str, ...] = (
    "referrals",
    "responded",
    "accepted",
    "rejected",
    "rejected_by_client",
    "rejected_by_provider",
    "started",
    "completed",
    "failed",
    "cancelled",
    "open",
    "ended",
    "closed_loop",
    "acknowledged",
    "sla_met",
    "sla_missed",
    "overdue",
    "forwarded",
    "employment_outcome",
    "followup_3m_answered",
    "followup_3m_employed",
    "followup_6m_answered",
    "followup_6m_employed",
)


# --- casework (issue #14; rules in splot.reporting.casework) -------------------------------------


class CaseworkPlanFact(Base):
    """A person's individual plan as of its newest event: no goal text, notes or decisions."""

    __tablename__ = "casework_plan"

    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    person_pseudonym: Mapped[str | None] = mapped_column(String(64), index=True)
    plan_type: Mapped[str] = mapped_column(String(48))
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    party_institution_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    diagnosis_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    created_on: Mapped[date] = mapped_column(Date)
    #: The local day of the event that closed it (null while it is active).
    closed_on: Mapped[date | None] = mapped_column(Date)
    next_review_due: Mapped[date | None] = mapped_column(Date)
    last_reviewed_on: Mapped[date | None] = mapped_column(Date)
    #: Whether the last review was on or before the review date due then (null: none was due).
    last_review_on_time: Mapped[bool | None] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    #: The code of its programme (the directory's programme catalogue), if any.
    programme: Mapped[str | None] = mapped_column(String(64))
    last_event_seq: Mapped[int] = mapped_column(BigInteger)


class CaseworkGoalFact(Base):
    __tablename__ = "casework_goal"

    goal_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    area_code: Mapped[str] = mapped_column(String(48))
    assessment: Mapped[str | None] = mapped_column(String(24))
    assessed_on: Mapped[date | None] = mapped_column(Date)
    last_event_seq: Mapped[int] = mapped_column(BigInteger)


class CaseworkActionFact(Base):
    __tablename__ = "casework_action"

    action_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    plan_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    #: The institution delivering the action, and the plan's owner.
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    plan_owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    status: Mapped[str] = mapped_column(String(16))
    #: The referral that serves the action: where it went and its state (the receiver delivers the
    #: action through it once it has accepted).
    referral_receiver_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    referral_status: Mapped[str | None] = mapped_column(String(24))
    #: The local day the action was added to the plan.
    first_action_on: Mapped[date] = mapped_column(Date)
    last_event_seq: Mapped[int] = mapped_column(BigInteger)


class CaseworkDiagnosisFact(Base):
    __tablename__ = "casework_diagnosis"

    diagnosis_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    person_pseudonym: Mapped[str | None] = mapped_column(String(64))
    owner_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    diagnosed_on: Mapped[date] = mapped_column(Date)
    signed_on: Mapped[date | None] = mapped_column(Date)
    joint: Mapped[bool] = mapped_column(Boolean)
    last_event_seq: Mapped[int] = mapped_column(BigInteger)


# --- consents ------------------------------------------------------------------------------------


class ConsentFact(Base):
    """Consents as counts need them: no person reference is kept."""

    __tablename__ = "consent_fact"

    consent_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    recipient_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    recipient_institution_type: Mapped[str | None] = mapped_column(String(16))
    purpose: Mapped[str | None] = mapped_column(String(64))
    given_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


# --- referral facts ------------------------------------------------------------------------------


class ReferralFact(Base):
    """One row per referral: its latest snapshot and what the indicators derive from it."""

    __tablename__ = "referral_fact"
    __table_args__ = (
        Index("ix_referral_fact_cohort", "sent_year", "sent_month"),
        Index("ix_referral_fact_sender", "sender_institution_id", "sent_year", "sent_month"),
        Index("ix_referral_fact_target", "target_institution_id", "sent_year", "sent_month"),
    )

    referral_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    version: Mapped[int] = mapped_column(Integer)
    last_event_seq: Mapped[int] = mapped_column(BigInteger)
    parent_referral_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    chain_root_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)  # chains: migration 0012
    chain_depth: Mapped[int] = mapped_column(Integer, default=0)
    person_pseudonym: Mapped[str | None] = mapped_column(String(64), index=True)
    sender_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    target_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    target_offer_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    service_type: Mapped[str] = mapped_column(String(48))
    priority: Mapped[str] = mapped_column(String(16))
    programme: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(24))
    business_status: Mapped[str | None] = mapped_column(String(32))
    legal_basis_kind: Mapped[str | None] = mapped_column(String(32))
    reason_code: Mapped[str | None] = mapped_column(String(48))
    declined_by: Mapped[str | None] = mapped_column(String(16))
    outcome_codes: Mapped[list[str]] = mapped_column(JSON, default=list)
    cancellation_requested: Mapped[bool] = mapped_column(Boolean, default=False)
    acknowledged_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    overdue_flag: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    followup_3m_outcome: Mapped[str | None] = mapped_column(String(48))
    followup_6m_outcome: Mapped[str | None] = mapped_column(String(48))

    # Derived at ingestion. The cohort is the local (Europe/Warsaw) month the referral was sent
    # in; unsent drafts and referrals entered in error have no cohort and count nowhere.
    sent_year: Mapped[int | None] = mapped_column(Integer)
    sent_month: Mapped[int | None] = mapped_column(Integer)
    #: "met", "missed", "pending", "not_applicable" (or None: no deadline known).
    sla_state: Mapped[str | None] = mapped_column(String(16))
    response_days: Mapped[int | None] = mapped_column(Integer)
    start_days: Mapped[int | None] = mapped_column(Integer)
    completion_days: Mapped[int | None] = mapped_column(Integer)

    # One 0/1 flag per additive measure (see MEASURE_COLUMNS).
    referrals: Mapped[int] = mapped_column(SmallInteger, default=0)
    responded: Mapped[int] = mapped_column(SmallInteger, default=0)
    accepted: Mapped[int] = mapped_column(SmallInteger, default=0)
    rejected: Mapped[int] = mapped_column(SmallInteger, default=0)
    rejected_by_client: Mapped[int] = mapped_column(SmallInteger, default=0)
    rejected_by_provider: Mapped[int] = mapped_column(SmallInteger, default=0)
    started: Mapped[int] = mapped_column(SmallInteger, default=0)
    completed: Mapped[int] = mapped_column(SmallInteger, default=0)
    failed: Mapped[int] = mapped_column(SmallInteger, default=0)
    cancelled: Mapped[int] = mapped_column(SmallInteger, default=0)
    open: Mapped[int] = mapped_column(SmallInteger, default=0)
    ended: Mapped[int] = mapped_column(SmallInteger, default=0)
    closed_loop: Mapped[int] = mapped_column(SmallInteger, default=0)
    acknowledged: Mapped[int] = mapped_column(SmallInteger, default=0)
    sla_met: Mapped[int] = mapped_column(SmallInteger, default=0)
    sla_missed: Mapped[int] = mapped_column(SmallInteger, default=0)
    overdue: Mapped[int] = mapped_column(SmallInteger, default=0)
    forwarded: Mapped[int] = mapped_column(SmallInteger, default=0)
    employment_outcome: Mapped[int] = mapped_column(SmallInteger, default=0)
    followup_3m_answered: Mapped[int] = mapped_column(SmallInteger, default=0)
    followup_3m_employed: Mapped[int] = mapped_column(SmallInteger, default=0)
    followup_6m_answered: Mapped[int] = mapped_column(SmallInteger, default=0)
    followup_6m_employed: Mapped[int] = mapped_column(SmallInteger, default=0)


class ReferralOutcome(Base):
    """The outcome codes of a completed referral, one row each (multi-valued)."""

    __tablename__ = "referral_outcome"

    referral_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("referral_fact.referral_id", ondelete="CASCADE"), primary_key=True
    )
    outcome_code: Mapped[str] = mapped_column(String(48), primary_key=True)


class FollowupFact(Base):
    __tablename__ = "followup_fact"

    followup_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    referral_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    due_months: Mapped[int] = mapped_column(Integer)
    outcome_code: Mapped[str | None] = mapped_column(String(48))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
