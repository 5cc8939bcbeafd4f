"""Casework: individual plans (parties, goals, actions, the person's agreement, reviews and
assessments), the coordinators' list, and the referrals service's link from a referral to an
action."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictInt, StringConstraints

from splot.clients.casework.workflow import ActionStatus, Assessment
from splot.clients.schemas.casework import AreaCode, LongText, Note
from splot.clients.schemas.fields import Input, ServiceTypeCode
from splot.common.api import Page
from splot.common.validation import IsoDate

PlanTypeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,47}$")]
AgreementMethod = Literal["signed_paper", "oral_recorded", "electronic"]
Description = Annotated[LongText, StringConstraints(max_length=2000)]
ProgrammeCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_-]{2,32}$")]
PROGRAMME = "A code of the directory's programme catalogue (GET /api/directory/v1/programmes), e.g. PAI"


class PlanCreate(Input):
    plan_type_code: PlanTypeCode
    starts_on: IsoDate
    diagnosis_id: uuid.UUID | None = None
    parties: list[uuid.UUID] = Field(
        default_factory=list, max_length=20, description="Other institutions of a joint plan"
    )
    next_review_due: IsoDate | None = None
    programme: ProgrammeCode | None = Field(None, description=PROGRAMME)


class PlanUpdate(Input):
    """Given fields replace; ``parties`` replaces the joint plan's other institutions."""

    agreement_date: IsoDate | None = None
    agreement_method: AgreementMethod | None = None
    next_review_due: IsoDate | None = None
    parties: list[uuid.UUID] | None = Field(None, max_length=20)
    status: Literal["active", "closed"] | None = None
    programme: ProgrammeCode | None = Field(None, description=PROGRAMME + "; null: none")


class GoalCreate(Input):
    area_code: AreaCode
    description: Description


class GoalAssess(Input):
    assessment: Assessment
    reason: Note | None = Field(None, description="Required for abandoned")


class ActionCreate(Input):
    goal_id: uuid.UUID
    owner_institution_id: uuid.UUID | None = Field(None, description="Defaults to the plan's owner")
    description: Description
    service_type_code: ServiceTypeCode | None = None
    due_date: IsoDate | None = None
    conference_id: uuid.UUID | None = Field(None, description="The case conference that decided it")


class ActionUpdate(Input):
    status: ActionStatus | None = None
    result: Note | None = None
    due_date: IsoDate | None = None


class ReviewCreate(Input):
    reviewed_on: IsoDate
    note: Note | None = None
    next_review_due: IsoDate | None = None


class ActionReferralRead(BaseModel):
    referral_id: uuid.UUID
    status: str | None
    outcome_code: str | None
    receiver_institution_id: uuid.UUID | None


class ActionRead(BaseModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    owner_institution_id: uuid.UUID
    description: str
    service_type_code: str | None
    due_date: date | None
    status: ActionStatus
    result: str | None
    conference_id: uuid.UUID | None
    referral: ActionReferralRead | None
    proposed_result: ActionStatus | None = Field(description="What the linked referral's outcome proposes")
    allowed_statuses: list[ActionStatus]


class GoalRead(BaseModel):
    id: uuid.UUID
    area_code: str
    description: str
    sensitive: bool
    status: Literal["open", "assessed"]
    assessment: Assessment | None
    assessment_reason: str | None
    assessed_at: datetime | None
    proposed_assessment: Assessment | None = Field(description="What the goal's finished actions propose")
    actions: list[ActionRead]


class ReviewRead(BaseModel):
    reviewed_on: date
    note: str | None
    institution_id: uuid.UUID
    created_at: datetime


class PlanRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    plan_type_code: str
    legal_basis_code: str
    owner_institution_id: uuid.UUID
    parties: list[uuid.UUID]
    diagnosis_id: uuid.UUID | None
    starts_on: date
    status: Literal["active", "closed"]
    agreement_date: date | None
    agreement_method: AgreementMethod | None
    next_review_due: date | None
    review_overdue: bool
    programme: str | None = Field(None, description="The code of the plan's programme, if any")
    goals: list[GoalRead]
    hidden_sensitive_goals: int = Field(description="Sensitive goals you may not see")
    reviews: list[ReviewRead]
    created_at: datetime
    updated_at: datetime
    version: int


class PlanPage(Page[PlanRead]): ...


class PlanListItem(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    plan_type_code: str
    owner_institution_id: uuid.UUID
    status: Literal["active", "closed"]
    next_review_due: date | None
    review_overdue: bool
    programme: str | None = None
    version: int


class PlanListPage(Page[PlanListItem]): ...


class ActionReferralSet(Input):
    """A referral's state for the plan action it serves, sent by the referrals service after each
    change of the referral (idempotent; a state older than the one kept, by ``version``, is ignored)."""

    referral_id: uuid.UUID
    person_id: uuid.UUID = Field(description="The referral's person: the plan's (or merged into it)")
    sender_institution_id: uuid.UUID = Field(
        description="The referral's sender: the owner of the action, the plan's owner or a party of the plan"
    )
    status: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z_]{1,23}$")]
    outcome_code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")] | None = None
    receiver_institution_id: uuid.UUID
    version: Annotated[StrictInt, Field(ge=0, le=2**31 - 1)]


class ActionReferralResult(BaseModel):
    action_id: uuid.UUID
    plan_id: uuid.UUID
    referral_id: uuid.UUID
    referral_status: str | None
    referral_version: int | None
    proposed_result: ActionStatus | None
    applied: bool = Field(description="False when the state was older than the one kept")
