from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    model_validator,
)

from splot.clients import identity
from splot.common import teryt
from splot.common.api import Page
from splot.common.validation import IsoDate


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _gmina(code: str) -> str:
    if not teryt.register().is_gmina(code):
        raise ValueError("not a gmina code in the TERYT register (7 digits, e.g. 1219063)")
    return code


def _pesel(value: str) -> str:
    try:
        return identity.parse_pesel(value).pesel
    except identity.IdentityError as exc:
        raise ValueError("not a valid PESEL (11 digits with a correct check digit and date)") from exc


def _name(value: str) -> str:
    if not any(c.isalpha() for c in value) or any(ord(c) < 32 for c in value):
        raise ValueError("a name needs at least one letter and no control characters")
    if not identity.normalise_name(value):
        raise ValueError("a name needs at least one letter or digit after normalisation")
    return " ".join(value.split())


def _document(value: str) -> str:
    compact = identity.compact_document_number(value)
    if not 4 <= len(compact) <= 40:
        raise ValueError("a document number has 4-40 letters and digits")
    return compact


def _birth_date(value: date) -> date:
    if value < date(1900, 1, 1) or value > date.today():
        raise ValueError("birth date must be between 1900-01-01 and today")
    return value


class Sex(StrEnum):
    F = "F"
    M = "M"


class ContactChannel(StrEnum):
    phone = "phone"
    email = "email"
    post = "post"
    in_person = "in_person"


class LegalBasis(StrEnum):
    statutory = "statutory"
    consent = "consent"


class ConsentPurpose(StrEnum):
    #: Sharing the person's data with the recipient to refer them to its services.
    referral = "referral"
    #: Exchanging information about the person's case between cooperating institutions.
    information_exchange = "information_exchange"
    #: Delivering a service to the person.
    service_delivery = "service_delivery"


Name = Annotated[str, StringConstraints(min_length=1, max_length=100), AfterValidator(_name)]
Pesel = Annotated[str, StringConstraints(pattern=r"^\d{11}$"), AfterValidator(_pesel)]
DocumentNumber = Annotated[
    str,
    StringConstraints(min_length=4, max_length=60, pattern=r"^[A-Za-z0-9 ./-]+$"),
    AfterValidator(_document),
]
Citizenship = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
GminaCode = Annotated[str, StringConstraints(pattern=r"^\d{7}$"), AfterValidator(_gmina)]
BirthDate = Annotated[IsoDate, AfterValidator(_birth_date)]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{3}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{6,20}$")]
Email = Annotated[str, StringConstraints(max_length=254, pattern=r"^[^@\s]{1,64}@[^@\s]+\.[A-Za-z]{2,}$")]
Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200)]
City = Annotated[str, StringConstraints(min_length=1, max_length=100)]
ExternalId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._:/-]+$")]
Reason = Annotated[str, StringConstraints(min_length=10, max_length=1000)]
InstitutionType = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,16}$")]
ServiceTypeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,47}$")]


class PersonFields(Input):
    pesel: Pesel | None = Field(
        None, description="Optional; birth date and sex are derived and cross-checked"
    )
    document_number: DocumentNumber | None = Field(
        None, description="Foreign identity document, for persons without a PESEL"
    )
    first_name: Name
    last_name: Name
    birth_date: BirthDate | None = Field(None, description="Required without a PESEL")
    sex: Sex | None = Field(None, description="Required without a PESEL")
    citizenship: Citizenship | None = Field(None, description="ISO 3166-1 alpha-2, e.g. PL, UA")
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: City | None = None
    gmina: GminaCode | None = Field(None, description="TERYT code of the gmina of residence")
    phone: Phone | None = None
    email: Email | None = None
    preferred_contact: ContactChannel | None = None

    @model_validator(mode="after")
    def _contact_channel_reachable(self) -> PersonFields:
        if self.preferred_contact is ContactChannel.phone and not self.phone:
            raise ValueError("preferred_contact phone needs a phone number")
        if self.preferred_contact is ContactChannel.email and not self.email:
            raise ValueError("preferred_contact email needs an e-mail address")
        return self


