"""Contains all the data models used in inputs/outputs"""

from .aggregate_export_format import AggregateExportFormat
from .aggregate_read import AggregateRead
from .aggregate_read_filters import AggregateReadFilters
from .aggregate_row import AggregateRow
from .aggregate_row_dimensions import AggregateRowDimensions
from .aggregate_row_values import AggregateRowValues
from .as_of import AsOf
from .attachment_read import AttachmentRead
from .body_add_attachment_v1_practices_practice_id_attachments_post import (
    BodyAddAttachmentV1PracticesPracticeIdAttachmentsPost,
)
from .breakdown_row import BreakdownRow
from .breakdown_row_codes import BreakdownRowCodes
from .breakdown_row_dimensions import BreakdownRowDimensions
from .casework_read import CaseworkRead
from .catalogue_read import CatalogueRead
from .cell import Cell
from .cell_read import CellRead
from .contact import Contact
from .contact_read import ContactRead
from .cooperation_read import CooperationRead
from .cooperation_row import CooperationRow
from .crosstab import Crosstab
from .crosstab_row import CrosstabRow
from .dimension_info import DimensionInfo
from .dimension_info_labels_type_0 import DimensionInfoLabelsType0
from .dimension_name import DimensionName
from .distribution_row import DistributionRow
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
from .frozen_report_read import FrozenReportRead
from .goal_count import GoalCount
from .granularity import Granularity
from .health_health_get_response_health_health_get import HealthHealthGetResponseHealthHealthGet
from .measure_info import MeasureInfo
from .measure_name import MeasureName
from .month_row import MonthRow
from .my_practices_v1_practices_mine_get_status_type_0 import MyPracticesV1PracticesMineGetStatusType0
from .network_read import NetworkRead
from .node import Node
from .number_spec import NumberSpec
from .numeric_result import NumericResult
from .numeric_result_read import NumericResultRead
from .option import Option
from .option_result import OptionResult
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
from .practice_page import PracticePage
from .practice_read import PracticeRead
from .practice_read_status import PracticeReadStatus
from .practice_summary import PracticeSummary
from .practice_summary_status import PracticeSummaryStatus
from .practice_write import PracticeWrite
from .problem_area_catalogue import ProblemAreaCatalogue
from .problem_area_catalogue_referral_reasons import ProblemAreaCatalogueReferralReasons
from .problem_area_count import ProblemAreaCount
from .problem_area_read import ProblemAreaRead
from .problem_areas_read import ProblemAreasRead
from .problem_detail import ProblemDetail
from .question import Question
from .question_result import QuestionResult
from .question_type import QuestionType
from .questionnaire_from_template import QuestionnaireFromTemplate
from .questionnaire_list_item import QuestionnaireListItem
from .questionnaire_page import QuestionnairePage
from .questionnaire_read import QuestionnaireRead
from .questionnaire_status import QuestionnaireStatus
from .questionnaire_write import QuestionnaireWrite
from .rate_level import RateLevel
from .rate_row import RateRow
from .reminded import Reminded
from .report_format import ReportFormat
from .report_freeze import ReportFreeze
from .response_rate import ResponseRate
from .response_read import ResponseRead
from .response_read_answers import ResponseReadAnswers
from .response_status import ResponseStatus
from .response_write import ResponseWrite
from .response_write_answers import ResponseWriteAnswers
from .responses_read import ResponsesRead
from .responses_read_filters import ResponsesReadFilters
from .result_filters import ResultFilters
from .review_queue_v1_practices_review_queue_get_status_type_0 import (
    ReviewQueueV1PracticesReviewQueueGetStatusType0,
)
from .round_create import RoundCreate
from .round_list_item import RoundListItem
from .round_page import RoundPage
from .round_read import RoundRead
from .round_results import RoundResults
from .round_status import RoundStatus
from .scale import Scale
from .scope_read import ScopeRead
from .sdmx_structure_v1_sdmx_structure_get_response_200 import SdmxStructureV1SdmxStructureGetResponse200
from .section import Section
from .series_point import SeriesPoint
from .series_point_values import SeriesPointValues
from .series_read import SeriesRead
from .series_read_filters import SeriesReadFilters
from .shared_clients_read import SharedClientsRead
from .shared_clients_row import SharedClientsRow
from .shared_clients_row_values import SharedClientsRowValues
from .show_if import ShowIf
from .source_lag import SourceLag
from .stale_etag_problem import StaleEtagProblem
from .status_read import StatusRead
from .suppression import Suppression
from .survey_suppression import SurveySuppression
from .task_filter import TaskFilter
from .task_item import TaskItem
from .task_list import TaskList
from .template_item import TemplateItem
from .template_list import TemplateList
from .template_read import TemplateRead
from .territory_level import TerritoryLevel
from .text_answer import TextAnswer
from .text_mark import TextMark
from .text_mark_read import TextMarkRead
from .transition_create import TransitionCreate
from .transition_create_action import TransitionCreateAction
from .transition_read import TransitionRead
from .validation_problem import ValidationProblem

