"""Contains all the data models used in inputs/outputs"""

from .aggregate_export_format import AggregateExportFormat
from .aggregate_read import AggregateRead
from .aggregate_read_filters import AggregateReadFilters
from .aggregate_row import AggregateRow
from .aggregate_row_dimensions import AggregateRowDimensions
from .aggregate_row_values import AggregateRowValues
from .as_of import AsOf
from .breakdown_row import BreakdownRow
from .breakdown_row_codes import BreakdownRowCodes
from .breakdown_row_dimensions import BreakdownRowDimensions
from .casework_read import CaseworkRead
from .catalogue_read import CatalogueRead
from .cell import Cell
from .cooperation_read import CooperationRead
from .cooperation_row import CooperationRow
from .dimension_info import DimensionInfo
from .dimension_name import DimensionName
from .edge import Edge
from .edition_content import EditionContent
from .edition_correction import EditionCorrection
from .edition_create import EditionCreate
from .edition_page import EditionPage
from .edition_read import EditionRead
from .edition_table import EditionTable
from .edition_version_info import EditionVersionInfo
from .edition_version_read import EditionVersionRead
from .event_page import EventPage
from .event_read import EventRead
from .event_read_payload import EventReadPayload
from .export_format import ExportFormat
from .field_error import FieldError
from .forbidden_problem import ForbiddenProblem
from .goal_count import GoalCount
from .granularity import Granularity
from .health_health_get_response_health_health_get import HealthHealthGetResponseHealthHealthGet
from .measure_info import MeasureInfo
from .measure_name import MeasureName
from .network_read import NetworkRead
from .node import Node
from .outcomes_read import OutcomesRead
from .outcomes_read_filters import OutcomesReadFilters
from .partner_row import PartnerRow
from .partner_row_values import PartnerRowValues
from .partners_read import PartnersRead
from .partnership_flow_row import PartnershipFlowRow
from .partnership_flow_row_values import PartnershipFlowRowValues
from .partnership_measures_read import PartnershipMeasuresRead
from .partnership_measures_read_indicators import PartnershipMeasuresReadIndicators
from .plan_type_count import PlanTypeCount
from .problem_detail import ProblemDetail
from .responses_read import ResponsesRead
from .responses_read_filters import ResponsesReadFilters
from .scope_read import ScopeRead
from .sdmx_structure_v1_sdmx_structure_get_response_200 import SdmxStructureV1SdmxStructureGetResponse200
from .series_point import SeriesPoint
from .series_point_values import SeriesPointValues
from .series_read import SeriesRead
from .series_read_filters import SeriesReadFilters
from .shared_clients_read import SharedClientsRead
from .shared_clients_row import SharedClientsRow
from .shared_clients_row_values import SharedClientsRowValues
from .source_lag import SourceLag
from .stale_etag_problem import StaleEtagProblem
from .status_read import StatusRead
from .suppression import Suppression
from .territory_level import TerritoryLevel
from .validation_problem import ValidationProblem

__all__ = (
    "AggregateExportFormat",
    "AggregateRead",
    "AggregateReadFilters",
    "AggregateRow",
    "AggregateRowDimensions",
    "AggregateRowValues",
    "AsOf",
    "BreakdownRow",
    "BreakdownRowCodes",
    "BreakdownRowDimensions",
    "CaseworkRead",
    "CatalogueRead",
    "Cell",
    "CooperationRead",
    "CooperationRow",
    "DimensionInfo",
    "DimensionName",
    "Edge",
    "EditionContent",
    "EditionCorrection",
    "EditionCreate",
    "EditionPage",
    "EditionRead",
    "EditionTable",
    "EditionVersionInfo",
    "EditionVersionRead",
    "EventPage",
    "EventRead",
    "EventReadPayload",
    "ExportFormat",
    "FieldError",
    "ForbiddenProblem",
    "GoalCount",
    "Granularity",
    "HealthHealthGetResponseHealthHealthGet",
    "MeasureInfo",
    "MeasureName",
    "NetworkRead",
    "Node",
    "OutcomesRead",
    "OutcomesReadFilters",
    "PartnerRow",
    "PartnerRowValues",
    "PartnershipFlowRow",
    "PartnershipFlowRowValues",
    "PartnershipMeasuresRead",
    "PartnershipMeasuresReadIndicators",
    "PartnersRead",
    "PlanTypeCount",
    "ProblemDetail",
    "ResponsesRead",
    "ResponsesReadFilters",
    "ScopeRead",
    "SdmxStructureV1SdmxStructureGetResponse200",
    "SeriesPoint",
    "SeriesPointValues",
    "SeriesRead",
    "SeriesReadFilters",
    "SharedClientsRead",
    "SharedClientsRow",
    "SharedClientsRowValues",
    "SourceLag",
    "StaleEtagProblem",
    "StatusRead",
    "Suppression",
    "TerritoryLevel",
    "ValidationProblem",
)
