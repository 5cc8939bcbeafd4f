"""The surveys' request and response documents (the contract's names, /tmp briefs: surveys-api)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from splot.common.api import Page
from splot.common.validation import IsoDate, MultiLine, SingleLine
from splot.reporting.schemas import Cell

KEY = r"^[a-z][a-z0-9_]{0,39}$"
OPTION_VALUE = r"^[a-z0-9_]{1,40}$"
MONTH = r"^\d{4}-(0[1-9]|1[0-2])$"
Key = Annotated[str, StringConstraints(pattern=KEY)]
OptionValue = Annotated[str, StringConstraints(pattern=OPTION_VALUE)]
Month = Annotated[str, StringConstraints(pattern=MONTH)]
Territory = Annotated[str, StringConstraints(pattern=r"^(\d{2}|\d{4})?$")]
InstitutionType = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2,9}$")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class QuestionType(StrEnum):
    single_choice = "single_choice"
    multiple_choice = "multiple_choice"
    scale = "scale"
    number = "number"
    date = "date"
    text = "text"


class QuestionnaireStatus(StrEnum):
    draft = "draft"
    frozen = "frozen"


class RoundStatus(StrEnum):
    open = "open"
    closed = "closed"


class ResponseStatus(StrEnum):
    not_started = "not_started"
    draft = "draft"
    submitted = "submitted"


class Option(Input):
    value: OptionValue
    label: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    problem_area: Annotated[str, Field(max_length=48)] | None = None


class Scale(Input):
    min: Annotated[int, Field(ge=0, le=10)]
    max: Annotated[int, Field(ge=0, le=10)]
    min_label: Annotated[SingleLine, Field(max_length=100)] | None = None
    max_label: Annotated[SingleLine, Field(max_length=100)] | None = None


class NumberSpec(Input):
    min: Annotated[float, Field(ge=-1e12, le=1e12)] | None = None
    max: Annotated[float, Field(ge=-1e12, le=1e12)] | None = None
    integer: bool = False
    unit: Annotated[SingleLine, Field(max_length=40)] | None = None


class ShowIf(Input):
    question: Key
    equals_any: Annotated[list[Annotated[str, Field(max_length=40)]], Field(min_length=1, max_length=30)]


class Question(Input):
    key: Key
    text: Annotated[SingleLine, Field(min_length=1, max_length=300)]
    help: Annotated[MultiLine, Field(max_length=1000)] | None = None
    type: QuestionType
    required: bool = False
    options: Annotated[list[Option], Field(max_length=30)] = []
    scale: Scale | None = None
    number: NumberSpec | None = None
    show_if: ShowIf | None = None
    indicator: Annotated[str, Field(max_length=64)] | None = None


class Section(Input):
    key: Key
    title: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    description: Annotated[MultiLine, Field(max_length=2000)] | None = None
    questions: Annotated[list[Question], Field(min_length=1, max_length=50)]


class QuestionnaireWrite(Input):
    title: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    description: Annotated[MultiLine, Field(max_length=4000)] | None = None
    sections: Annotated[list[Section], Field(min_length=1, max_length=20)]


class QuestionnaireFromTemplate(Input):
    template: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]{1,64}$")]
    title: Annotated[SingleLine, Field(min_length=1, max_length=200)] | None = None


class TemplateItem(BaseModel):
    code: str
    title: str
    description: str | None
    questions: int


class TemplateList(BaseModel):
    items: list[TemplateItem]


class TemplateRead(QuestionnaireWrite):
    model_config = ConfigDict(extra="ignore")
    code: str


class QuestionnaireRead(QuestionnaireWrite):
    model_config = ConfigDict(extra="ignore")
    id: uuid.UUID
    status: QuestionnaireStatus
    version_no: int
    previous_id: uuid.UUID | None
    template: str | None
    owner_scope: str
    created_at: datetime
    updated_at: datetime
    rounds: int


class QuestionnaireListItem(BaseModel):
    id: uuid.UUID
    title: str
    status: QuestionnaireStatus
    version_no: int
    template: str | None
    owner_scope: str
    updated_at: datetime
    rounds: int


class QuestionnairePage(Page[QuestionnaireListItem]):
    pass


class RoundCreate(Input):
    questionnaire_id: uuid.UUID
    title: Annotated[SingleLine, Field(min_length=1, max_length=200)]
    territory: Territory
    institution_types: Annotated[list[InstitutionType], Field(min_length=1, max_length=10)]
    period_from: Month
    period_to: Month
    deadline: IsoDate
    reminder_days: Annotated[int, Field(ge=0, le=30)] = 3


class RoundRead(BaseModel):
    id: uuid.UUID
    title: str
    questionnaire_id: uuid.UUID
    questionnaire_title: str
    status: RoundStatus
    territory: str
    institution_types: list[str]
    period_from: str
    period_to: str
    deadline: date
    reminder_days: int
    owner_scope: str
    is_owner: bool
    opened_at: datetime
    closed_at: datetime | None
    invited: int
    drafts: int
    submitted: int
    response_rate: float
    reminders_sent_at: datetime | None


class RoundListItem(BaseModel):
    id: uuid.UUID
    title: str
    status: RoundStatus
    territory: str
    deadline: date
    invited: int
    submitted: int
    response_rate: float


class RoundPage(Page[RoundListItem]):
    pass


class Reminded(BaseModel):
    reminded: int


class RateLevel(StrEnum):
    voivodeship = "voivodeship"
    powiat = "powiat"


class RateRow(BaseModel):
    territory: str
    name: str
    invited: int
    submitted: int
    drafts: int
    response_rate: float


class ResponseRate(BaseModel):
    round_id: uuid.UUID
    level: RateLevel
    rows: list[RateRow]


class OptionResult(BaseModel):
    value: str
    label: str
    count: Cell
    share: Cell


class DistributionRow(BaseModel):
    value: int
    count: Cell


class MonthRow(BaseModel):
    month: str
    count: Cell


class TextAnswer(BaseModel):
    answer_id: uuid.UUID
    text: str
    publishable: bool


class QuestionResult(BaseModel):
    key: str
    text: str
    type: QuestionType
    section: str
    answered: Cell
    options: list[OptionResult] | None = None
    distribution: list[DistributionRow] | None = None
    mean: Cell | None = None
    median: Cell | None = None
    months: list[MonthRow] | None = None
    texts: list[TextAnswer] | None = None


class ResultFilters(BaseModel):
    territory: str | None
    question: str | None
    answer: str | None


class SurveySuppression(BaseModel):
    threshold: int
    rule: str


class RoundResults(BaseModel):
    round_id: uuid.UUID
    as_of: datetime
    respondents: Cell
    filters: ResultFilters
    suppression: SurveySuppression
    questions: list[QuestionResult]


class CrosstabRow(BaseModel):
    value: str
    label: str
    institutions: Cell
    indicator: Cell


class Crosstab(BaseModel):
    round_id: uuid.UUID
    question: str
    indicator: str
    period_from: str
    period_to: str
    rows: list[CrosstabRow]


class TextMark(Input):
    publishable: bool


class TextMarkRead(BaseModel):
    answer_id: uuid.UUID
    publishable: bool


class TaskItem(BaseModel):
    round_id: uuid.UUID
    title: str
    territory: str
    owner_scope: str
    deadline: date
    days_left: int
    status: ResponseStatus
    submitted_at: datetime | None
    updated_at: datetime | None
    reminded_at: datetime | None
    round_status: RoundStatus


class TaskList(BaseModel):
    items: list[TaskItem]


class TaskFilter(StrEnum):
    open = "open"
    all = "all"


class ResponseWrite(Input):
    answers: Annotated[dict[Key, Any], Field(max_length=1500)]


class ResponseRead(BaseModel):
    round_id: uuid.UUID
    status: ResponseStatus
    answers: dict[str, Any]
    submitted_at: datetime | None
    updated_at: datetime | None
    deadline: date
    editable: bool
    questionnaire: QuestionnaireWrite
