"""Directory data model: institutions, service catalogue and offers (with the places referrals
occupy), the legal-basis catalogue, agreements, staff, API clients, refresh tokens, signing keys, sign-in throttle counters, token revocations and the
directory's own audit trail."""

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
    String,
    Table,
    Text,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from splot.common.db import TimestampMixin, UTCDateTime, Versioned, make_metadata, new_id, utcnow
from splot.common.platform import include_platform_tables
from splot.common.revocation import Kind


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)


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
    #: Places taken by accepted or in-progress Splot referrals (see :mod:`splot.directory.occupancy`).
    occupied: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class OfferOccupancy(Base):
    """Whether one referral occupies a place of an offer, as of the referral's version (the
    referrals service delivers each change; an older version than the one stored is ignored)."""

    __tablename__ = "offer_occupancy"

    referral_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    offer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_offer.id"), index=True)
    occupying: Mapped[bool] = mapped_column(Boolean)
    version: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class LegalBasis(Base):
    """The catalogue of statutory legal bases (provisions of Polish law) a referral, and later an
    individual plan, can rest on; reference data, seeded by migration."""

    __tablename__ = "legal_basis"

    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: The act's full title (``Ustawa z dnia 12 marca 2004 r. o pomocy społecznej``).
    act_title: Mapped[str] = mapped_column(String(300))
    #: Its short name in the nominative (``ustawa o pomocy społecznej``) and in the genitive, as
    #: a citation needs it (``ustawy o pomocy społecznej``).
    act_short_name: Mapped[str] = mapped_column(String(200))
    act_short_name_genitive: Mapped[str] = mapped_column(String(200))
    #: Where it is published (``Dz.U. 2025 poz. 620``), when known.
    act_journal: Mapped[str | None] = mapped_column(String(64))
    #: None when the provision is cited by the act and its task only.
    article: Mapped[str | None] = mapped_column(String(16))
    paragraph: Mapped[str | None] = mapped_column(String(16))
    point: Mapped[str | None] = mapped_column(String(16))
    title_pl: Mapped[str] = mapped_column(String(300))
    title_en: Mapped[str] = mapped_column(String(300))
    #: Institution types whose statutory task it is (never empty).
    institution_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Service types it covers; empty: every service type.
    service_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    @property
    def citation(self) -> str:
        """``art. 108 ust. 1 ustawy o pomocy społecznej``; without an article, the act and the task
        (``ustawa o rynku pracy i służbach zatrudnienia: Usługi rynku pracy …``)."""
        if self.article is None:
            return f"{self.act_short_name}: {self.title_pl}"
        parts = [f"art. {self.article}"]
        if self.paragraph:
            parts.append(f"ust. {self.paragraph}")
        if self.point:
            parts.append(f"pkt {self.point}")
        return " ".join([*parts, self.act_short_name_genitive])


class Programme(Versioned, TimestampMixin, Base):
    """The catalogue of programmes referrals, plans and partnerships can belong to (the
    activation-and-integration programme of PUP and OPS, CIS/KIS programmes, EU-funded projects);
    seeded by migration, kept by system administrators; a reporting dimension."""

    __tablename__ = "programme"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    #: joint_activation, cis_kis, eu_project, national or local.
    kind: Mapped[str] = mapped_column(String(32))
    funder: Mapped[str | None] = mapped_column(String(300))
    starts_on: Mapped[date | None] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date)
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
    #: The partnership whose agreement (version) this is; None for one recorded by itself.
    partnership_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partnership.id"), index=True)
    #: 1 for the first agreement of a partnership, then one more for each amendment.
    number: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    #: The agreement this one amends (it is superseded when this one comes in force).
    amends_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("partnership_agreement.id"))
    #: Annexes: titled texts or the metadata of attached documents (no URLs).
    annexes: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    #: The day the last party confirmed; None while a party has not (see ``partnerships.lifecycle``).
    confirmed_on: Mapped[date | None] = mapped_column(Date)
    terminated_on: Mapped[date | None] = mapped_column(Date)
    termination_reason: Mapped[str | None] = mapped_column(Text)
    #: The day an amendment comes in force and replaces this version.
    superseded_on: Mapped[date | None] = mapped_column(Date)
    #: The state as of the last change (``status`` below is the state today).
    status_recorded: Mapped[str] = mapped_column(String(16), default="pending", server_default="pending")
    confirmations: Mapped[list[AgreementConfirmation]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="AgreementConfirmation.confirmed_at"
    )

    @property
    def party_ids(self) -> list[uuid.UUID]:
        return sorted(p.id for p in self.parties)

    def in_force_on(self, day: date) -> bool:
        """Confirmed by every party and in force on ``day`` (not ended, not superseded)."""
        from splot.directory.partnerships.lifecycle import agreement_status

        return agreement_status(self, day) == "in_force"

    @property
    def status(self) -> str:
        from splot.directory.partnerships.lifecycle import agreement_status

        return agreement_status(self, utcnow().date())

    @property
    def in_force(self) -> bool:
        return self.status == "in_force"


