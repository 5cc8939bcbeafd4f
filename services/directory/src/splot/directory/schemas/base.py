"""The directory's schema conventions: institution types, request and answer bases, and the
validated field types (TERYT gmina, REGON, NIP, KRS, postal code, phone, URL)."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated, ClassVar

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    model_validator,
)
from stdnum.pl import nip as stdnum_nip
from stdnum.pl import regon as stdnum_regon

from splot.common import teryt


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
