"""Contains all the data models used in inputs/outputs"""

from .access_log_page import AccessLogPage
from .access_log_read import AccessLogRead
from .access_report import AccessReport
from .access_report_entry import AccessReportEntry
from .access_report_institution import AccessReportInstitution
from .access_request_approve import AccessRequestApprove
from .access_request_box import AccessRequestBox
from .access_request_counts import AccessRequestCounts
from .access_request_create import AccessRequestCreate
from .access_request_decline import AccessRequestDecline
from .access_request_page import AccessRequestPage
from .access_request_person import AccessRequestPerson
from .access_request_read import AccessRequestRead
from .access_request_state import AccessRequestState
from .action_create import ActionCreate
from .action_read import ActionRead
from .action_referral_read import ActionReferralRead
from .action_referral_result import ActionReferralResult
from .action_referral_set import ActionReferralSet
from .action_status import ActionStatus
from .action_update import ActionUpdate
from .assessment import Assessment
from .attribute_change_page import AttributeChangePage
from .attribute_change_read import AttributeChangeRead
from .attribute_change_read_change import AttributeChangeReadChange
from .attribute_definition_list import AttributeDefinitionList
from .attribute_definition_read import AttributeDefinitionRead
from .attribute_page import AttributePage
from .attribute_read import AttributeRead
from .attribute_set import AttributeSet
from .break_glass_create import BreakGlassCreate
from .break_glass_page import BreakGlassPage
from .break_glass_read import BreakGlassRead
from .case_attribute_group import CaseAttributeGroup
from .case_attribute_group_values import CaseAttributeGroupValues
from .case_conference_create import CaseConferenceCreate
from .case_conference_page import CaseConferencePage
from .case_conference_read import CaseConferenceRead
from .conference_participant import ConferenceParticipant
from .conference_participant_read import ConferenceParticipantRead
from .consent_create import ConsentCreate
from .consent_page import ConsentPage
from .consent_purpose import ConsentPurpose
from .consent_read import ConsentRead
from .consent_withdraw import ConsentWithdraw
from .contact_channel import ContactChannel
from .contribution_set import ContributionSet
from .contributor_invite import ContributorInvite
from .contributor_read import ContributorRead
from .create_import_v1_imports_post_files_body import CreateImportV1ImportsPostFilesBody
from .create_import_v1_imports_post_json_body import CreateImportV1ImportsPostJsonBody
from .create_import_v1_imports_post_json_body_rows_item import CreateImportV1ImportsPostJsonBodyRowsItem
from .diagnosis_area_input import DiagnosisAreaInput
from .diagnosis_area_read import DiagnosisAreaRead
from .diagnosis_create import DiagnosisCreate
from .diagnosis_page import DiagnosisPage
from .diagnosis_read import DiagnosisRead
from .diagnosis_read_status import DiagnosisReadStatus
from .diagnosis_update import DiagnosisUpdate
from .event_page import EventPage
from .event_read import EventRead
from .event_read_payload import EventReadPayload
from .export_access_log_v1_access_log_export_get_format import ExportAccessLogV1AccessLogExportGetFormat
from .field_error import FieldError
from .forbidden_problem import ForbiddenProblem
from .goal_assess import GoalAssess
from .goal_create import GoalCreate
from .goal_read import GoalRead
from .goal_read_status import GoalReadStatus
from .grant_create import GrantCreate
from .grant_page import GrantPage
from .grant_read import GrantRead
from .health_health_get_response_health_health_get import HealthHealthGetResponseHealthHealthGet
from .hidden_candidate import HiddenCandidate
from .identity_hint import IdentityHint
from .identity_lookup import IdentityLookup
from .identity_lookup_result import IdentityLookupResult
from .import_column import ImportColumn
from .import_counts import ImportCounts
from .import_page import ImportPage
from .import_read import ImportRead
from .import_row_page import ImportRowPage
from .import_row_read import ImportRowRead
from .import_row_read_problem_type_0 import ImportRowReadProblemType0
from .import_template import ImportTemplate
from .lead_worker_entry import LeadWorkerEntry
from .lead_worker_read import LeadWorkerRead
from .lead_worker_set import LeadWorkerSet
from .legal_basis import LegalBasis
from .likely_duplicate_problem import LikelyDuplicateProblem
from .match_candidate import MatchCandidate
from .match_query import MatchQuery
from .match_result import MatchResult
from .merge_create import MergeCreate
from .merge_field import MergeField
from .merge_page import MergePage
from .merge_read import MergeRead
from .merge_result import MergeResult
from .merge_undo import MergeUndo
from .person_create import PersonCreate
from .person_internal_summary import PersonInternalSummary
from .person_internal_summary_status import PersonInternalSummaryStatus
from .person_list_item import PersonListItem
from .person_page import PersonPage
from .person_read import PersonRead
from .person_update import PersonUpdate
from .plan_create import PlanCreate
from .plan_list_item import PlanListItem
from .plan_list_item_status import PlanListItemStatus
from .plan_list_page import PlanListPage
from .plan_page import PlanPage
from .plan_read import PlanRead
from .plan_read_agreement_method_type_0 import PlanReadAgreementMethodType0
from .plan_read_status import PlanReadStatus
from .plan_type_list import PlanTypeList
from .plan_type_read import PlanTypeRead
from .plan_update import PlanUpdate
from .plan_update_agreement_method_type_0 import PlanUpdateAgreementMethodType0
from .plan_update_status_type_0 import PlanUpdateStatusType0
from .problem_area_list import ProblemAreaList
from .problem_area_read import ProblemAreaRead
from .problem_area_read_group import ProblemAreaReadGroup
from .problem_detail import ProblemDetail
from .referral_check_request import ReferralCheckRequest
from .referral_check_result import ReferralCheckResult
from .referral_check_result_code_type_0 import ReferralCheckResultCodeType0
from .registration_create import RegistrationCreate
from .registration_read import RegistrationRead
from .review_create import ReviewCreate
from .review_read import ReviewRead
from .sex import Sex
from .stale_etag_problem import StaleEtagProblem
from .validation_problem import ValidationProblem

