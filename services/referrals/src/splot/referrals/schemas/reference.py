"""Chains, a referral's events, the reason and outcome catalogues, the workflow table, a person's referrals."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum

from pydantic import (
    BaseModel,
    Field,
)

from splot.common.api import Page
from splot.referrals.schemas.base import Output, Priority
from splot.referrals.workflow import BusinessStatus, Side, Status


class ChainNode(BaseModel):
    """A referral of a chain as every party of the chain sees it: status, dates, parties and
    outcome, no case content."""

    id: uuid.UUID
    number: str
    parent_referral_id: uuid.UUID | None
    chain_depth: int
    status: Status
    business_status: BusinessStatus | None
    outcome_codes: list[str]
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID | None
    service_type_code: str | None
    priority: Priority
    overdue: bool
    sent_at: datetime | None
    ended_at: datetime | None
    #: Your institution is its sender or receiver (else you see it as a party of the chain).
    party: bool
    #: A sensitive service type (GDPR art. 9): shown to others without service type and outcome.
    sensitive: bool = False


class ChainRead(BaseModel):
    chain_root_id: uuid.UUID
    items: list[ChainNode] = Field(description="The whole tree (sent referrals), parents before children")


class ReferralEventRead(Output):
    id: uuid.UUID
    action: str
    from_status: str | None
    to_status: str
    version: int
    actor_kind: str
    actor_subject: str | None
    actor_institution_id: uuid.UUID | None
    reason_code: str | None
    text: str | None
    payload: dict[str, object]
    occurred_at: datetime


class ReferralEventList(BaseModel):
    items: list[ReferralEventRead]


class ReasonCodeRead(Output):
    code: str
    label_pl: str
    label_en: str
    actions: list[str]
    system_only: bool
    active: bool


class ReasonCodeList(BaseModel):
    items: list[ReasonCodeRead]


class OutcomeKind(StrEnum):
    outcome = "outcome"
    followup = "followup"


class OutcomeCodeRead(Output):
    code: str
    kind: OutcomeKind
    label_pl: str
    label_en: str
    employment: bool
    active: bool


class OutcomeCodeList(BaseModel):
    items: list[OutcomeCodeRead]


class TransitionRuleRead(BaseModel):
    action: str
    from_statuses: list[str]
    side: Side
    to_status: str | None
    event_type: str | None
    roles: list[str]
    required_fields: list[str]
    optional_fields: list[str]
    sets_flag: str | None
    requires_flag: str | None
    unless_flag: str | None
    assignee_bound: bool
    guard: str | None
    endpoint: str


class WorkflowRead(BaseModel):
    statuses: list[Status]
    terminal: list[Status]
    business_statuses: list[BusinessStatus]
    transitions: list[TransitionRuleRead]


class PersonReferralItem(BaseModel):
    id: uuid.UUID
    number: str
    status: Status
    chain_root_id: uuid.UUID
    parent_referral_id: uuid.UUID | None
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID | None
    service_type_code: str | None
    outcome_codes: list[str]
    sent_at: datetime | None
    ended_at: datetime | None
    party: bool
    openable: bool = Field(
        False, description="You may open it: you sent or received it, or another referral of its chain"
    )


class PersonReferralPage(Page[PersonReferralItem]): ...
