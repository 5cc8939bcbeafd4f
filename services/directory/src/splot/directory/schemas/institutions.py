"""Institutions, territories, the service-type and legal-basis catalogues, offers and their
occupancy, partnership agreements recorded outside a partnership."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import (
    BaseModel,
    EmailStr,
    Field,
    StrictBool,
    StrictInt,
    StringConstraints,
    model_validator,
)

from splot.common import teryt
from splot.common.api import Page
from splot.common.validation import IsoDate
from splot.directory.schemas.base import (
    GminaCode,
    Input,
    InstitutionType,
    Krs,
    Nip,
    Output,
    Phone,
    PostalCode,
    Regon,
    Text200,
    Text300,
    Url,
)


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
