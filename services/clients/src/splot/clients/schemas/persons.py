"""Persons: create, change and read a record, lists, identity lookup, registration of an
existing record and the duplicate check."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, Field, model_validator

from splot.clients.schemas.fields import (
    BirthDate,
    Citizenship,
    City,
    ContactChannel,
    DocumentNumber,
    Email,
    ExternalId,
    GminaCode,
    Input,
    Name,
    Output,
    Pesel,
    Phone,
    PostalCode,
    Reason,
    Sex,
    Text200,
)
from splot.common.api import Page


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
    #: created, identifier, import or access_request
    how: str


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
    #: Whether your institution may open the record now (otherwise register it, proving the
    #: identifier: ``POST /v1/persons/{id}/registrations``).
    visible: bool


class IdentityLookupResult(BaseModel):
    items: list[IdentityHint]


class RegistrationCreate(IdentityLookup):
    """Register a person your institution serves; prove it with their PESEL or document number
    and declare why your institution serves them (audited, shown to the person's access report)."""

    reason: Reason = Field(description="Why your institution serves the person (10-1000 characters)")
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