class PersonCreate(PersonFields):
    external_id: ExternalId | None = Field(None, description="Your own system's id for the person")
    override_reason: Reason | None = Field(
        None,
        description="Create despite a likely (fuzzy) duplicate; audited. A PESEL match cannot be overridden",
    )


class PersonUpdate(Input):
    pesel: Pesel | None = None
    document_number: DocumentNumber | None = None
    first_name: Name | None = None
    last_name: Name | None = None
    birth_date: BirthDate | None = None
    sex: Sex | None = None
    citizenship: Citizenship | None = None
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: City | None = None
    gmina: GminaCode | None = None
    phone: Phone | None = None
    email: Email | None = None
    preferred_contact: ContactChannel | None = None

    @model_validator(mode="after")
    def _required_stay_set(self) -> PersonUpdate:
        for name in ("first_name", "last_name", "birth_date", "sex"):
            if name in self.model_fields_set and getattr(self, name) is None:
                raise ValueError(f"{name} cannot be removed")
        return self


class CaseAttributeGroup(BaseModel):
    institution_id: uuid.UUID
    #: Attribute code → value. Sensitive attributes the caller may not see are absent.
    values: dict[str, Any]


class RegistrationRead(Output):
    institution_id: uuid.UUID
    registered_at: datetime


class PersonRead(BaseModel):
    id: uuid.UUID
    status: str
    pesel: str | None
    document_number: str | None
    first_name: str | None
    last_name: str | None
    birth_date: date | None
    birth_year: int
    sex: Sex
    citizenship: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    gmina: str | None
    phone: str | None
    email: str | None
    preferred_contact: ContactChannel | None
    registered_by_institution_id: uuid.UUID
    registrations: list[RegistrationRead]
    #: Why you see this person: registration, access_grant or break_glass.
    access_basis: str
    case_attributes: list[CaseAttributeGroup]
    version: int
    created_at: datetime
    updated_at: datetime


class PersonListItem(BaseModel):
    id: uuid.UUID
    first_name: str | None
    last_name: str | None
    birth_date: date | None
    sex: Sex
    gmina: str | None
    access_basis: str


#: Every list answers with a page, ``Page[Item]`` under the contract's name for it; the pages
#: have no docstring (it would become the schema's description).
class PersonPage(Page[PersonListItem]): ...


class IdentityLookup(Input):
    pesel: Pesel | None = None
    document_number: DocumentNumber | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> IdentityLookup:
        if (self.pesel is None) == (self.document_number is None):
            raise ValueError("give exactly one of pesel and document_number")
        return self


class IdentityHint(BaseModel):
    """The minimum needed to avoid registering a duplicate."""

    id: uuid.UUID
    initials: str
    birth_year: int


class IdentityLookupResult(BaseModel):
    items: list[IdentityHint]


class RegistrationCreate(IdentityLookup):
    """Register a person your institution serves; prove it with their PESEL or document number."""

    external_id: ExternalId | None = None


class MatchQuery(Input):
    pesel: Pesel | None = None
    document_number: DocumentNumber | None = None
    first_name: Name
    last_name: Name
    birth_date: BirthDate | None = Field(None, description="Required without a PESEL")


class MatchCandidate(BaseModel):
    person_id: uuid.UUID
    #: pesel, document_number or name_and_birth_date
    match: str
    score: float


class MatchResult(BaseModel):
    likely_duplicate: bool
    #: Only candidates you may see; others are reported by ``detail`` alone, without ids.
    candidates: list[MatchCandidate]
    detail: str | None = None


class AttributeDefinitionRead(Output):
    code: str
    label_pl: str
    label_en: str
    value_type: str
    allowed_values: list[str] | None
    sensitive: bool
    institution_types: list[str]
    active: bool


class AttributeDefinitionList(BaseModel):
    items: list[AttributeDefinitionRead]


AttributeValue = StrictBool | StrictInt | Annotated[StrictStr, StringConstraints(max_length=2000)]


class AttributeSet(Input):
    value: AttributeValue = Field(description="Typed by the definition: text, integer, boolean, date, enum")


class AttributeRead(Output):
    person_id: uuid.UUID
    institution_id: uuid.UUID
    code: str
    value: Any
    sensitive: bool
    recorded_at: datetime
    updated_at: datetime
    version: int


