from __future__ import annotations

import re
import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    EmailStr,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from splot.common import teryt
from splot.common.api import Page
from splot.common.auth import Role
from splot.common.validation import IsoDate


class InstitutionType(StrEnum):
    PUP = "PUP"
    OPS = "OPS"
    CUS = "CUS"
    PCPR = "PCPR"
    NGO = "NGO"
    CIS = "CIS"
    KIS = "KIS"
    WUP = "WUP"
    ROPS = "ROPS"
    MINISTRY = "MINISTRY"


class Input(BaseModel):
    """Request bodies. Unknown fields are refused; numbers and booleans are strict (JSON
    ``false`` is not 0 and ``"5"`` is not 5: see :data:`Capacity` and ``StrictBool``)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    #: Fields a PATCH may leave out but not set to null (the resource always has them).
    not_nullable: ClassVar[frozenset[str]] = frozenset()

    @model_validator(mode="after")
    def _no_null_for_required(self) -> Input:
        nulls = sorted(f for f in self.not_nullable & self.model_fields_set if getattr(self, f) is None)
        if nulls:
            raise ValueError("cannot be null (leave it out to keep it): " + ", ".join(nulls))
        return self


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


def _gmina(code: str) -> str:
    if not teryt.register().is_gmina(code):
        raise ValueError("not a gmina code in the TERYT register (7 digits, e.g. 1219063)")
    return code


def _regon(value: str) -> str:
    compact = stdnum_regon.compact(value)
    if not stdnum_regon.is_valid(compact):
        raise ValueError("not a valid REGON (9 or 14 digits with a correct check digit)")
    return compact


def _nip(value: str) -> str:
    compact = stdnum_nip.compact(value)
    if not stdnum_nip.is_valid(compact):
        raise ValueError("not a valid NIP (10 digits with a correct check digit)")
    return compact


def _krs(value: str) -> str:
    # KRS numbers carry no check digit: ten digits, zero-padded, is all that can be checked.
    if not re.fullmatch(r"\d{10}", value):
        raise ValueError("a KRS number has exactly 10 digits")
    return value


Text200 = Annotated[str, StringConstraints(min_length=1, max_length=200)]
Text300 = Annotated[str, StringConstraints(min_length=1, max_length=300)]
GminaCode = Annotated[str, StringConstraints(pattern=r"^\d{7}$"), AfterValidator(_gmina)]
Regon = Annotated[str, StringConstraints(max_length=20), AfterValidator(_regon)]
Nip = Annotated[str, StringConstraints(max_length=16), AfterValidator(_nip)]
Krs = Annotated[str, StringConstraints(max_length=10), AfterValidator(_krs)]
PostalCode = Annotated[str, StringConstraints(pattern=r"^\d{2}-\d{3}$")]
Phone = Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{6,20}$")]
Url = Annotated[str, StringConstraints(pattern=r"^https?://\S{3,290}$")]


class InstitutionCreate(Input):
    type: InstitutionType
    name: Text300
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = None
    teryt: GminaCode = Field(description="TERYT code of the gmina of the institution's seat")
    regon: Regon | None = None
    krs: Krs | None = None
    nip: Nip | None = None
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    email: EmailStr | None = None
    phone: Phone | None = None
    website: Url | None = None


class InstitutionUpdate(Input):
    name: Text300 | None = None
    short_name: Annotated[str, StringConstraints(min_length=1, max_length=80)] | None = None
    teryt: GminaCode | None = None
    regon: Regon | None = None
    krs: Krs | None = None
    nip: Nip | None = None
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    email: EmailStr | None = None
    phone: Phone | None = None
    website: Url | None = None
    active: StrictBool | None = None

    not_nullable: ClassVar[frozenset[str]] = frozenset({"name", "teryt", "active"})


class InstitutionRead(Output):
    id: uuid.UUID
    type: InstitutionType
    name: str
    short_name: str | None
    teryt: str
    powiat_code: str
    voivodeship_code: str
    regon: str | None
    krs: str | None
    nip: str | None
    street: str | None
    postal_code: str | None
    city: str | None
    email: str | None
    phone: str | None
    website: str | None
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class InstitutionPage(Page[InstitutionRead]): ...


class TerritoryRead(Output):
    code: str
    name: str
    level: teryt.Level
    kind: str
    parent_code: str | None


class TerritoryList(BaseModel):
    items: list[TerritoryRead]
    as_of: str


class ServiceTypeRead(Output):
    code: str
    name_pl: str
    name_en: str
    category: str
    sensitive: bool
    provider_types: list[str]
    response_days_routine: int | None
    response_days_urgent: int | None
    active: bool


class ServiceTypeList(BaseModel):
    items: list[ServiceTypeRead]


class LegalBasisRead(Output):
    code: str
    act_title: str = Field(description="The act's full title")
    act_short_name: str
    act_journal: str | None = Field(description="Where the act is published, when given")
    article: str | None = Field(description="None: the act and its task are cited without an article")
    paragraph: str | None = Field(description="ustęp")
    point: str | None = Field(description="punkt")
    citation: str = Field(examples=["art. 108 ustawy o pomocy społecznej"])
    title_pl: str
    title_en: str
    institution_types: list[str] = Field(description="Institution types whose statutory task it is")
    service_types: list[str] = Field(description="Service types it covers; empty: every service type")
    active: bool


class LegalBasisList(BaseModel):
    items: list[LegalBasisRead]


#: Strict: pydantic's lax mode would read JSON ``false`` as 0 and ``"5"`` as 5.
Capacity = Annotated[StrictInt, Field(ge=0, le=100_000)]


def _capacity_consistent(available: int | None, maximum: int | None) -> None:
    if available is not None and maximum is not None and available > maximum:
        raise ValueError("available capacity cannot exceed the maximum")


class OfferCreate(Input):
    service_type_code: Annotated[str, StringConstraints(min_length=1, max_length=48)]
    name: Text200
    description: Annotated[str, StringConstraints(max_length=4000)] | None = None
    teryt: GminaCode | None = Field(
        None, description="Gmina where it is delivered; defaults to the institution's"
    )
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    eligibility_note: Annotated[str, StringConstraints(max_length=2000)] | None = None
    capacity_available: Capacity | None = None
    capacity_max: Capacity | None = None

    @model_validator(mode="after")
    def _check(self) -> OfferCreate:
        _capacity_consistent(self.capacity_available, self.capacity_max)
        return self


class OfferUpdate(Input):
    name: Text200 | None = None
    description: Annotated[str, StringConstraints(max_length=4000)] | None = None
    teryt: GminaCode | None = None
    street: Text200 | None = None
    postal_code: PostalCode | None = None
    city: Annotated[str, StringConstraints(min_length=1, max_length=100)] | None = None
    eligibility_note: Annotated[str, StringConstraints(max_length=2000)] | None = None
    active: StrictBool | None = None

    not_nullable: ClassVar[frozenset[str]] = frozenset({"name", "teryt", "active"})


class CapacityUpdate(Input):
    capacity_available: Capacity
    capacity_max: Capacity | None = None

    @model_validator(mode="after")
    def _check(self) -> CapacityUpdate:
        _capacity_consistent(self.capacity_available, self.capacity_max)
        return self


class OfferRead(Output):
    id: uuid.UUID
    institution_id: uuid.UUID
    service_type_code: str
    name: str
    description: str | None
    teryt: str
    street: str | None
    postal_code: str | None
    city: str | None
    eligibility_note: str | None
    capacity_available: int | None
    capacity_max: int | None
    capacity_updated_at: datetime | None
    occupied: int = Field(description="Places taken by accepted or in-progress Splot referrals")
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class OfferPage(Page[OfferRead]): ...


class OccupancyState(Input):
    """Whether a referral occupies a place of an offer, as of the referral's version (the body of
    ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only)."""

    offer_id: uuid.UUID
    occupying: StrictBool
    version: Annotated[StrictInt, Field(ge=1)]


class OccupancyRead(BaseModel):
    referral_id: uuid.UUID
    offer_id: uuid.UUID
    occupying: bool
    version: int
    #: False when a newer state of the referral was already recorded (this one was ignored).
    applied: bool
    occupied: int
    capacity_available: int | None
    capacity_max: int | None


class AgreementCreate(Input):
    title: Text300
    document_number: Annotated[str, StringConstraints(min_length=1, max_length=100)]
    scope: Annotated[str, StringConstraints(min_length=1, max_length=4000)]
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    party_ids: list[uuid.UUID] = Field(
        min_length=2, max_length=50, description="Institutions party to it, including your own"
    )

    @model_validator(mode="after")
    def _check(self) -> AgreementCreate:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to cannot be before valid_from")
        if len(set(self.party_ids)) != len(self.party_ids):
            raise ValueError("party_ids repeats an institution")
        return self


class AgreementUpdate(Input):
    title: Text300 | None = None
    scope: Annotated[str, StringConstraints(min_length=1, max_length=4000)] | None = None
    valid_to: IsoDate | None = None

    not_nullable: ClassVar[frozenset[str]] = frozenset({"title", "scope"})


class AgreementRead(Output):
    id: uuid.UUID
    title: str
    document_number: str
    scope: str
    valid_from: date
    valid_to: date | None
    party_ids: list[uuid.UUID]
    in_force: bool
    #: pending until every party confirmed (``POST /v1/agreements/{id}/confirmations``).
    status: Literal["pending", "in_force", "expired", "terminated", "superseded"]
    confirmed_on: date | None
    partnership_id: uuid.UUID | None
    created_by_institution_id: uuid.UUID
    version: int
    created_at: datetime
    updated_at: datetime


class AgreementPage(Page[AgreementRead]): ...


AnalystScope = Annotated[str, StringConstraints(pattern=r"^(\d{2}|\d{4})?$")]
Password = Annotated[str, StringConstraints(min_length=12, max_length=128)]


class UserCreate(Input):
    email: EmailStr
    full_name: Text200
    roles: list[Role] = Field(min_length=1, max_length=6)
    institution_id: uuid.UUID | None = Field(None, description="System admins only; defaults to yours")
    analyst_scope: AnalystScope | None = Field(
        None, description='Analysts: "" national, 2 digits a voivodeship, 4 digits a powiat'
    )
    password: Password


class UserUpdate(Input):
    full_name: Text200 | None = None
    roles: list[Role] | None = Field(None, min_length=1, max_length=6)
    analyst_scope: AnalystScope | None = Field(
        None, description="Analysts only; dropped with the analyst role unless given"
    )

    not_nullable: ClassVar[frozenset[str]] = frozenset({"full_name", "roles"})


class PasswordReset(Input):
    password: Password


class PasswordChange(Input):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password


class UserRead(Output):
    id: uuid.UUID
    institution_id: uuid.UUID
    email: str
    full_name: str
    roles: list[Role]
    analyst_scope: str | None
    active: bool
    locked: bool = Field(
        description="Sign-ins to this account are being made to wait after repeated failures "
        "from everywhere (activating the user clears it)",
    )
    last_login_at: datetime | None
    deactivated_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class UserPage(Page[UserRead]): ...


class UserMembership(Output):
    """Whose staff a user is (for Splot's own services: no name, no e-mail)."""

    id: uuid.UUID
    institution_id: uuid.UUID
    active: bool


class UserContact(Output):
    """How to reach a staff member about a referral they sent (for Splot's own services: the
    referrals service shows it to the referral's receiver)."""

    id: uuid.UUID
    institution_id: uuid.UUID
    full_name: str
    email: str
    active: bool


class MeRead(BaseModel):
    subject: str
    kind: str
    user: UserRead | None = None
    institution: InstitutionRead | None = None
    roles: list[str]
    scopes: list[str]


Scope = Annotated[str, StringConstraints(pattern=r"^[a-z]+:[a-z_]+$", max_length=64)]


class ApiClientCreate(Input):
    name: Text200
    scopes: list[Scope] = Field(min_length=1, max_length=20)
    institution_id: uuid.UUID | None = Field(None, description="System admins only; defaults to yours")


class ApiClientRead(Output):
    id: uuid.UUID
    client_id: str
    name: str
    kind: str
    institution_id: uuid.UUID | None
    scopes: list[str]
    active: bool
    secret_rotated_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    version: int
    created_at: datetime


class ApiClientWithSecret(ApiClientRead):
    client_secret: str = Field(description="Shown only now; store it safely, it cannot be read again")


class ApiClientPage(Page[ApiClientRead]): ...


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "Bearer"
    expires_in: int
    scope: str = ""


class Jwk(BaseModel):
    model_config = ConfigDict(extra="allow")
    kty: str
    kid: str
    use: str
    alg: str
    n: str
    e: str


class Jwks(BaseModel):
    keys: list[Jwk]


class AuditAction(StrEnum):
    user_created = "user_created"
    user_updated = "user_updated"
    user_roles_changed = "user_roles_changed"
    user_deactivated = "user_deactivated"
    user_activated = "user_activated"
    user_password_reset = "user_password_reset"
    user_password_changed = "user_password_changed"
    api_client_created = "api_client_created"
    api_client_secret_rotated = "api_client_secret_rotated"
    api_client_revoked = "api_client_revoked"
    service_client_keyed = "service_client_keyed"
    institution_created = "institution_created"
    institution_deactivated = "institution_deactivated"
    institution_activated = "institution_activated"
    agreement_confirmed = "agreement_confirmed"
    agreement_terminated = "agreement_terminated"


class AuditEntryRead(Output):
    id: uuid.UUID
    occurred_at: datetime
    actor_subject: str
    actor_kind: str
    actor_institution_id: uuid.UUID | None
    action: AuditAction
    target_type: str
    target_id: str
    target_institution_id: uuid.UUID | None
    before: dict[str, object] | None
    after: dict[str, object] | None
    request_id: str | None


class AuditPage(Page[AuditEntryRead]): ...


class TokenRevocationRead(Output):
    """What :meth:`splot.common.revocation.Revocation.from_json` reads."""

    id: int
    kind: Literal["user", "session", "client", "institution"]
    value: str
    min_stamp: int | None
    not_after: datetime | None
    expires_at: datetime


class TokenRevocationList(BaseModel):
    items: list[TokenRevocationRead]
