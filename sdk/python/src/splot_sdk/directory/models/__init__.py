"""Contains all the data models used in inputs/outputs"""

from .agreement_create import AgreementCreate
from .agreement_page import AgreementPage
from .agreement_read import AgreementRead
from .agreement_read_status import AgreementReadStatus
from .agreement_update import AgreementUpdate
from .agreement_version_create import AgreementVersionCreate
from .agreement_version_read import AgreementVersionRead
from .annex import Annex
from .api_client_create import ApiClientCreate
from .api_client_page import ApiClientPage
from .api_client_read import ApiClientRead
from .api_client_with_secret import ApiClientWithSecret
from .attachment import Attachment
from .audit_action import AuditAction
from .audit_entry_read import AuditEntryRead
from .audit_entry_read_after_type_0 import AuditEntryReadAfterType0
from .audit_entry_read_before_type_0 import AuditEntryReadBeforeType0
from .audit_page import AuditPage
from .body_token_v1_oauth_token_post import BodyTokenV1OauthTokenPost
from .body_upload_minutes_v1_partnerships_partnership_id_meetings_meeting_id_minutes_post import (
    BodyUploadMinutesV1PartnershipsPartnershipIdMeetingsMeetingIdMinutesPost,
)
from .capacity_update import CapacityUpdate
from .confirmation_read import ConfirmationRead
from .criteria import Criteria
from .criteria_labour_office_status import CriteriaLabourOfficeStatus
from .criteria_social_assistance_use import CriteriaSocialAssistanceUse
from .decision import Decision
from .decision_read import DecisionRead
from .document_read import DocumentRead
from .evaluation_create import EvaluationCreate
from .evaluation_page import EvaluationPage
from .evaluation_read import EvaluationRead
from .evaluation_summary import EvaluationSummary
from .event_page import EventPage
from .event_read import EventRead
from .event_read_payload import EventReadPayload
from .field_error import FieldError
from .forbidden_problem import ForbiddenProblem
from .health_health_get_response_health_health_get import HealthHealthGetResponseHealthHealthGet
from .indicator_code import IndicatorCode
from .institution_create import InstitutionCreate
from .institution_page import InstitutionPage
from .institution_read import InstitutionRead
from .institution_type import InstitutionType
from .institution_update import InstitutionUpdate
from .invitation_answer import InvitationAnswer
from .invitation_create import InvitationCreate
from .jwk import Jwk
from .jwks import Jwks
from .legal_basis_list import LegalBasisList
from .legal_basis_read import LegalBasisRead
from .level import Level
from .me_read import MeRead
from .meeting_create import MeetingCreate
from .meeting_page import MeetingPage
from .meeting_read import MeetingRead
from .minutes_read import MinutesRead
from .o_auth_problem import OAuthProblem
from .occupancy_read import OccupancyRead
from .occupancy_state import OccupancyState
from .offer_create import OfferCreate
from .offer_page import OfferPage
from .offer_read import OfferRead
from .offer_update import OfferUpdate
from .partnership_create import PartnershipCreate
from .partnership_page import PartnershipPage
from .partnership_read import PartnershipRead
from .partnership_read_access import PartnershipReadAccess
from .partnership_read_status import PartnershipReadStatus
from .partnership_summary import PartnershipSummary
from .partnership_summary_status import PartnershipSummaryStatus
from .partnership_update import PartnershipUpdate
from .party_read import PartyRead
from .party_read_state import PartyReadState
from .party_update import PartyUpdate
from .password_change import PasswordChange
from .password_reset import PasswordReset
from .plan_read import PlanRead
from .problem_detail import ProblemDetail
from .programme_create import ProgrammeCreate
from .programme_kind import ProgrammeKind
from .programme_list import ProgrammeList
from .programme_read import ProgrammeRead
from .programme_update import ProgrammeUpdate
from .role import Role
from .service_type_list import ServiceTypeList
from .service_type_read import ServiceTypeRead
from .stale_etag_problem import StaleEtagProblem
from .standard import Standard
from .standard_deadline import StandardDeadline
from .standard_step_in import StandardStepIn
from .standard_step_read import StandardStepRead
from .status import Status
from .target_in import TargetIn
from .target_in_direction import TargetInDirection
from .target_read import TargetRead
from .targets import Targets
from .task_create import TaskCreate
from .task_create_status import TaskCreateStatus
from .task_page import TaskPage
from .task_read import TaskRead
from .task_read_status import TaskReadStatus
from .task_update import TaskUpdate
from .task_update_status_type_0 import TaskUpdateStatusType0
from .termination import Termination
from .territory_list import TerritoryList
from .territory_read import TerritoryRead
from .token_response import TokenResponse
from .token_revocation_list import TokenRevocationList
from .token_revocation_read import TokenRevocationRead
from .token_revocation_read_kind import TokenRevocationReadKind
from .user_contact import UserContact
from .user_create import UserCreate
from .user_membership import UserMembership
from .user_page import UserPage
from .user_read import UserRead
from .user_update import UserUpdate
from .validation_problem import ValidationProblem

