from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StringConstraints,
    field_validator,
    model_validator,
)

from splot.common.api import Page
from splot.common.validation import IsoDate
from splot.referrals.workflow import TRANSITIONS, USER_ACTIONS, BusinessStatus, DeclinedBy, Side, Status


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Priority(StrEnum):
    routine = "routine"
    urgent = "urgent"


# Built from the workflow table (mypy cannot follow enum members made from data).
TransitionAction = StrEnum("TransitionAction", {a: a for a in USER_ACTIONS})  # type: ignore[misc]

#: Every event type this service publishes (feed and webhooks).
EVENT_TYPES: tuple[str, ...] = tuple(
    sorted(
        {t.event_type for t in TRANSITIONS.values() if t.event_type}
        | {"referral.overdue", "followup.answered"}
    )
)
EventType = StrEnum("EventType", {e.replace(".", "_"): e for e in EVENT_TYPES})  # type: ignore[misc]

Code = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]
ServiceTypeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
Programme = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=2000)]
LongText = Annotated[str, StringConstraints(min_length=1, max_length=4000)]
LegalBasisCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]


class StatutoryBasis(Input):
    """A statutory task of the sender, chosen from the directory's legal-basis catalogue
    (``GET /api/directory/v1/legal-bases?institution_type=…&service_type=…``). Since issue #13
    the free-text ``article`` is no longer accepted (422): send the provision's ``code``."""

    kind: Literal["statutory"]
    code: LegalBasisCode = Field(
        description="A provision of the legal-basis catalogue: active, a task of the sender's "
        "institution type, covering the referral's service type (422 otherwise)",
        examples=["ups_art45_social_work"],
    )


class ConsentBasis(Input):
    kind: Literal["consent"]
    consent_id: uuid.UUID | None = Field(
        None, description="The client's recorded consent; omitted, the registry finds the covering one"
    )


LegalBasis = Annotated[StatutoryBasis | ConsentBasis, Field(discriminator="kind")]


class LegalBasisRead(BaseModel):
    kind: Literal["statutory", "consent"]
    code: str | None = Field(
        None, description="The provision's code in the legal-basis catalogue (statutory bases)"
    )
    citation: str | None = Field(
        None,
        description="The provision as the catalogue cited it when the referral was saved or sent "
        "(a snapshot); referrals recorded before the catalogue show their free-text citation",
        examples=["art. 45 ustawy o pomocy społecznej"],
    )
    article: str | None = Field(
        None, deprecated=True, description="Deprecated: the same text as ``citation``"
    )
    consent_id: uuid.UUID | None = None


class CapacityWarning(BaseModel):
    """The offer a referral was sent to had no free places when it was sent (it went anyway)."""

    offer_id: uuid.UUID
    capacity_available: int = Field(description="Free places the directory reported (0)")
    capacity_max: int | None


def _dates_in_order(start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ValueError("planned_end_date cannot be before planned_start_date")


PLAN_ACTION = "The action of an individual plan in the client registry this referral serves"


class ReferralCreate(Input):
    person_id: uuid.UUID = Field(description="The person's id in the client registry")
    target_institution_id: uuid.UUID | None = None
    target_offer_id: uuid.UUID | None = None
    service_type_code: ServiceTypeCode | None = None
    priority: Priority = Priority.routine
    needs_description: LongText | None = None
    legal_basis: LegalBasis | None = None
    programme: Programme | None = Field(None, description="A programme such as PAI, if any")
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
    programme: Programme | None = None
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


class MessageCreate(Input):
    text: LongText


class MessageUpdate(Input):
    text: LongText


class ReceiptRead(Output):
    institution_id: uuid.UUID
    read_at: datetime


class MessageRead(BaseModel):
    id: uuid.UUID
    referral_id: uuid.UUID
    author_institution_id: uuid.UUID
    author_subject: str
    text: str
    created_at: datetime
    edited_at: datetime | None
    version: int
    mine: bool = Field(description="Written by your institution")
    editable: bool = Field(description="You wrote it and the other side has not read it yet")
    read_receipts: list[ReceiptRead]


class MessagePage(Page[MessageRead]): ...


class MarkedRead(BaseModel):
    marked: int


class NotificationRead(BaseModel):
    id: uuid.UUID
    kind: str
    title: str
    referral_id: uuid.UUID | None
    referral_number: str | None
    followup_id: uuid.UUID | None
    recipient_institution_id: uuid.UUID
    recipient_role: str | None
    recipient_user_id: uuid.UUID | None
    created_at: datetime
    read_at: datetime | None


class NotificationPage(Page[NotificationRead]):
    unread_count: int


class UnreadCount(BaseModel):
    unread: int


class FollowUpStatus(StrEnum):
    open = "open"
    answered = "answered"
    cancelled = "cancelled"


class FollowUpRead(Output):
    id: uuid.UUID
    referral_id: uuid.UUID
    institution_id: uuid.UUID
    due_months: int
    due_at: datetime
    status: FollowUpStatus
    outcome_code: str | None
    note: str | None = Field(description="Only for the institution that answers it")
    answered_at: datetime | None
    created_at: datetime
    chain_root_id: uuid.UUID
    referral_number: str = ""
    person_id: uuid.UUID | None = None
    mine: bool = Field(True, description="Your institution answers it (the chain's root sender)")
    answerable: bool = Field(False, description="You may answer it now (yours, open and due)")


class FollowUpPage(Page[FollowUpRead]): ...


class FollowUpAnswer(Input):
    outcome_code: Code = Field(description="A follow-up outcome from GET /v1/outcome-codes?kind=followup")
    note: Text | None = None
