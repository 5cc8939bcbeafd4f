"""Request and response documents of good practices and problem areas."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import EmailStr, Field, StrictFloat, StrictInt, StringConstraints

from splot.common.api import Page
from splot.common.validation import IsoDate, MultiLine, SingleLine
from splot.reporting.schemas import Envelope, Input, Output

Title = Annotated[SingleLine, StringConstraints(min_length=3, max_length=300)]
Text = Annotated[MultiLine, StringConstraints(min_length=1, max_length=8000)]
OptionalText = Annotated[MultiLine, StringConstraints(max_length=8000)]
Tag = Annotated[SingleLine, StringConstraints(min_length=1, max_length=60)]
AreaCode = Annotated[str, StringConstraints(pattern=r"^[a-z_]{1,48}$")]
Comment = Annotated[MultiLine, StringConstraints(min_length=1, max_length=4000)]
Status = Literal["draft", "submitted", "returned", "accepted", "rejected", "published"]
Action = Literal["submit", "accept", "return", "reject", "publish", "unpublish"]


class NumericResult(Input):
    label: Annotated[SingleLine, StringConstraints(min_length=1, max_length=120)]
    value: StrictInt | StrictFloat
    unit: Annotated[SingleLine, StringConstraints(max_length=30)] = ""


class Contact(Input):
    name: Annotated[SingleLine, StringConstraints(min_length=1, max_length=200)]
    email: EmailStr
    phone: Annotated[SingleLine, StringConstraints(pattern=r"^\+?[0-9 ()-]{6,30}$")] | None = None


class PracticeWrite(Input):
    """A practice as its institution describes it (the institution is the caller's own)."""

    title: Title
    summary: Text
    since: IsoDate
    problem_areas: list[AreaCode] = Field(min_length=1, max_length=5)
    partnership_id: uuid.UUID | None = None
    topic_tags: list[Tag] = Field(default_factory=list, max_length=10)
    target_groups: list[Tag] = Field(default_factory=list, max_length=10)
    results: OptionalText = ""
    numeric_results: list[NumericResult] = Field(default_factory=list, max_length=5)
    contact: Contact


class TransitionCreate(Input):
    action: Action
    #: Required to return or reject (what the submitter should change, or why).
    comment: Comment | None = None


class NumericResultRead(Output):
    label: str
    value: float
    unit: str


class ContactRead(Output):
    name: str
    email: str
    phone: str | None


class AttachmentRead(Output):
    id: uuid.UUID
    file_name: str
    media_type: str
    size_bytes: int
    uploaded_at: datetime


class TransitionRead(Output):
    action: str
    from_status: str | None
    to_status: str
    actor_institution_id: uuid.UUID | None
    actor_role: str
    comment: str | None
    at: datetime


class PracticeSummary(Output):
    """A practice in a list (no contact, no history)."""

    id: uuid.UUID
    status: Status
    title: str
    summary: str
    institution_id: uuid.UUID
    institution_name: str | None
    institution_type: str
    teryt: str
    problem_areas: list[str]
    since: date
    published_at: datetime | None
    updated_at: datetime


class PracticeRead(PracticeSummary):
    partnership_id: uuid.UUID | None
    topic_tags: list[str]
    target_groups: list[str]
    results: str
    numeric_results: list[NumericResultRead]
    contact: ContactRead
    attachments: list[AttachmentRead]
    history: list[TransitionRead]
    #: What the caller may do now (``edit``, ``attach`` and the transitions' actions).
    allowed_actions: list[str]
    version: int


class PracticePage(Page[PracticeSummary]): ...


class ProblemAreaRead(Output):
    code: str
    name_pl: str
    name_en: str
    description_pl: str
    description_en: str


class ProblemAreaCatalogue(Output):
    items: list[ProblemAreaRead]
    #: The referrals' reason code → its area.
    referral_reasons: dict[str, str]


class CellRead(Output):
    value: float | int | None
    suppressed: bool


class ProblemAreaCount(Output):
    code: str
    name_pl: str
    name_en: str
    referrals: CellRead
    evaluations: CellRead
    surveys: CellRead
    total: CellRead
    #: A part of the total is suppressed (the total is a lower bound).
    partial: bool


class ProblemAreasRead(Envelope):
    territory: str | None
    period_from: str
    period_to: str
    exact: bool
    #: The threshold institution-based counts (evaluations, surveys) are protected with.
    institution_threshold: int
    items: list[ProblemAreaCount]