class AgreementConfirmation(Base):
    """One party's confirmation of an agreement version: by whom (a staff member of the party
    with the institution_admin or coordinator role) and when."""

    __tablename__ = "agreement_confirmation"

    agreement_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("partnership_agreement.id", ondelete="CASCADE"), primary_key=True
    )
    institution_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("institution.id"), primary_key=True)
    confirmed_by_subject: Mapped[str] = mapped_column(String(128))
    confirmed_by_role: Mapped[str] = mapped_column(String(32))
    confirmed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


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
    #: Raised whenever what the account may do changes (deactivation, roles or analyst scope,
    #: password); access tokens carry it as ``stp`` and those with an older one are revoked.
    security_stamp: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deactivated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


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


class SigninThrottle(Base):
    """One sign-in throttle counter (see :mod:`splot.directory.throttle`). Keys are keyed hashes
    of (login or user, source), source, or login: never a login or an address in clear."""

    __tablename__ = "signin_throttle"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    #: Keyed hash of the login (or user) the counter is about, so that an administrator can
    #: clear every counter of one account; None for per-source counters.
    subject: Mapped[str | None] = mapped_column(String(64), index=True)
    #: Attempts counted (each counted before its password is checked; a success gives it back).
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    #: No attempt is let through before this moment (429 with Retry-After).
    blocked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())


class TokenRevocation(Base):
    """Access tokens that stop working before they expire (``GET /v1/token-revocations``; the
    kinds are described in :mod:`splot.common.revocation`). ``id`` is the consumers' cursor: it
    never goes back (SQLite AUTOINCREMENT, a PostgreSQL sequence) and rows are inserted under an
    advisory lock on PostgreSQL, so ids are committed in order."""

    __tablename__ = "token_revocation"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    kind: Mapped[Kind] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64))
    min_stamp: Mapped[int | None] = mapped_column(Integer)
    not_after: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: created_at plus the longest access-token lifetime: afterwards every token it covers has
    #: expired anyway, and the row may be purged.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class DirectoryAudit(Base):
    """Append-only trail of account and access changes: who granted which roles to whom, who
    (de)activated, reset or revoked what. Holds ids and roles, never names, e-mails or secrets.

    Neither the API nor the service layer has an update or delete path, and the migration adds
    database triggers that refuse UPDATE and DELETE on the table.
    """

    __tablename__ = "directory_audit"
    __table_args__ = (
        Index("ix_directory_audit_target_institution_at", "target_institution_id", "occurred_at"),
        Index("ix_directory_audit_actor_institution_at", "actor_institution_id", "occurred_at"),
        Index("ix_directory_audit_target_at", "target_id", "occurred_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    #: The token's subject (a user id, a client id) or "operator" for the command line.
    actor_subject: Mapped[str] = mapped_column(String(128))
    actor_kind: Mapped[str] = mapped_column(String(16))
    actor_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    action: Mapped[str] = mapped_column(String(40))
    #: user, api_client or institution.
    target_type: Mapped[str] = mapped_column(String(16))
    target_id: Mapped[str] = mapped_column(String(64))
    target_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: What changed (roles, analyst scope, active, scopes), before and after.
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    request_id: Mapped[str | None] = mapped_column(String(64))


# The partnership tables share this metadata (imported last: they refer to the classes above).
from splot.directory.partnerships import models as _partnership_models  # noqa: E402, F401
