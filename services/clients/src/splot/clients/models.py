"""Client registry data model: persons, registrations, case attributes, consents, access grants,
break-glass accesses, the append-only access log, and bulk-import jobs."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    Uuid,
    delete,
    event,
    insert,
    inspect,
    text,
)
from sqlalchemy.engine import Connection, Row
from sqlalchemy.orm import DeclarativeBase, Mapped, Mapper, mapped_column

from splot.clients.identity import name_tokens
from splot.common.db import TimestampMixin, UTCDateTime, Versioned, make_metadata, new_id, table_of, utcnow
from splot.common.platform import include_platform_tables


class Base(DeclarativeBase):
    metadata = make_metadata()


include_platform_tables(Base.metadata)


class PersonStatus:
    active = "active"
    merged = "merged"
    anonymised = "anonymised"


class Person(Versioned, TimestampMixin, Base):
    """One human being, once, across every institution."""

    __tablename__ = "person"
    __table_args__ = (
        Index("ix_person_birth_date_names", "birth_date", "last_name_norm", "first_name_norm"),
        Index("ix_person_last_name_norm", "last_name_norm"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    status: Mapped[str] = mapped_column(String(12), default=PersonStatus.active, index=True)
    merged_into_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("person.id"), index=True)
    #: Unique when present; cleared on merge (moved to the survivor) and on anonymisation.
    pesel: Mapped[str | None] = mapped_column(String(11), unique=True)
    #: Foreign identity document (passport, ID card) when there is no PESEL; stored compact.
    document_number: Mapped[str | None] = mapped_column(String(40), index=True)
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    #: Search forms: casefolded, diacritics stripped (ł→l), separators collapsed to one space.
    first_name_norm: Mapped[str | None] = mapped_column(String(100))
    last_name_norm: Mapped[str | None] = mapped_column(String(100))
    birth_date: Mapped[date | None] = mapped_column(Date)
    #: Kept after anonymisation, with sex and gmina: all that reporting needs.
    birth_year: Mapped[int] = mapped_column(Integer)
    sex: Mapped[str] = mapped_column(String(1))
    citizenship: Mapped[str | None] = mapped_column(String(2))
    street: Mapped[str | None] = mapped_column(String(200))
    postal_code: Mapped[str | None] = mapped_column(String(6))
    city: Mapped[str | None] = mapped_column(String(100))
    gmina: Mapped[str | None] = mapped_column(String(7), index=True)
    phone: Mapped[str | None] = mapped_column(String(32))
    email: Mapped[str | None] = mapped_column(String(254))
    preferred_contact: Mapped[str | None] = mapped_column(String(12))
    registered_by_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    #: Last write to the person or anything attached to it; drives retention.
    last_activity_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    merged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    anonymised_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


#: Name tokens compare bytewise on PostgreSQL (the C collation), as they do on SQLite, so that a
#: prefix is the range ``[token, next_prefix(token))`` of one B-tree on both.
NAME_TOKEN_TYPE = String(100).with_variant(String(100, collation="C"), "postgresql")


class PersonNameToken(Base):
    """The words a person's record is found by in a name search: the first word of the first name
    and every word of the last name (normalised). Kept in step with the names on every write
    (:mod:`splot.clients.name_search`); removed when the names are cleared."""

    __tablename__ = "person_name_token"
    __table_args__ = (Index("ix_person_name_token_token", "token", "person_id"),)

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), primary_key=True)
    token: Mapped[str] = mapped_column(NAME_TOKEN_TYPE, primary_key=True)


class Registration(Base):
    """An institution serving the person under its own legal basis: it sees the person's record."""

    __tablename__ = "registration"
    __table_args__ = (
        UniqueConstraint("person_id", "institution_id", name="uq_registration_person_institution"),
        # The persons an institution registered, read from the index alone (visibility, search).
        Index("ix_registration_institution_person", "institution_id", "person_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    registered_by: Mapped[str] = mapped_column(String(128))
    #: "created" (registered the record), "identifier" (proved the PESEL/document), "import",
    #: "access_request" (a registering institution approved the institution's request).
    how: Mapped[str] = mapped_column(String(16))
    #: Why a further institution registered an existing record (declared by its staff, or the
    #: approved access request's reason). Null for the record's creator and imports.
    reason: Mapped[str | None] = mapped_column(String(1000))


class ExternalRef(Base):
    """An institution's own id for the person (bulk import's upsert key)."""

    __tablename__ = "external_ref"
    __table_args__ = (
        UniqueConstraint("institution_id", "external_id", name="uq_external_ref_institution_external"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    external_id: Mapped[str] = mapped_column(String(64))
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class AttributeDefinition(Base):
    """Catalogue of case attributes; reference data, seeded by migration."""

    __tablename__ = "attribute_definition"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    label_pl: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    #: "text", "integer", "boolean", "date" or "enum" (then ``allowed_values``).
    value_type: Mapped[str] = mapped_column(String(12))
    allowed_values: Mapped[list[str] | None] = mapped_column(JSON)
    #: Special-category data (GDPR art. 9: health, disability, addiction) or conviction data
    #: (art. 10): shown only under the sensitive-data rules.
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    #: Institution types that record it; others may not (empty: any type).
    institution_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    #: Service types for which the recorder's value travels with a referral: a referral's access
    #: grant shows the receiver this attribute only when its service type is listed (``*``: any).
    referral_service_types: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    def travels_with(self, service_type_code: str | None) -> bool:
        types = self.referral_service_types or []
        return "*" in types or (service_type_code is not None and service_type_code in types)


class CaseAttribute(Versioned, Base):
    """One attribute value recorded by one institution: only that institution writes it."""

    __tablename__ = "case_attribute"
    __table_args__ = (
        UniqueConstraint("person_id", "institution_id", "code", name="uq_case_attribute_person_inst_code"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    code: Mapped[str] = mapped_column(ForeignKey("attribute_definition.code"))
    value: Mapped[Any] = mapped_column(JSON)
    recorded_by: Mapped[str] = mapped_column(String(128))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)


class AttributeChange(Base):
    """One recorded, changed or removed value of a case attribute, kept for the attribute's history
    (append-only; removed with the person's data at anonymisation)."""

    __tablename__ = "attribute_change"
    __table_args__ = (Index("ix_attribute_change_person_code", "person_id", "code", "changed_at"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"))
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    code: Mapped[str] = mapped_column(ForeignKey("attribute_definition.code"))
    #: "recorded", "changed" or "removed" (then ``value`` is null).
    change: Mapped[str] = mapped_column(String(12))
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    changed_by: Mapped[str] = mapped_column(String(128))
    changed_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Consent(Versioned, Base):
    __tablename__ = "consent"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(48))
    #: Exactly one of the two: a named institution, or every institution of a type.
    recipient_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    recipient_institution_type: Mapped[str | None] = mapped_column(String(16))
    #: Null: any service type.
    service_type_code: Mapped[str | None] = mapped_column(String(48))
    #: Explicit consent to special-category data (GDPR art. 9(2)(a)).
    covers_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    given_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    withdrawal_reason: Mapped[str | None] = mapped_column(String(500))
    evidence_reference: Mapped[str | None] = mapped_column(String(200))
    recorded_by_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    recorded_by: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def state_at(self, now: datetime) -> str:
        if self.withdrawn_at is not None:
            return "withdrawn"
        if self.expires_at is not None and self.expires_at <= now:
            return "expired"
        if self.given_at > now:
            return "not_yet_valid"
        return "valid"


class AccessGrant(Versioned, Base):
    """Access to a person given to an institution by the referrals service for one referral.

    It shows the receiver the person's record, and of the case attributes only those the
    *sender* recorded that travel with the referral's service type; sensitive ones only once the
    receiver has accepted the referral and only if the grant covers sensitive data."""

    __tablename__ = "access_grant"
    __table_args__ = (
        UniqueConstraint("referral_id", "institution_id", name="uq_access_grant_referral_institution"),
        Index("ix_access_grant_institution_person", "institution_id", "person_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    referral_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    legal_basis: Mapped[str] = mapped_column(String(16))
    consent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("consent.id"))
    covers_sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    #: The institution that sent the referral (whose attributes the grant may show) and the
    #: referral's service type. Null on grants made before they were recorded: such grants show
    #: the record but no case attributes.
    sender_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    service_type_code: Mapped[str | None] = mapped_column(String(48))
    #: When the receiver accepted the referral; sensitive attributes are shown only after it.
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: The referral version that set the grant's current state: the referrals service's updates
    #: may arrive late or twice, an older one never overrides a newer one.
    source_version: Mapped[int] = mapped_column(Integer, default=0)
    granted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    #: Set at revocation: now + retention window. Null while the referral runs.
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


#: A grant as the unit of work holds it, or as a Core statement returned its row (same names).
GrantLike = AccessGrant | Row[Any]


class BreakGlass(Base):
    """A coordinator's time-boxed emergency access, with a declared reason; visible to owners."""

    __tablename__ = "break_glass"
    __table_args__ = (Index("ix_break_glass_subject_person", "subject", "person_id"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    #: Break-glass is personal: only the coordinator who opened it gains access.
    subject: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(String(1000))
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


class AccessRequestStatus:
    pending = "pending"
    approved = "approved"
    declined = "declined"
    expired = "expired"


class AccessRequest(Versioned, Base):
    """An institution asking the institutions that registered a person for access to the record
    (found as a likely duplicate it may not see). Approval registers the requester."""

    __tablename__ = "access_request"
    __table_args__ = (
        # One pending request per person and requesting institution (a second one is a 409).
        Index(
            "uq_access_request_pending",
            "person_id",
            "requester_institution_id",
            unique=True,
            sqlite_where=text("status = 'pending'"),
            postgresql_where=text("status = 'pending'"),
        ),
        Index("ix_access_request_requester", "requester_institution_id", "created_at"),
        Index("ix_access_request_status_expires", "status", "expires_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    requester_institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    requested_by: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(String(1000))
    #: pending, approved, declined or expired (a pending request past ``expires_at`` counts as
    #: expired at once; the retention job records it).
    status: Mapped[str] = mapped_column(String(12), default=AccessRequestStatus.pending)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    decided_by: Mapped[str | None] = mapped_column(String(128))
    decided_by_institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: Why it was declined (or a note with the approval).
    decision_reason: Mapped[str | None] = mapped_column(String(1000))


class PersonMerge(Base):
    """One merge, with everything needed to undo it: the before-image of both records' identity
    fields, the fields taken from the merged record, and the ids of the rows that moved, were
    dropped as duplicates or had their values replaced (``moves``)."""

    __tablename__ = "person_merge"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    survivor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    merged_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    subject: Mapped[str] = mapped_column(String(128))
    reason: Mapped[str] = mapped_column(String(1000))
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    #: Fields copied from the merged record to the survivor, as chosen explicitly.
    taken_fields: Mapped[list[str]] = mapped_column(JSON, default=list)
    survivor_before: Mapped[dict[str, Any]] = mapped_column(JSON)
    merged_before: Mapped[dict[str, Any]] = mapped_column(JSON)
    moves: Mapped[dict[str, Any]] = mapped_column(JSON)
    undo_until: Mapped[datetime] = mapped_column(UTCDateTime())
    #: When the retention job erased the before-images (the undo window had closed).
    images_erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    undone_by: Mapped[str | None] = mapped_column(String(128))


class AccessLog(Base):
    """Append-only audit trail: every read of person data and every audited action.

    Neither the API nor the service layer has an update or delete path, and the migration adds
    database triggers that refuse UPDATE and DELETE on the table.
    """

    __tablename__ = "access_log"
    __table_args__ = (
        Index("ix_access_log_person_at", "person_id", "occurred_at"),
        Index("ix_access_log_institution_at", "institution_id", "occurred_at"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    subject: Mapped[str] = mapped_column(String(128))
    subject_kind: Mapped[str] = mapped_column(String(16))
    institution_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    #: read, list, lookup, match, create, update, register, attribute_write, consent, merge,
    #: override_duplicate, break_glass, import, anonymise, access_report, service_read…
    action: Mapped[str] = mapped_column(String(32))
    #: The endpoint (method and route template) or job that did it.
    resource: Mapped[str] = mapped_column(String(200))
    #: Why the caller may: registration, access_grant, break_glass, identity_lookup, audit, service…
    legal_basis: Mapped[str] = mapped_column(String(32))
    basis_ref: Mapped[str | None] = mapped_column(String(64))
    #: Declared reason for audited actions (override, merge, break-glass).
    reason: Mapped[str | None] = mapped_column(String(1000))
    request_id: Mapped[str | None] = mapped_column(String(64))


class ImportJob(Base):
    __tablename__ = "import_job"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=new_id)
    institution_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    created_by: Mapped[str] = mapped_column(String(128))
    #: queued, running, completed, failed
    status: Mapped[str] = mapped_column(String(12), index=True)
    dry_run: Mapped[bool] = mapped_column(Boolean)
    source_format: Mapped[str] = mapped_column(String(8))
    total_rows: Mapped[int] = mapped_column(Integer, default=0)
    processed_rows: Mapped[int] = mapped_column(Integer, default=0)
    created_count: Mapped[int] = mapped_column(Integer, default=0)
    matched_count: Mapped[int] = mapped_column(Integer, default=0)
    updated_count: Mapped[int] = mapped_column(Integer, default=0)
    unchanged_count: Mapped[int] = mapped_column(Integer, default=0)
    rejected_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class ImportRow(Base):
    """One row of an import: its data until processed (then erased), and its outcome."""

    __tablename__ = "import_row"
    __table_args__ = (UniqueConstraint("job_id", "row_number", name="uq_import_row_job_row"),)

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    #: Looked up through the unique (job_id, row_number) index: no index of its own (migration 0011).
    job_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("import_job.id"))
    row_number: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
    external_id: Mapped[str | None] = mapped_column(String(64))
    #: created, matched, updated, unchanged, rejected (null while pending)
    outcome: Mapped[str | None] = mapped_column(String(12))
    person_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    problem: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))


# --- name tokens follow the names on every ORM write ----------------------------------------------
# (Core writes of names -- the bulk import -- call ``name_token_rows`` themselves.)


def name_token_rows(
    person_id: uuid.UUID, first_norm: str | None, last_norm: str | None
) -> list[dict[str, Any]]:
    return [{"person_id": person_id, "token": t} for t in name_tokens(first_norm, last_norm)]


@event.listens_for(Person, "after_insert")
def _name_tokens_inserted(_mapper: Mapper[Person], connection: Connection, person: Person) -> None:
    rows = name_token_rows(person.id, person.first_name_norm, person.last_name_norm)
    if rows:
        connection.execute(insert(table_of(PersonNameToken)), rows)


@event.listens_for(Person, "after_update")
def _name_tokens_updated(_mapper: Mapper[Person], connection: Connection, person: Person) -> None:
    attrs = inspect(person).attrs
    if not (attrs.first_name_norm.history.has_changes() or attrs.last_name_norm.history.has_changes()):
        return
    table = table_of(PersonNameToken)
    connection.execute(delete(table).where(table.c.person_id == person.id))
    rows = name_token_rows(person.id, person.first_name_norm, person.last_name_norm)
    if rows:
        connection.execute(insert(table), rows)
