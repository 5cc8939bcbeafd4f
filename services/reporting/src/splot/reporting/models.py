"""The reporting service's own analytical store.

Three layers, all fed only from the other services' event feeds:

* ingestion state: a cursor per source, the ids of the events already applied, the months whose
  pre-aggregates must be recomputed;
* the analytical model: institutions, offers and agreements (dimensions from the directory),
  pseudonymous persons (from the client registry: a keyed hash instead of the registry id, birth
  year, sex, gmina), one fact row per referral with its derived measures, follow-ups, person
  contacts with institutions (for shared clients);
* pre-aggregated cubes (monthly; see :mod:`splot.reporting.cubes`) that dashboards read instead
  of the facts, and published editions (frozen snapshots).

Nothing here holds a name, a PESEL or a registry person id.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    SmallInteger,
    String,
    Table,
    Text,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from splot.common.db import UTCDateTime, make_metadata, new_id, utcnow
from splot.common.platform import include_platform_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)

UNKNOWN = "unknown"

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


class ServiceTypeRef(Base):
    """The directory's service-type catalogue (only what reporting needs: the sensitivity flag)."""

    __tablename__ = "service_type_ref"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    category: Mapped[str | None] = mapped_column(String(32))
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    refreshed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


# --- dimensions from the directory ---------------------------------------------------------------


class InstitutionDim(Base):
    __tablename__ = "institution_dim"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(300))
    teryt: Mapped[str] = mapped_column(String(7))
    powiat_code: Mapped[str] = mapped_column(String(4), index=True)
    voivodeship_code: Mapped[str] = mapped_column(String(2))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer)


class OfferDim(Base):
    __tablename__ = "offer_dim"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    service_type_code: Mapped[str] = mapped_column(String(48))
    teryt: Mapped[str | None] = mapped_column(String(7))
    capacity_available: Mapped[int | None] = mapped_column(Integer)
    capacity_max: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    version: Mapped[int] = mapped_column(Integer)


agreement_party = Table(
    "agreement_party",
    Base.metadata,
    Column("agreement_id", ForeignKey("agreement_dim.id", ondelete="CASCADE"), primary_key=True),
    Column("institution_id", Uuid, primary_key=True, index=True),
)


class AgreementDim(Base):
    """A partnership agreement. It counts on a day only if every party had confirmed it by then
    (``confirmed_on``), the day is within its dates and it had not ended (terminated or
    superseded: ``ended_on``); ``status`` is its state as of the last event. A partnership's
    versions (``partnership_id``, ``number``) give the partnership's status on any day
    (:func:`splot.reporting.partnerships.status_on`)."""

    __tablename__ = "agreement_dim"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    ended_on: Mapped[date | None] = mapped_column(Date)
    #: The partnership whose version it is (None: an agreement recorded by itself).
    partnership_id: Mapped[uuid.UUID | None] = mapped_column(Uuid, index=True)
    #: Its number among the partnership's versions (the newest is the highest).
    number: Mapped[int | None] = mapped_column(Integer)


class PartnershipDim(Base):
    """A local partnership (issue #15) as of its newest version: its leader, area and status.
    Its parties' measures are exact for the parties themselves (see
    :mod:`splot.reporting.partnership_measures`)."""

    __tablename__ = "partnership_dim"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int] = mapped_column(Integer)
    leader_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    #: TERYT codes (gminas, powiats or voivodeships) of the area it serves.
    area_teryt: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: The code of its programme (the directory's programme catalogue), if any.
    programme: Mapped[str | None] = mapped_column(String(64))


class PartnershipPartyDim(Base):
    """An institution's membership of a partnership: a party from ``joined_on`` until the day
    before ``left_on`` (see :mod:`splot.reporting.partnerships` for where the dates come from)."""

    __tablename__ = "partnership_party"

    partnership_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership_dim.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, index=True)
    joined_on: Mapped[date] = mapped_column(Date)
    left_on: Mapped[date | None] = mapped_column(Date)

    def is_party_on(self, day: date) -> bool:
        return self.joined_on <= day and (self.left_on is None or self.left_on > day)


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


# --- persons (pseudonymous) --------------------------------------------------------------------


class PersonDim(Base):
    """A client of the registry under a keyed pseudonym; only attributes used by indicators."""

    __tablename__ = "person_dim"
    __table_args__ = (
        # The merged persons only (a few): every page of facts asks which of its persons were merged.
        Index(
            "ix_person_dim_merged",
            "pseudonym",
            "merged_into",
            postgresql_where=text("merged_into IS NOT NULL"),
            sqlite_where=text("merged_into IS NOT NULL"),
        ),
    )

    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    sex: Mapped[str | None] = mapped_column(String(1))
    gmina: Mapped[str | None] = mapped_column(String(7))
    registered_by_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    anonymised: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Set when the registry merged this person into another (facts moved to the survivor).
    merged_into: Mapped[str | None] = mapped_column(String(64))


class PersonContact(Base):
    """A person was served by an institution in a month (registration, referral, access grant)."""

    __tablename__ = "person_contact"
    __table_args__ = (
        PrimaryKeyConstraint("pseudonym", "institution_id", "year", "month", name="pk_person_contact"),
        Index("ix_person_contact_period", "year", "month"),
    )

    pseudonym: Mapped[str] = mapped_column(String(64))
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)


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