__all__ = (
    "AggregateExportFormat",
    "AggregateRead",
    "AggregateReadFilters",
    "AggregateRow",
    "AggregateRowDimensions",
    "AggregateRowValues",
    "AsOf",
    "AttachmentRead",
    "BodyAddAttachmentV1PracticesPracticeIdAttachmentsPost",
    "BreakdownRow",
    "BreakdownRowCodes",
    "BreakdownRowDimensions",
    "CaseworkRead",
    "CatalogueRead",
    "Cell",
    "CellRead",
    "Contact",
    "ContactRead",
    "CooperationRead",
    "CooperationRow",
    "Crosstab",
    "CrosstabRow",
    "DimensionInfo",
    "DimensionInfoLabelsType0",
    "DimensionName",
    "DistributionRow",
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
    "FrozenReportRead",
    "GoalCount",
    "Granularity",
    "HealthHealthGetResponseHealthHealthGet",
    "MeasureInfo",
    "MeasureName",
    "MonthRow",
    "MyPracticesV1PracticesMineGetStatusType0",
    "NetworkRead",
    "Node",
    "NumberSpec",
    "NumericResult",
    "NumericResultRead",
    "Option",
    "OptionResult",
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
    "PracticePage",
    "PracticeRead",
    "PracticeReadStatus",
    "PracticeSummary",
    "PracticeSummaryStatus",
    "PracticeWrite",
    "ProblemAreaCatalogue",
    "ProblemAreaCatalogueReferralReasons",
    "ProblemAreaCount",
    "ProblemAreaRead",
    "ProblemAreasRead",
    "ProblemDetail",
    "Question",
    "QuestionnaireFromTemplate",
    "QuestionnaireListItem",
    "QuestionnairePage",
    "QuestionnaireRead",
    "QuestionnaireStatus",
    "QuestionnaireWrite",
    "QuestionResult",
    "QuestionType",
    "RateLevel",
    "RateRow",
    "Reminded",
    "ReportFormat",
    "ReportFreeze",
    "ResponseRate",
    "ResponseRead",
    "ResponseReadAnswers",
    "ResponsesRead",
    "ResponsesReadFilters",
    "ResponseStatus",
    "ResponseWrite",
    "ResponseWriteAnswers",
    "ResultFilters",
    "ReviewQueueV1PracticesReviewQueueGetStatusType0",
    "RoundCreate",
    "RoundListItem",
    "RoundPage",
    "RoundRead",
    "RoundResults",
    "RoundStatus",
    "Scale",
    "ScopeRead",
    "SdmxStructureV1SdmxStructureGetResponse200",
    "Section",
    "SeriesPoint",
    "SeriesPointValues",
    "SeriesRead",
    "SeriesReadFilters",
    "SharedClientsRead",
    "SharedClientsRow",
    "SharedClientsRowValues",
    "ShowIf",
    "SourceLag",
    "StaleEtagProblem",
    "StatusRead",
    "Suppression",
    "SurveySuppression",
    "TaskFilter",
    "TaskItem",
    "TaskList",
    "TemplateItem",
    "TemplateList",
    "TemplateRead",
    "TerritoryLevel",
    "TextAnswer",
    "TextMark",
    "TextMarkRead",
    "TransitionCreate",
    "TransitionCreateAction",
    "TransitionRead",
    "ValidationProblem",
)
