"""What the schemas share: the input and output bases, enums, and the constrained field types
(PESEL, names, document numbers, TERYT gmina codes, contact data) with their validators."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints

from splot.clients import identity
from splot.common import teryt
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


#: First characters that make a spreadsheet cell a formula (CSV/formula injection).
FORMULA_STARTS = frozenset("=+-@")


def _name(value: str) -> str:
    if not any(c.isalpha() for c in value) or any(ord(c) < 32 for c in value):
        raise ValueError("a name needs at least one letter and no control characters")
    if not identity.normalise_name(value):
        raise ValueError("a name needs at least one letter or digit after normalisation")
    value = " ".join(value.split())
    if value[0] in FORMULA_STARTS:
        # A spreadsheet would run it as a formula (exports, the auditor's CSV): no name starts so.
        raise ValueError("a name cannot begin with =, +, - or @")
    return value


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