__all__ = (
    "AccessLogPage",
    "AccessLogRead",
    "AccessReport",
    "AccessReportEntry",
    "AccessReportInstitution",
    "AccessRequestApprove",
    "AccessRequestBox",
    "AccessRequestCounts",
    "AccessRequestCreate",
    "AccessRequestDecline",
    "AccessRequestPage",
    "AccessRequestPerson",
    "AccessRequestRead",
    "AccessRequestState",
    "ActionCreate",
    "ActionRead",
    "ActionReferralRead",
    "ActionReferralResult",
    "ActionReferralSet",
    "ActionStatus",
    "ActionUpdate",
    "Assessment",
    "AttributeChangePage",
    "AttributeChangeRead",
    "AttributeChangeReadChange",
    "AttributeDefinitionList",
    "AttributeDefinitionRead",
    "AttributePage",
    "AttributeRead",
    "AttributeSet",
    "BreakGlassCreate",
    "BreakGlassPage",
    "BreakGlassRead",
    "CaseAttributeGroup",
    "CaseAttributeGroupValues",
    "CaseConferenceCreate",
    "CaseConferencePage",
    "CaseConferenceRead",
    "ConferenceParticipant",
    "ConferenceParticipantRead",
    "ConsentCreate",
    "ConsentPage",
    "ConsentPurpose",
    "ConsentRead",
    "ConsentWithdraw",
    "ContactChannel",
    "ContributionSet",
    "ContributorInvite",
    "ContributorRead",
    "CreateImportV1ImportsPostFilesBody",
    "CreateImportV1ImportsPostJsonBody",
    "CreateImportV1ImportsPostJsonBodyRowsItem",
    "DiagnosisAreaInput",
    "DiagnosisAreaRead",
    "DiagnosisCreate",
    "DiagnosisPage",
    "DiagnosisRead",
    "DiagnosisReadStatus",
    "DiagnosisUpdate",
    "EventPage",
    "EventRead",
    "EventReadPayload",
    "ExportAccessLogV1AccessLogExportGetFormat",
    "FieldError",
    "ForbiddenProblem",
    "GoalAssess",
    "GoalCreate",
    "GoalRead",
    "GoalReadStatus",
    "GrantCreate",
    "GrantPage",
    "GrantRead",
    "HealthHealthGetResponseHealthHealthGet",
    "HiddenCandidate",
    "IdentityHint",
    "IdentityLookup",
    "IdentityLookupResult",
    "ImportColumn",
    "ImportCounts",
    "ImportPage",
    "ImportRead",
    "ImportRowPage",
    "ImportRowRead",
    "ImportRowReadProblemType0",
    "ImportTemplate",
    "LeadWorkerEntry",
    "LeadWorkerRead",
    "LeadWorkerSet",
    "LegalBasis",
    "LikelyDuplicateProblem",
    "MatchCandidate",
    "MatchQuery",
    "MatchResult",
    "MergeCreate",
    "MergeField",
    "MergePage",
    "MergeRead",
    "MergeResult",
    "MergeUndo",
    "PersonCreate",
    "PersonInternalSummary",
    "PersonInternalSummaryStatus",
    "PersonListItem",
    "PersonPage",
    "PersonRead",
    "PersonUpdate",
    "PlanCreate",
    "PlanListItem",
    "PlanListItemStatus",
    "PlanListPage",
    "PlanPage",
    "PlanRead",
    "PlanReadAgreementMethodType0",
    "PlanReadStatus",
    "PlanTypeList",
    "PlanTypeRead",
    "PlanUpdate",
    "PlanUpdateAgreementMethodType0",
    "PlanUpdateStatusType0",
    "ProblemAreaList",
    "ProblemAreaRead",
    "ProblemAreaReadGroup",
    "ProblemDetail",
    "ReferralCheckRequest",
    "ReferralCheckResult",
    "ReferralCheckResultCodeType0",
    "RegistrationCreate",
    "RegistrationRead",
    "ReviewCreate",
    "ReviewRead",
    "Sex",
    "StaleEtagProblem",
    "ValidationProblem",
)
