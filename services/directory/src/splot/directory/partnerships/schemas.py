"""Request and response bodies of the partnerships API."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, ClassVar, Literal

from pydantic import EmailStr, Field, StrictBool, StrictFloat, StrictInt, StringConstraints, model_validator

from splot.common.api import Page
from splot.common.validation import IsoDate, MultiLine, SingleLine
from splot.directory.partnerships.indicators import IndicatorCode
from splot.directory.partnerships.lifecycle import Status
from splot.directory.schemas import Input, InstitutionType, Output

Title = Annotated[SingleLine, StringConstraints(min_length=1, max_length=300)]
Name = Annotated[SingleLine, StringConstraints(min_length=1, max_length=200)]
ProgrammeCode = Annotated[str, StringConstraints(pattern=r"^[A-Z0-9_-]{2,32}$")]
LongText = Annotated[MultiLine, StringConstraints(min_length=1, max_length=20000)]
ShortText = Annotated[MultiLine, StringConstraints(min_length=1, max_length=4000)]
Teryt = Annotated[str, StringConstraints(pattern=r"^\d{2}(\d{2}(\d{3})?)?$")]
Period = Annotated[str, StringConstraints(pattern=r"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")]
ServiceTypeCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,47}$")]
PartnershipStatus = Literal["initiative", "pending", "in_force", "expired", "terminated", "superseded"]
ProblemAreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,48}$")]
TaskStatus = Literal["planned", "in_progress", "done", "cancelled"]


class Attachment(Input):
    """An attached document's metadata (the file itself is kept by the parties, not in Splot)."""

    title: Title
    file_name: Annotated[SingleLine, StringConstraints(min_length=1, max_length=200)] | None = None
    media_type: Annotated[str, StringConstraints(pattern=r"^[a-z]+/[a-z0-9.+-]+$", max_length=100)] | None = (
        None
    )
    size_bytes: StrictInt | None = Field(None, ge=0, le=10**10)


class Annex(Input):
    """An annex: a titled text, or an attached document's metadata."""

    title: Title
    text: LongText | None = None
    attachment: Attachment | None = None


class PartnershipCreate(Input):
    name: Title
    purpose: ShortText = Field(description="Why the partnership is proposed")
    area_teryt: list[Teryt] = Field(min_length=1, max_length=50)
    invited_institution_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)
    programme: ProgrammeCode | None = Field(None, description="A code of the programme catalogue")

    @model_validator(mode="after")
    def _distinct(self) -> PartnershipCreate:
        if len(set(self.invited_institution_ids)) != len(self.invited_institution_ids):
            raise ValueError("invited_institution_ids repeats an institution")
        return self


class PartnershipUpdate(Input):
    name: Title | None = None
    purpose: ShortText | None = None
    area_teryt: list[Teryt] | None = Field(None, min_length=1, max_length=50)
    leader_institution_id: uuid.UUID | None = None
    coordinator_subject: Annotated[str, StringConstraints(min_length=1, max_length=128)] | None = None
    coordinator_name: Name | None = None
    programme: ProgrammeCode | None = Field(None, description="A code of the programme catalogue")

    not_nullable: ClassVar[frozenset[str]] = frozenset(
        {"name", "purpose", "area_teryt", "leader_institution_id"}
    )


class InvitationCreate(Input):
    institution_id: uuid.UUID


class InvitationAnswer(Input):
    accept: StrictBool


class PartyUpdate(Input):
    contact_name: Name | None = None
    contact_email: EmailStr | None = None
    contact_phone: Annotated[str, StringConstraints(pattern=r"^\+?[0-9 ()-]{6,20}$")] | None = None
    left_on: IsoDate | None = Field(None, description="The day the party leaves (not before today)")


class PartyRead(Output):
    institution_id: uuid.UUID
    state: Literal["invited", "party", "declined"]
    invited_at: datetime
    answered_at: datetime | None
    joined_on: date | None
    left_on: date | None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None


