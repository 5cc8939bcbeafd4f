"""Access requests: likely duplicates the caller may not see (named by an opaque candidate id),
asking the person's registering institutions for access, and their decision."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from splot.clients.schemas.fields import Input, Reason
from splot.clients.schemas.persons import MatchCandidate
from splot.common.api import Page
from splot.common.errors import ProblemDetail

CandidateId = Annotated[str, StringConstraints(min_length=20, max_length=200, pattern=r"^[A-Za-z0-9_-]+$")]


class HiddenCandidate(BaseModel):
    """A likely duplicate you may not see: no more than an identity lookup answers (initials and
    birth year), and an opaque id to ask its registering institutions for access with."""

    #: Opaque, valid only for your institution and for a day: ``POST /v1/access-requests``.
    candidate_id: str
    initials: str
    birth_year: int
    #: pesel, document_number or name_and_birth_date
    match: str


class LikelyDuplicateProblem(ProblemDetail):
    """409 ``likely_duplicate`` of ``POST /v1/persons`` (other 409s carry none of these members)."""

    #: Candidates you may already see (open them).
    candidates: list[MatchCandidate] = Field(default_factory=list)
    #: Candidates you may not see (ask for access).
    hidden_candidates: list[HiddenCandidate] = Field(default_factory=list)
    #: False when a PESEL matched: registering anyway is not possible.
    overridable: bool | None = None


class AccessRequestState(StrEnum):
    pending = "pending"
    approved = "approved"
    declined = "declined"
    expired = "expired"


class AccessRequestBox(StrEnum):
    #: Requests to persons your institution registered (you decide).
    incoming = "incoming"
    #: Requests your institution made.
    outgoing = "outgoing"


class AccessRequestCreate(Input):
    candidate_id: CandidateId = Field(description="From a 409 likely_duplicate's hidden_candidates")
    reason: Reason = Field(
        description="Why your institution needs the record (shown to the deciding institution)"
    )


class AccessRequestApprove(Input):
    note: Annotated[str, StringConstraints(min_length=1, max_length=1000)] | None = None


class AccessRequestDecline(Input):
    reason: Reason


class AccessRequestPerson(BaseModel):
    """The person as the reader may see them: initials and birth year for the requester until
    the request is approved; the registry id and name for a registering institution."""

    id: uuid.UUID | None
    initials: str
    birth_year: int
    first_name: str | None = None
    last_name: str | None = None


class AccessRequestRead(BaseModel):
    id: uuid.UUID
    state: AccessRequestState
    person: AccessRequestPerson
    requester_institution_id: uuid.UUID
    reason: str
    created_at: datetime
    expires_at: datetime
    decided_at: datetime | None
    decided_by_institution_id: uuid.UUID | None
    decision_reason: str | None
    version: int


class AccessRequestPage(Page[AccessRequestRead]): ...


class AccessRequestCounts(BaseModel):
    #: Pending requests to persons your institution registered.
    incoming_pending: int
    #: Your institution's requests still waiting for a decision.
    outgoing_pending: int
