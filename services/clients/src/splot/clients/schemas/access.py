"""Bases of access to a person's data: consents, grants (what a referral gives its receiver) and
break-glass emergency access."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import AwareDatetime, Field, StrictBool, StrictInt, StringConstraints, model_validator

from splot.clients.schemas.fields import (
    ConsentPurpose,
    Input,
    InstitutionType,
    LegalBasis,
    Output,
    ServiceTypeCode,
)
from splot.common.api import Page


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