class ConfirmationRead(Output):
    institution_id: uuid.UUID
    confirmed_by_subject: str
    confirmed_by_role: str
    confirmed_at: datetime


class AgreementVersionCreate(Input):
    title: Title
    document_number: Annotated[SingleLine, StringConstraints(min_length=1, max_length=100)]
    text: LongText
    annexes: list[Annex] = Field(default_factory=list, max_length=30)
    valid_from: IsoDate
    valid_to: IsoDate | None = None
    amends_id: uuid.UUID | None = Field(None, description="The version this one amends")

    @model_validator(mode="after")
    def _period(self) -> AgreementVersionCreate:
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError("valid_to cannot be before valid_from")
        return self


class Termination(Input):
    reason: ShortText


class AgreementVersionRead(Output):
    id: uuid.UUID
    partnership_id: uuid.UUID | None
    number: int
    amends_id: uuid.UUID | None
    title: str
    document_number: str
    text: str
    annexes: list[Annex]
    valid_from: date
    valid_to: date | None
    party_ids: list[uuid.UUID]
    status: Status
    confirmed_on: date | None
    terminated_on: date | None
    termination_reason: str | None
    superseded_on: date | None
    confirmations: list[ConfirmationRead]
    version: int


class PartnershipSummary(Output):
    """What anyone allowed to know of the partnership sees (analysts: only this)."""

    id: uuid.UUID
    name: str
    area_teryt: list[str]
    status: PartnershipStatus
    leader_institution_id: uuid.UUID
    party_ids: list[uuid.UUID]
    programme: str | None = Field(None, description="The code of the partnership's programme")


class PartnershipRead(PartnershipSummary):
    """The partnership as its parties and invited institutions see it (``access`` says which)."""

    access: Literal["party", "invited"]
    purpose: str
    proposed_by_institution_id: uuid.UUID
    coordinator_subject: str | None
    coordinator_name: str | None
    parties: list[PartyRead]
    agreements: list[AgreementVersionRead]
    version: int
    created_at: datetime


class PartnershipPage(Page[PartnershipSummary]): ...


class TaskCreate(Input):
    title: Title
    description: ShortText | None = None
    owner_institution_id: uuid.UUID
    starts_on: IsoDate | None = None
    due_on: IsoDate | None = None
    status: TaskStatus = "planned"

    @model_validator(mode="after")
    def _dates(self) -> TaskCreate:
        if self.starts_on and self.due_on and self.due_on < self.starts_on:
            raise ValueError("due_on cannot be before starts_on")
        return self


class TaskUpdate(Input):
    title: Title | None = None
    description: ShortText | None = None
    owner_institution_id: uuid.UUID | None = None
    starts_on: IsoDate | None = None
    due_on: IsoDate | None = None
    status: TaskStatus | None = None

    not_nullable: ClassVar[frozenset[str]] = frozenset({"title", "owner_institution_id", "status"})


class TaskRead(Output):
    id: uuid.UUID
    title: str
    description: str | None
    owner_institution_id: uuid.UUID
    starts_on: date | None
    due_on: date | None
    status: TaskStatus
    meeting_id: uuid.UUID | None
    version: int


class TaskPage(Page[TaskRead]): ...


class Criteria(Input):
    teryt_codes: list[Teryt] = Field(default_factory=list, max_length=50)
    age_min: StrictInt | None = Field(None, ge=0, le=120)
    age_max: StrictInt | None = Field(None, ge=0, le=120)
    labour_office_status: Literal["any", "unemployed", "jobseeker", "not_registered"] = "any"
    social_assistance_use: Literal["any", "current", "past", "none"] = "any"
    notes: ShortText | None = None

    @model_validator(mode="after")
    def _ages(self) -> Criteria:
        if self.age_min is not None and self.age_max is not None and self.age_max < self.age_min:
            raise ValueError("age_max cannot be below age_min")
        return self


