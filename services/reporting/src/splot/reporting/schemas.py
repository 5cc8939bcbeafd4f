"""Request and response documents. Field names here are the published, stable contract."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic_core import PydanticCustomError

from splot.common.api import Page
from splot.reporting.periods import PERIOD_LABEL


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class Granularity(StrEnum):
    month = "month"
    quarter = "quarter"
    year = "year"


class TerritoryLevel(StrEnum):
    national = "national"
    voivodeship = "voivodeship"
    powiat = "powiat"


class ExportFormat(StrEnum):
    csv = "csv"
    xlsx = "xlsx"


class AggregateExportFormat(StrEnum):
    """The aggregate's downloads: CSV, XLSX, or SDMX-CSV 2.0.0 (docs/indicators.md, "SDMX")."""

    csv = "csv"
    xlsx = "xlsx"
    sdmx_csv = "sdmx-csv"


#: C0 control characters: never in free text (they break exports and terminals), except that
#: multi-line text keeps tab, line feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_CONTROL_OR_LINE_BREAK = re.compile(r"[\x00-\x1f]")


def _refuse(pattern: re.Pattern[str], message: str) -> Any:
    def check(value: Any) -> Any:
        # Before stripping and type coercion, so that a control character is refused wherever it is.
        if isinstance(value, str) and pattern.search(value):
            raise PydanticCustomError("control_character", message)  # the input is not echoed
        return value

    return BeforeValidator(check)


#: One line of text (titles): no control characters at all, not even tab or line breaks.
SingleLineText = Annotated[
    str, _refuse(_CONTROL_OR_LINE_BREAK, "control characters, tabs and line breaks are not allowed here")
]
#: Free text over several lines (notes): tab, line feed and carriage return allowed, no other control.
MultiLineText = Annotated[str, _refuse(_CONTROL, "control characters are not allowed")]

PeriodLabel = Annotated[str, StringConstraints(pattern=PERIOD_LABEL)]
TerritoryCode = Annotated[str, StringConstraints(pattern=r"^(\d{2}|\d{4})?$")]


class Cell(BaseModel):
    """A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0."""

    value: float | int | None
    suppressed: bool


class SourceLag(BaseModel):
    source: str
    last_seq: int
    head_seq: int
    #: Events published by the source and not yet consumed (head_seq - last_seq).
    lag: int
    last_success_at: datetime | None
    last_error_at: datetime | None
    consecutive_failures: int


class AsOf(BaseModel):
    generated_at: datetime
    #: The oldest of the sources' last successful polls: the data reflect events up to then.
    data_as_of: datetime | None
    sources: list[SourceLag]


class Suppression(BaseModel):
    threshold: int
    sensitive_threshold: int
    rounding_base: int
    sensitive_service_types: list[str]


class ScopeRead(BaseModel):
    kind: str = Field(description="national, voivodeship, powiat or institution")
    territory: str | None
    institution_id: uuid.UUID | None


class Envelope(BaseModel):
    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression


class AggregateRow(BaseModel):
    period: str
    dimensions: dict[str, str]
    values: dict[str, Cell]


class AggregateRead(Envelope):
    granularity: Granularity
    measures: list[str]
    dimensions: list[str]
    filters: dict[str, str]
    rows: list[AggregateRow]


class BreakdownRow(BaseModel):
    period: str
    dimensions: dict[str, str]
    codes: dict[str, str]
    count: Cell


class ResponsesRead(AggregateRead):
    #: Reasons of rejections, failures and cancellations, split by status and by who declined.
    reasons: list[BreakdownRow]


class OutcomesRead(AggregateRead):
    outcome_codes: list[BreakdownRow]


class SeriesPoint(BaseModel):
    period: str
    values: dict[str, Cell]


class SeriesRead(Envelope):
    granularity: Granularity
    measures: list[str]
    filters: dict[str, str]
    points: list[SeriesPoint]


class SharedClientsRow(BaseModel):
    period: str
    territory: str | None
    values: dict[str, Cell]


class SharedClientsRead(Envelope):
    period: str
    level: TerritoryLevel
    rows: list[SharedClientsRow]


class CooperationRow(BaseModel):
    period: str
    powiat: str
    cooperation_index: Cell
    referrals: Cell
    active_pairs: Cell
    reciprocity: Cell
    sector_coverage: Cell
    ngo_involvement: Cell
    agreement_coverage: Cell
    agreements_in_force: int


class CooperationRead(Envelope):
    period: str
    rows: list[CooperationRow]


