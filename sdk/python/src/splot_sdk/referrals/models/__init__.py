"""Contains all the data models used in inputs/outputs"""

from .allowed_action import AllowedAction
from .attempt_read import AttemptRead
from .box import Box
from .box_sort import BoxSort
from .business_status import BusinessStatus
from .capacity_warning import CapacityWarning
from .chain_node import ChainNode
from .chain_read import ChainRead
from .consent_basis import ConsentBasis
from .counts_read import CountsRead
from .counts_read_by_status import CountsReadByStatus
from .declined_by import DeclinedBy
from .delivery_brief import DeliveryBrief
from .delivery_page import DeliveryPage
from .delivery_read import DeliveryRead
from .delivery_status import DeliveryStatus
from .event_page import EventPage
from .event_read import EventRead
from .event_read_payload import EventReadPayload
from .event_type import EventType
from .feed_event import FeedEvent
from .feed_event_data import FeedEventData
from .feed_page import FeedPage
from .field_error import FieldError
from .follow_up_answer import FollowUpAnswer
from .follow_up_page import FollowUpPage
from .follow_up_read import FollowUpRead
from .follow_up_status import FollowUpStatus
from .forbidden_problem import ForbiddenProblem
from .forward_request import ForwardRequest
from .health_health_get_response_health_health_get import HealthHealthGetResponseHealthHealthGet
from .legal_basis_read import LegalBasisRead
from .legal_basis_read_kind import LegalBasisReadKind
from .marked_read import MarkedRead
from .message_create import MessageCreate
from .message_page import MessagePage
from .message_read import MessageRead
from .message_update import MessageUpdate
from .notification_page import NotificationPage
from .notification_read import NotificationRead
from .outcome_code_list import OutcomeCodeList
from .outcome_code_read import OutcomeCodeRead
from .outcome_kind import OutcomeKind
from .person_referral_item import PersonReferralItem
from .person_referral_page import PersonReferralPage
from .priority import Priority
from .problem_detail import ProblemDetail
from .read_view import ReadView
from .reason_code_list import ReasonCodeList
from .reason_code_read import ReasonCodeRead
from .receipt_read import ReceiptRead
from .referral_create import ReferralCreate
from .referral_event_list import ReferralEventList
from .referral_event_read import ReferralEventRead
from .referral_event_read_payload import ReferralEventReadPayload
from .referral_page import ReferralPage
from .referral_read import ReferralRead
from .referral_update import ReferralUpdate
from .sender_contact import SenderContact
from .side import Side
from .stale_etag_problem import StaleEtagProblem
from .status import Status
from .statutory_basis import StatutoryBasis
from .subscription_create import SubscriptionCreate
from .subscription_list_item import SubscriptionListItem
from .subscription_page import SubscriptionPage
from .subscription_read import SubscriptionRead
from .subscription_update import SubscriptionUpdate
from .subscription_with_secret import SubscriptionWithSecret
from .transition_action import TransitionAction
from .transition_request import TransitionRequest
from .transition_rule_read import TransitionRuleRead
from .unread_count import UnreadCount
from .validation_problem import ValidationProblem
from .workflow_problem import WorkflowProblem
from .workflow_read import WorkflowRead

__all__ = (
    "AllowedAction",
    "AttemptRead",
    "Box",
    "BoxSort",
    "BusinessStatus",
    "CapacityWarning",
    "ChainNode",
    "ChainRead",
    "ConsentBasis",
    "CountsRead",
    "CountsReadByStatus",
    "DeclinedBy",
    "DeliveryBrief",
    "DeliveryPage",
    "DeliveryRead",
    "DeliveryStatus",
    "EventPage",
    "EventRead",
    "EventReadPayload",
    "EventType",
    "FeedEvent",
    "FeedEventData",
    "FeedPage",
    "FieldError",
    "FollowUpAnswer",
    "FollowUpPage",
    "FollowUpRead",
    "FollowUpStatus",
    "ForbiddenProblem",
    "ForwardRequest",
    "HealthHealthGetResponseHealthHealthGet",
    "LegalBasisRead",
    "LegalBasisReadKind",
    "MarkedRead",
    "MessageCreate",
    "MessagePage",
    "MessageRead",
    "MessageUpdate",
    "NotificationPage",
    "NotificationRead",
    "OutcomeCodeList",
    "OutcomeCodeRead",
    "OutcomeKind",
    "PersonReferralItem",
    "PersonReferralPage",
    "Priority",
    "ProblemDetail",
    "ReadView",
    "ReasonCodeList",
    "ReasonCodeRead",
    "ReceiptRead",
    "ReferralCreate",
    "ReferralEventList",
    "ReferralEventRead",
    "ReferralEventReadPayload",
    "ReferralPage",
    "ReferralRead",
    "ReferralUpdate",
    "SenderContact",
    "Side",
    "StaleEtagProblem",
    "Status",
    "StatutoryBasis",
    "SubscriptionCreate",
    "SubscriptionListItem",
    "SubscriptionPage",
    "SubscriptionRead",
    "SubscriptionUpdate",
    "SubscriptionWithSecret",
    "TransitionAction",
    "TransitionRequest",
    "TransitionRuleRead",
    "UnreadCount",
    "ValidationProblem",
    "WorkflowProblem",
    "WorkflowRead",
)