class AttributePage(Page[AttributeRead]): ...


class ConsentCreate(Input):
    purpose: ConsentPurpose
    recipient_institution_id: uuid.UUID | None = None
    recipient_institution_type: InstitutionType | None = Field(None, description="e.g. NGO, CIS, OPS")
    service_type_code: ServiceTypeCode | None = Field(None, description="Null: any service type")
    covers_sensitive: StrictBool = Field(
        False, description="Explicit consent to special-category data (art. 9)"
    )
    given_at: AwareDatetime | None = Field(None, description="Defaults to now; not in the future")
    expires_at: AwareDatetime | None = None
    evidence_reference: Annotated[str, StringConstraints(min_length=1, max_length=200)] = Field(
        description="Where the signed declaration is kept (document register number, file reference)"
    )

    @model_validator(mode="after")
    def _check(self) -> ConsentCreate:
        if (self.recipient_institution_id is None) == (self.recipient_institution_type is None):
            raise ValueError("give exactly one of recipient_institution_id and recipient_institution_type")
        if self.expires_at is not None and self.given_at is not None and self.expires_at <= self.given_at:
            raise ValueError("expires_at must be after given_at")
        return self


class ConsentWithdraw(Input):
    reason: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None


class ConsentRead(Output):
    id: uuid.UUID
    person_id: uuid.UUID
    purpose: str
    recipient_institution_id: uuid.UUID | None
    recipient_institution_type: str | None
    service_type_code: str | None
    covers_sensitive: bool
    given_at: datetime
    expires_at: datetime | None
    withdrawn_at: datetime | None
    withdrawal_reason: str | None
    evidence_reference: str | None
    recorded_by_institution_id: uuid.UUID
    #: valid, withdrawn, expired or not_yet_valid, evaluated now.
    state: str
    version: int
    created_at: datetime


class ConsentPage(Page[ConsentRead]): ...


class GrantRead(Output):
    id: uuid.UUID
    person_id: uuid.UUID
    institution_id: uuid.UUID
    referral_id: uuid.UUID
    legal_basis: LegalBasis
    consent_id: uuid.UUID | None
    covers_sensitive: bool
    #: The referral's sender (whose case attributes the grant may show) and service type.
    sender_institution_id: uuid.UUID | None
    service_type_code: str | None
    #: When the receiver accepted the referral (sensitive attributes only after that).
    accepted_at: datetime | None
    #: Evaluated now: not expired, and its consent (if any) neither withdrawn nor expired.
    active: bool
    granted_at: datetime
    revoked_at: datetime | None
    expires_at: datetime | None
    version: int


class GrantPage(Page[GrantRead]): ...


class BreakGlassCreate(Input):
    reason: Annotated[str, StringConstraints(min_length=15, max_length=1000)] = Field(
        description="Why the emergency access is needed; shown to the person's institutions and auditors"
    )
    hours: Annotated[StrictInt, Field(ge=1, le=168)] | None = Field(None, description="Defaults to 6 hours")


class BreakGlassRead(Output):
    id: uuid.UUID
    person_id: uuid.UUID
    institution_id: uuid.UUID
    subject: str
    reason: str
    opened_at: datetime
    expires_at: datetime
    active: bool


class BreakGlassPage(Page[BreakGlassRead]): ...


class MergeField(StrEnum):
    """Fields of the merged record a coordinator may choose to carry over to the survivor."""

    pesel = "pesel"
    document_number = "document_number"
    first_name = "first_name"
    last_name = "last_name"
    citizenship = "citizenship"
    street = "street"
    postal_code = "postal_code"
    city = "city"
    gmina = "gmina"
    phone = "phone"
    email = "email"
    preferred_contact = "preferred_contact"


class MergeCreate(Input):
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    reason: Reason
    take_from_merged: list[MergeField] = Field(
        default_factory=list,
        max_length=len(MergeField),
        description="Fields of the merged record that replace the survivor's (an explicit, audited "
        "choice per field); nothing else of the merged record's identity or contact data is kept",
    )


class MergeUndo(Input):
    reason: Reason