__all__ = (
    "AgreementCreate",
    "AgreementPage",
    "AgreementRead",
    "AgreementReadStatus",
    "AgreementUpdate",
    "AgreementVersionCreate",
    "AgreementVersionRead",
    "Annex",
    "ApiClientCreate",
    "ApiClientPage",
    "ApiClientRead",
    "ApiClientWithSecret",
    "Attachment",
    "AuditAction",
    "AuditEntryRead",
    "AuditEntryReadAfterType0",
    "AuditEntryReadBeforeType0",
    "AuditPage",
    "BodyTokenV1OauthTokenPost",
    "BodyUploadMinutesV1PartnershipsPartnershipIdMeetingsMeetingIdMinutesPost",
    "CapacityUpdate",
    "ConfirmationRead",
    "Criteria",
    "CriteriaLabourOfficeStatus",
    "CriteriaSocialAssistanceUse",
    "Decision",
    "DecisionRead",
    "DocumentRead",
    "EvaluationCreate",
    "EvaluationPage",
    "EvaluationRead",
    "EvaluationSummary",
    "EventPage",
    "EventRead",
    "EventReadPayload",
    "FieldError",
    "ForbiddenProblem",
    "HealthHealthGetResponseHealthHealthGet",
    "IndicatorCode",
    "InstitutionCreate",
    "InstitutionPage",
    "InstitutionRead",
    "InstitutionType",
    "InstitutionUpdate",
    "InvitationAnswer",
    "InvitationCreate",
    "Jwk",
    "Jwks",
    "LegalBasisList",
    "LegalBasisRead",
    "Level",
    "MeetingCreate",
    "MeetingPage",
    "MeetingRead",
    "MeRead",
    "MinutesRead",
    "OAuthProblem",
    "OccupancyRead",
    "OccupancyState",
    "OfferCreate",
    "OfferPage",
    "OfferRead",
    "OfferUpdate",
    "PartnershipCreate",
    "PartnershipPage",
    "PartnershipRead",
    "PartnershipReadAccess",
    "PartnershipReadStatus",
    "PartnershipSummary",
    "PartnershipSummaryStatus",
    "PartnershipUpdate",
    "PartyRead",
    "PartyReadState",
    "PartyUpdate",
    "PasswordChange",
    "PasswordReset",
    "PlanRead",
    "ProblemDetail",
    "ProgrammeCreate",
    "ProgrammeKind",
    "ProgrammeList",
    "ProgrammeRead",
    "ProgrammeUpdate",
    "Role",
    "ServiceTypeList",
    "ServiceTypeRead",
    "StaleEtagProblem",
    "Standard",
    "StandardDeadline",
    "StandardStepIn",
    "StandardStepRead",
    "Status",
    "TargetIn",
    "TargetInDirection",
    "TargetRead",
    "Targets",
    "TaskCreate",
    "TaskCreateStatus",
    "TaskPage",
    "TaskRead",
    "TaskReadStatus",
    "TaskUpdate",
    "TaskUpdateStatusType0",
    "Termination",
    "TerritoryList",
    "TerritoryRead",
    "TokenResponse",
    "TokenRevocationList",
    "TokenRevocationRead",
    "TokenRevocationReadKind",
    "UserContact",
    "UserCreate",
    "UserMembership",
    "UserPage",
    "UserRead",
    "UserUpdate",
    "ValidationProblem",
)
