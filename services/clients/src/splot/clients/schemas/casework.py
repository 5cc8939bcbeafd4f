"""Casework: the problem-area and plan-type catalogues, diagnoses (joint ones with their
contributors), the lead worker and case conferences."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StrictBool, StringConstraints

from splot.clients.schemas.fields import Input, Output
from splot.common.api import Page
from splot.common.validation import IsoDate, MultiLine, SingleLine

Note = Annotated[MultiLine, StringConstraints(min_length=1, max_length=4000)]
LongText = Annotated[MultiLine, StringConstraints(min_length=1, max_length=8000)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,47}$")]
DisplayName = Annotated[SingleLine, StringConstraints(min_length=1, max_length=200)]
Subject = Annotated[SingleLine, StringConstraints(min_length=1, max_length=128)]


class ProblemAreaRead(Output):
    code: str
    label_pl: str
    label_en: str
    group: Literal["social_assistance_ground", "employment_barrier"]
    sensitive: bool


class ProblemAreaList(BaseModel):
    items: list[ProblemAreaRead]


class PlanTypeRead(Output):
    code: str
    label_pl: str
    label_en: str
    legal_basis_code: str = Field(description="A code of the directory's legal-basis catalogue")
    institution_types: list[str] = Field(description="Institution types that may own a plan of this type")
    joint: bool


class PlanTypeList(BaseModel):
    items: list[PlanTypeRead]


# --- diagnoses ---------------------------------------------------------------------------------


class DiagnosisAreaInput(Input):
    code: AreaCode
    note: Note | None = None
    sensitive: StrictBool = Field(
        False, description="Raise the area to sensitive (a sensitive catalogue area always is)"
    )


class DiagnosisCreate(Input):
    diagnosed_on: IsoDate
    joint: StrictBool = False
    areas: list[DiagnosisAreaInput] = Field(default_factory=list, max_length=30)
    strengths: LongText | None = None
    person_view: LongText | None = None
    conclusion: LongText | None = None


class DiagnosisUpdate(Input):
    """The owner's part of a draft diagnosis; given fields replace (``areas``: the owner's areas)."""

    diagnosed_on: IsoDate | None = None
    areas: list[DiagnosisAreaInput] | None = Field(None, max_length=30)
    strengths: LongText | None = None
    person_view: LongText | None = None
    conclusion: LongText | None = None


class ContributorInvite(Input):
    institution_id: uuid.UUID


class ContributionSet(Input):
    """A contributor's section of a joint diagnosis and the areas it found (replaced as a whole)."""

    section: LongText | None = None
    areas: list[DiagnosisAreaInput] = Field(default_factory=list, max_length=30)


class DiagnosisAreaRead(BaseModel):
    code: str
    institution_id: uuid.UUID
    note: str | None
    sensitive: bool


class ContributorRead(BaseModel):
    institution_id: uuid.UUID
    invited_at: datetime
    section: str | None
    signed_at: datetime | None


class DiagnosisRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    owner_institution_id: uuid.UUID
    author_sub: str
    diagnosed_on: date
    joint: bool
    status: Literal["draft", "signed"]
    areas: list[DiagnosisAreaRead]
    hidden_sensitive_areas: int = Field(description="Sensitive areas recorded that you may not see")
    strengths: str | None
    person_view: str | None
    conclusion: str | None
    contributors: list[ContributorRead]
    signed_at: datetime | None
    created_at: datetime
    updated_at: datetime
    version: int


class DiagnosisPage(Page[DiagnosisRead]): ...


# --- lead worker and case conferences ---------------------------------------------------------


class LeadWorkerSet(Input):
    """A member of the caller's institution's staff becomes the person's lead worker."""

    user_sub: Subject
    display_name: DisplayName
    reason: Annotated[MultiLine, StringConstraints(min_length=3, max_length=1000)] | None = None


class LeadWorkerEntry(BaseModel):
    institution_id: uuid.UUID
    user_sub: str
    display_name: str
    assigned_at: datetime
    assigned_by: str
    ended_at: datetime | None


class LeadWorkerRead(BaseModel):
    person_id: uuid.UUID
    current: LeadWorkerEntry | None
    history: list[LeadWorkerEntry]
    version: int = Field(description="Number of assignments so far (the ETag's version)")


class ConferenceParticipant(Input):
    institution_id: uuid.UUID
    staff: list[DisplayName] = Field(default_factory=list, max_length=20)


class CaseConferenceCreate(Input):
    held_on: IsoDate
    person_present: StrictBool
    participants: list[ConferenceParticipant] = Field(min_length=1, max_length=20)
    decisions: LongText | None = None


class ConferenceParticipantRead(BaseModel):
    institution_id: uuid.UUID
    staff: list[str]


class CaseConferenceRead(BaseModel):
    id: uuid.UUID
    person_id: uuid.UUID
    organiser_institution_id: uuid.UUID
    held_on: date
    person_present: bool
    participants: list[ConferenceParticipantRead]
    decisions: str | None
    action_ids: list[uuid.UUID] = Field(description="Plan actions created at this conference")
    created_at: datetime


class CaseConferencePage(Page[CaseConferenceRead]): ...
