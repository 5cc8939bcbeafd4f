"""Directory data model: institutions, service catalogue and offers, agreements, staff, API
clients, refresh tokens, signing keys and login attempts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from splot.common.db import TimestampMixin, UTCDateTime, make_metadata, new_id, utcnow
from splot.common.platform import include_platform_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)


class Versioned:
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        # Optimistic locking: the UPDATE matches the version it read, so ETags cannot race.
        return {"version_id_col": cls.__table__.c.version}


class Institution(Versioned, TimestampMixin, Base):
    __tablename__ = "institution"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    type: Mapped[str] = mapped_column(String(16), index=True)
    name: Mapped[str] = mapped_column(String(300))
    short_name: Mapped[str | None] = mapped_column(String(80))
    teryt: Mapped[str] = mapped_column(String(7), index=True)
    regon: Mapped[str | None] = mapped_column(String(14), unique=True)
    krs: Mapped[str | None] = mapped_column(String(10))
    nip: Mapped[str | None] = mapped_column(String(10))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(100))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(32))
    website: Mapped[str | None] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    @property
    def powiat_code(self) -> str:
        return self.teryt[:4]

    @property
    def voivodeship_code(self) -> str:
        return self.teryt[:2]


class ServiceType(Base):
    """Catalogue of what a referral can be about; reference data, seeded by migration."""

    __tablename__ = "service_type"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    name_pl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32))
    #: Reveals special-category data (GDPR art. 9): health, addiction, mental health.
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Institution types that typically provide it (advisory; any institution may offer it).
    provider_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Response deadline in working days; None means the workflow default for the priority.
    response_days_routine: Mapped[int | None] = mapped_column(Integer)
    response_days_urgent: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceOffer(Versioned, TimestampMixin, Base):
    __tablename__ = "service_offer"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), index=True)
    service_type_code: Mapped[str] = mapped_column(ForeignKey("service_type.code"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    #: Where the service is delivered (a gmina code) and its address.
    teryt: Mapped[str] = mapped_column(String(7), index=True)
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(100))
    eligibility_note: Mapped[str | None] = mapped_column(Text)
    capacity_available: Mapped[int | None] = mapped_column(Integer)
    capacity_max: Mapped[int | None] = mapped_column(Integer)
    capacity_updated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    active: Mapped[bool] = mapped_column(Boolean, default=True)


agreement_party = Table(
    "agreement_party",
    Base.metadata,
    Column("agreement_id", ForeignKey("partnership_agreement.id", ondelete="CASCADE"), primary_key=True),
    Column("institution_id", ForeignKey("institution.id"), primary_key=True, index=True),
)


class PartnershipAgreement(Versioned, TimestampMixin, Base):
    __tablename__ = "partnership_agreement"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(300))
    document_number: Mapped[str] = mapped_column(String(100))
    scope: Mapped[str] = mapped_column(Text)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    created_by_institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"))
    parties: Mapped[list[Institution]] = relationship(secondary=agreement_party, lazy="raise")

    @property
    def party_ids(self) -> list[uuid.UUID]:
        return sorted(p.id for p in self.parties)

    def in_force_on(self, day: date) -> bool:
        return self.valid_from <= day and (self.valid_to is None or self.valid_to >= day)

    @property
    def in_force(self) -> bool:
        return self.in_force_on(utcnow().date())


class User(Versioned, TimestampMixin, Base):
    __tablename__ = "app_user"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), index=True)
    #: Login name; stored lower-case.
    email: Mapped[str] = mapped_column(String(254), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    roles: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Analysts only: "" national, 2 digits a voivodeship, 4 digits a powiat.
    analyst_scope: Mapped[str | None] = mapped_column(String(4))
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > utcnow()


class ApiClient(Versioned, TimestampMixin, Base):
    """A machine identity: an institution's own system, or another Splot service."""

    __tablename__ = "api_client"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    client_id: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))  # "client" or "service"
    institution_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("institution.id"), index=True)
    scopes: Mapped[list[str]] = mapped_column(JSON, default=list)
    secret_hash: Mapped[str] = mapped_column(String(200))
    #: The previous secret stays valid until this moment after a rotation (no downtime).
    previous_secret_hash: Mapped[str | None] = mapped_column(String(200))
    previous_secret_expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    secret_rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class RefreshToken(Base):
    """One link in a rotating refresh-token family; only the SHA-256 of the token is stored."""

    __tablename__ = "refresh_token"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    family_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("app_user.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class SigningKey(Base):
    __tablename__ = "signing_key"

    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: PKCS#8 PEM, encrypted with the configured key-encryption key (Fernet).
    private_key_encrypted: Mapped[str] = mapped_column(Text)
    public_jwk: Mapped[dict[str, str]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: Tokens are signed with the newest activated key; retired keys leave the JWKS.
    activated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class LoginAttempt(Base):
    """Failed and successful sign-ins, for throttling; holds a hash of the login, not the login."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_source_at", "source", "attempted_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    source: Mapped[str] = mapped_column(String(64))
    login_hash: Mapped[str] = mapped_column(String(64), index=True)
    attempted_at: Mapped[datetime] = mapped_column(UTCDateTime())
    success: Mapped[bool] = mapped_column(Boolean)
