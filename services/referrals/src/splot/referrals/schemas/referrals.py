"""Referrals: create, change a draft, transitions and forwarding, the read views, boxes and counts."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum

from pydantic import (
    BaseModel,
    Field,
    StrictBool,
    field_validator,
    model_validator,
)

from splot.common.api import Page
from splot.common.validation import IsoDate
from splot.referrals.schemas.base import (
    PLAN_ACTION,
    CapacityWarning,
    Code,
    Input,
    LegalBasis,
    LegalBasisRead,
    LongText,
    Output,
    Priority,
    Programme,
    ServiceTypeCode,
    Text,
    TransitionAction,
    _dates_in_order,
)
from splot.referrals.workflow import BusinessStatus, DeclinedBy, Side, Status


class ReferralCreate(Input):
    person_id: uuid.UUID = Field(description="The person's id in the client registry")
    target_institution_id: uuid.UUID | None = None
    target_offer_id: uuid.UUID | None = None
    service_type_code: ServiceTypeCode | None = None
    priority: Priority = Priority.routine
    needs_description: LongText | None = None
    legal_basis: LegalBasis | None = None
    programme: Programme | None = Field(
        None, description="A code of the directory's programme catalogue (e.g. PAI), if any"
    )
    planned_start_date: IsoDate | None = None
    planned_end_date: IsoDate | None = None
    plan_action_id: uuid.UUID | None = Field(None, description=PLAN_ACTION)
    send: StrictBool = Field(False, description="Send at once instead of saving a draft")

    @model_validator(mode="after")
    def _check(self) -> ReferralCreate:
        _dates_in_order(self.planned_start_date, self.planned_end_date)
        return self


class ReferralUpdate(Input):
    """Changes to a draft (only drafts are edited; afterwards everything goes through transitions)."""

    person_id: uuid.UUID | None = None
    target_institution_id: uuid.UUID | None = None
    target_offer_id: uuid.UUID | None = None
    service_type_code: ServiceTypeCode | None = None
    priority: Priority | None = None
    needs_description: LongText | None = None
    legal_basis: LegalBasis | None = None
    programme: Programme | None = None
    planned_start_date: IsoDate | None = None
    planned_end_date: IsoDate | None = None
    plan_action_id: uuid.UUID | None = Field(None, description=PLAN_ACTION)

    @model_validator(mode="after")
    def _check(self) -> ReferralUpdate:
        _dates_in_order(self.planned_start_date, self.planned_end_date)
        return self


class TransitionRequest(Input):
    action: TransitionAction = Field(description="See GET /v1/workflow and the referral's allowed_actions")
    reason_code: Code | None = Field(None, description="From GET /v1/reason-codes")
    declined_by: DeclinedBy | None = None
    text: Text | None = Field(None, description="Free-text reason or note (never published in events)")
    outcome_codes: list[Code] | None = Field(None, min_length=1, max_length=10)
    delivered: Text | None = Field(None, description="What was delivered (complete)")
    assignee_user_id: uuid.UUID | None = None
    planned_start_date: IsoDate | None = None
    business_status: BusinessStatus | None = None

    @field_validator("outcome_codes")
    @classmethod
    def _unique(cls, value: list[str] | None) -> list[str] | None:
        if value is not None and len(set(value)) != len(value):
            raise ValueError("outcome_codes repeats a code")
        return value


class ForwardRequest(Input):
    """The child referral the receiver sends on (one step: it is sent at once)."""

    target_institution_id: uuid.UUID
    target_offer_id: uuid.UUID | None = None
    service_type_code: ServiceTypeCode
    priority: Priority = Priority.routine
    needs_description: LongText | None = None
    legal_basis: LegalBasis
    programme: Programme | None = Field(
        None, description="A code of the programme catalogue; left out: the forwarded referral's own"
    )
    planned_start_date: IsoDate | None = None
    planned_end_date: IsoDate | None = None

    @model_validator(mode="after")
    def _check(self) -> ForwardRequest:
        _dates_in_order(self.planned_start_date, self.planned_end_date)
        return self


class AllowedAction(BaseModel):
    action: str
    #: "transitions" (POST …/transitions), "forward" (POST …/forward) or "delete" (DELETE the draft).
    endpoint: str
    required_fields: list[str]
    optional_fields: list[str]


class ReadView(StrEnum):
    """How much of a referral the caller sees: all of it (its sender or receiver), or the chain view
    (a party of another referral of its chain: status, dates, parties and outcome only)."""

    party = "party"
    chain = "chain"


class ReferralRead(Output):
    id: uuid.UUID
    number: str
    version: int
    status: Status
    business_status: BusinessStatus | None
    cancellation_requested: bool
    acknowledged: bool
    overdue: bool
    person_id: uuid.UUID
    sender_institution_id: uuid.UUID
    sender_user_id: uuid.UUID | None
    target_institution_id: uuid.UUID | None
    target_institution_type: str | None
    target_offer_id: uuid.UUID | None
    service_type_code: str | None
    sensitive: bool
    priority: Priority
    needs_description: str | None
    legal_basis: LegalBasisRead | None
    programme: str | None
    planned_start_date: date | None
    planned_end_date: date | None
    assignee_user_id: uuid.UUID | None
    plan_action_id: uuid.UUID | None = Field(None, description=PLAN_ACTION)
    parent_referral_id: uuid.UUID | None
    chain_root_id: uuid.UUID
    chain_depth: int
    reason_code: str | None
    reason_text: str | None
    declined_by: DeclinedBy | None
    outcome_codes: list[str]
    delivered: str | None
    created_at: datetime
    updated_at: datetime
    sent_at: datetime | None
    responded_at: datetime | None
    accepted_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    due_at: datetime | None
    deadline_partnership_id: uuid.UUID | None = Field(
        None, description="The local partnership whose service standard set due_at, if one did"
    )
    expires_at: datetime | None
    my_sides: list[Side] = Field(description="Whether your institution is the sender, the receiver or both")
    allowed_actions: list[AllowedAction] = Field(
        description="What you may do now, with the fields each needs"
    )
    view: ReadView = Field(
        ReadView.party,
        description="party: you sent or received it; chain: you are a party of another referral of its "
        "chain and see status, dates, parties and outcome only (case content and staff left out)",
    )
    capacity_warning: CapacityWarning | None = Field(
        None,
        description="Only in the answer to a send (create with send, the send transition, forward): "
        "the chosen offer had no free places; the referral was sent anyway",
    )


class ReferralPage(Page[ReferralRead]): ...


class SenderContact(BaseModel):
    """The caseworker who sent the referral, as the directory knows them, and their institution."""

    user_id: uuid.UUID
    institution_id: uuid.UUID
    full_name: str
    email: str
    active: bool


class Box(StrEnum):
    inbox = "inbox"
    outbox = "outbox"


class BoxSort(StrEnum):
    """``newest`` (sent, or for the outbox created, newest first) or ``due`` (response deadline,
    soonest first; drafts have none and are left out)."""

    newest = "newest"
    due = "due"


class CountsRead(BaseModel):
    box: Box
    total: int
    overdue: int
    by_status: dict[str, int]
