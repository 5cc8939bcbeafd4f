"""The internal API of the referrals service: referral checks, grant states, name-free summaries."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, StrictInt

from splot.clients.schemas.fields import Input, InstitutionType, LegalBasis, ServiceTypeCode, Sex


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