class MergeRead(BaseModel):
    id: uuid.UUID
    survivor_id: uuid.UUID
    merged_id: uuid.UUID
    #: The institution whose coordinator merged the records.
    institution_id: uuid.UUID
    reason: str
    merged_at: datetime
    taken_fields: list[str]
    undo_until: datetime
    #: Undo is still possible (within the window and not undone yet).
    undoable: bool
    undone_at: datetime | None


class MergeResult(BaseModel):
    merge: MergeRead
    survivor: PersonRead


class AccessLogRead(Output):
    id: uuid.UUID
    occurred_at: datetime
    subject: str
    subject_kind: str
    institution_id: uuid.UUID | None
    person_id: uuid.UUID | None
    action: str
    resource: str
    legal_basis: str
    basis_ref: str | None
    reason: str | None
    request_id: str | None


class AccessLogPage(Page[AccessLogRead]): ...


class AccessReportInstitution(BaseModel):
    institution_id: uuid.UUID | None
    accesses: int
    first_at: datetime
    last_at: datetime
    legal_bases: list[str]


class AccessReportEntry(Output):
    occurred_at: datetime
    institution_id: uuid.UUID | None
    action: str
    legal_basis: str


class AccessReport(BaseModel):
    """GDPR art. 15: which institutions accessed the person's record, when and on what basis."""

    person_id: uuid.UUID
    generated_at: datetime
    institutions: list[AccessReportInstitution]
    items: list[AccessReportEntry]
    next_cursor: str | None = None


class ImportCounts(BaseModel):
    created: int
    matched: int
    updated: int
    unchanged: int
    rejected: int


class ImportRead(BaseModel):
    id: uuid.UUID
    institution_id: uuid.UUID
    status: str
    dry_run: bool
    source_format: str
    total_rows: int
    processed_rows: int
    progress: float
    counts: ImportCounts
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None


class ImportPage(Page[ImportRead]): ...


class ImportRowRead(Output):
    row_number: int
    external_id: str | None
    #: created, matched, updated, unchanged or rejected; null while pending.
    outcome: str | None
    person_id: uuid.UUID | None
    problem: dict[str, Any] | None


class ImportRowPage(Page[ImportRowRead]): ...


class ImportRecord(PersonFields):
    """One row of a bulk import (CSV columns or JSON object keys)."""

    external_id: ExternalId


class ImportJsonBody(BaseModel):
    rows: list[dict[str, Any]] = Field(max_length=200_000)


class ReferralCheckRequest(Input):
    person_id: uuid.UUID
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID
    target_institution_type: InstitutionType
    service_type_code: ServiceTypeCode
    sensitive: StrictBool
    legal_basis: LegalBasis
    consent_id: uuid.UUID | None = None


class ReferralCheckResult(BaseModel):
    allowed: bool
    code: (
        Literal[
            "person_not_found",
            "sender_not_allowed",
            "consent_missing",
            "consent_withdrawn",
            "consent_expired",
        ]
        | None
    ) = None
    detail: str | None = None
    consent_id: uuid.UUID | None = None


class GrantCreate(Input):
    """The state a referral gives its receiver, sent by the referrals service after each change
    of the referral (idempotent; an update older than the grant's ``version`` is ignored)."""

    person_id: uuid.UUID
    institution_id: uuid.UUID
    referral_id: uuid.UUID
    sender_institution_id: uuid.UUID
    service_type_code: ServiceTypeCode
    legal_basis: LegalBasis
    consent_id: uuid.UUID | None = None
    covers_sensitive: StrictBool = False
    #: The receiver accepted the referral (sensitive attributes become visible, if covered).
    accepted: StrictBool = False
    #: False: the referral ended; access continues for ``retention_days``, then stops.
    active: StrictBool = True
    retention_days: Annotated[StrictInt, Field(ge=0, le=3650)] | None = None
    #: The referral's version this state belongs to.
    version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)] = 0


class PersonInternalSummary(BaseModel):
    id: uuid.UUID
    birth_year: int
    sex: Sex
    gmina: str | None
    status: Literal["active", "merged", "anonymised"]
    merged_into: uuid.UUID | None