class StandardStepIn(Input):
    name: Title
    performer_institution_id: uuid.UUID | None = None
    performer_type: InstitutionType | None = None
    service_type_code: ServiceTypeCode | None = None
    deadline_working_days: StrictInt | None = Field(None, ge=1, le=90)


class Standard(Input):
    steps: list[StandardStepIn] = Field(max_length=50)


class StandardStepRead(Output):
    id: uuid.UUID
    position: int
    name: str
    performer_institution_id: uuid.UUID | None
    performer_type: str | None
    service_type_code: str | None
    deadline_working_days: int | None


class TargetIn(Input):
    indicator_code: IndicatorCode
    period: Period
    baseline: StrictFloat | None = None
    target_value: StrictFloat
    direction: Literal["at_least", "at_most"] = "at_least"


class Targets(Input):
    targets: list[TargetIn] = Field(max_length=100)

    @model_validator(mode="after")
    def _distinct(self) -> Targets:
        keys = [(t.indicator_code, t.period) for t in self.targets]
        if len(set(keys)) != len(keys):
            raise ValueError("a target repeats an indicator and period")
        return self


class TargetRead(Output):
    id: uuid.UUID
    indicator_code: str
    period: str
    baseline: float | None
    target_value: float
    direction: str


class PlanRead(Output):
    """The partnership's criteria, standard and targets (each replaced as a whole, If-Match of
    the partnership)."""

    criteria: Criteria | None
    standard: list[StandardStepRead]
    targets: list[TargetRead]
    partnership_version: int


class Decision(Input):
    text: ShortText
    task: TaskCreate | None = Field(None, description="A plan task the decision creates")


class MeetingCreate(Input):
    held_on: IsoDate
    present_institution_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)
    agenda: ShortText
    decisions: list[Decision] = Field(default_factory=list, max_length=50)
    minutes: Attachment | None = None
    next_meeting_on: IsoDate | None = None


class DecisionRead(Output):
    text: str
    task_id: uuid.UUID | None


class MinutesRead(Output):
    """The minutes' metadata; ``document_id`` when the file is kept in Splot (download it from
    ``GET /v1/partnerships/{id}/documents/{document_id}``)."""

    title: str
    file_name: str | None = None
    media_type: str | None = None
    size_bytes: int | None = None
    document_id: uuid.UUID | None = None


class DocumentRead(Output):
    id: uuid.UUID
    meeting_id: uuid.UUID | None
    kind: Literal["minutes"]
    title: str
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_by_institution_id: uuid.UUID
    uploaded_at: datetime


class MeetingRead(Output):
    id: uuid.UUID
    held_on: date
    present_institution_ids: list[uuid.UUID]
    agenda: str
    decisions: list[DecisionRead]
    minutes: MinutesRead | None
    next_meeting_on: date | None
    recorded_by_institution_id: uuid.UUID
    version: int


class MeetingPage(Page[MeetingRead]): ...


class EvaluationCreate(Input):
    period: Period
    what_works: ShortText
    barriers: ShortText
    proposals: ShortText
    score: StrictInt = Field(ge=1, le=5)
    #: The problem areas of cooperation the party names (codes of the shared catalogue, 0..5).
    problem_areas: list[ProblemAreaCode] = Field(default_factory=list, max_length=5)


class EvaluationRead(Output):
    id: uuid.UUID
    institution_id: uuid.UUID
    period: str
    what_works: str
    barriers: str
    proposals: str
    score: int
    problem_areas: list[str]
    submitted_at: datetime


class EvaluationPage(Page[EvaluationRead]): ...


class EvaluationSummary(Output):
    period: str
    parties_answered: int
    mean_score: float | None
    #: The newest evaluation of each party for the period.
    latest: list[EvaluationRead]


class StandardDeadline(Output):
    partnership_id: uuid.UUID
    step_id: uuid.UUID
    deadline_working_days: int
