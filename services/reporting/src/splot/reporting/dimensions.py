"""The analytical model's dimensions.

Institutions, offers, agreements, partnerships and the service-type catalogue (from the
directory), and pseudonymous persons (from the client registry: a keyed hash instead of the
registry id, birth year, sex, gmina) with their contacts with institutions (for shared clients).
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    PrimaryKeyConstraint,
    String,
    Table,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from splot.common.db import UTCDateTime, utcnow
from splot.reporting.model_base import Base


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