class Node(Output):
    id: uuid.UUID
    name: str
    type: str
    powiat_code: str
    voivodeship_code: str


class Edge(BaseModel):
    source: uuid.UUID
    target: uuid.UUID
    referrals: Cell
    accepted: Cell
    completed: Cell


class NetworkRead(Envelope):
    period: str
    nodes: list[Node]
    edges: list[Edge]
    truncated: bool


class PartnerRow(BaseModel):
    partner: Node
    agreement_in_force: bool
    values: dict[str, Cell]


class PartnersRead(Envelope):
    period: str
    institution: Node
    partners: list[PartnerRow]


class PartnershipFlowRow(BaseModel):
    #: ``SENDER->RECEIVER`` institution types.
    route: str
    service_type: str
    values: dict[str, Cell]


class PartnershipMeasuresRead(Envelope):
    partnership_id: uuid.UUID
    #: The partnership's status today, from its agreement versions as in the directory.
    status: str
    period_from: str
    period_to: str
    #: True: exact numbers (the caller's institution is a party); false: through the
    #: suppression policy (``suppression``).
    exact: bool
    #: Joint referrals (sender and receiver both parties on the day it was sent) per route and
    #: service type: referrals, responded, accepted, completed, employment_outcome.
    flows: list[PartnershipFlowRow]
    #: One value per indicator code a partnership's target may use.
    indicators: dict[str, Cell]


class PlanTypeCount(BaseModel):
    plan_type: str
    value: Cell


class GoalCount(BaseModel):
    area_code: str
    assessment: str
    value: Cell


class CaseworkRead(Envelope):
    """The casework measures of a period (definitions in docs/indicators.md, "Casework")."""

    period_from: str
    period_to: str
    #: True: exact numbers (an institution's own plans); false: through the suppression policy.
    exact: bool
    persons_with_plan: Cell
    persons_with_plan_by_type: list[PlanTypeCount]
    persons_with_joint_plan: Cell
    #: Goals assessed in the period by problem area and assessment.
    goals: list[GoalCount]
    actions: Cell
    actions_by_other_institution: Cell
    share_by_other_institution: Cell
    plans_with_first_action_after_diagnosis: Cell
    median_working_days_diagnosis_to_first_action: Cell
    plans_reviewed: Cell
    plans_reviewed_on_time: Cell
    review_on_time_share: Cell


class MeasureInfo(BaseModel):
    name: str
    kind: str
    definition: str
    formula: str
    numerator: list[str]
    denominator: list[str]


class DimensionInfo(BaseModel):
    name: str
    definition: str
    values: list[str] | None
    pattern: str | None
    labels: dict[str, str] | None = Field(
        None, description="Names of known values (programme: the directory's programme catalogue)"
    )


class CatalogueRead(BaseModel):
    measures: list[MeasureInfo]
    dimensions: list[DimensionInfo]
    granularities: list[Granularity]
    suppression: Suppression


class StatusRead(BaseModel):
    as_of: AsOf


class EditionCreate(Input):
    period: PeriodLabel = Field(description="YYYY-MM, YYYY-Qn or YYYY")
    territory: TerritoryCode = Field("", description='"" national, 2 digits a voivodeship, 4 digits a powiat')
    title: Annotated[SingleLineText, StringConstraints(min_length=1, max_length=200)] | None = Field(
        None, description="One line: no control characters, tabs or line breaks"
    )


class EditionCorrection(Input):
    change_note: Annotated[MultiLineText, StringConstraints(min_length=3, max_length=2000)] = Field(
        description="What changed; no control characters other than tab and line breaks"
    )


class EditionVersionInfo(Output):
    version: int
    change_note: str | None
    published_at: datetime
    has_report: bool = Field(False, description="A results report is frozen in this version")


class EditionRead(Output):
    id: uuid.UUID
    period: str
    granularity: Granularity
    territory: str
    title: str
    current_version: int
    created_at: datetime
    updated_at: datetime
    versions: list[EditionVersionInfo]


class EditionPage(Page[EditionRead]): ...


class EditionTable(BaseModel):
    name: str
    title: str
    dimensions: list[str]
    measures: list[str]
    rows: list[AggregateRow]


class EditionContent(BaseModel):
    period: str
    granularity: Granularity
    scope: ScopeRead
    as_of: AsOf
    suppression: Suppression
    tables: list[EditionTable]


class EditionVersionRead(BaseModel):
    edition_id: uuid.UUID
    version: int
    change_note: str | None
    published_at: datetime
    content: EditionContent
