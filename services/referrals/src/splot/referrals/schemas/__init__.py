"""The referrals service's request and answer schemas, by concern (one import path for the rest
of the service: ``from splot.referrals import schemas``)."""

from splot.referrals.schemas.base import (
    EVENT_TYPES as EVENT_TYPES,
)
from splot.referrals.schemas.base import (
    PLAN_ACTION as PLAN_ACTION,
)
from splot.referrals.schemas.base import (
    CapacityWarning as CapacityWarning,
)
from splot.referrals.schemas.base import (
    Code as Code,
)
from splot.referrals.schemas.base import (
    ConsentBasis as ConsentBasis,
)
from splot.referrals.schemas.base import (
    EventType as EventType,
)
from splot.referrals.schemas.base import (
    Input as Input,
)
from splot.referrals.schemas.base import (
    LegalBasis as LegalBasis,
)
from splot.referrals.schemas.base import (
    LegalBasisCode as LegalBasisCode,
)
from splot.referrals.schemas.base import (
    LegalBasisRead as LegalBasisRead,
)
from splot.referrals.schemas.base import (
    LongText as LongText,
)
from splot.referrals.schemas.base import (
    Output as Output,
)
from splot.referrals.schemas.base import (
    Priority as Priority,
)
from splot.referrals.schemas.base import (
    Programme as Programme,
)
from splot.referrals.schemas.base import (
    ServiceTypeCode as ServiceTypeCode,
)
from splot.referrals.schemas.base import (
    StatutoryBasis as StatutoryBasis,
)
from splot.referrals.schemas.base import (
    Text as Text,
)
from splot.referrals.schemas.base import (
    TransitionAction as TransitionAction,
)
from splot.referrals.schemas.base import (
    _dates_in_order as _dates_in_order,
)
from splot.referrals.schemas.reference import (
    ChainNode as ChainNode,
)
from splot.referrals.schemas.reference import (
    ChainRead as ChainRead,
)
from splot.referrals.schemas.reference import (
    OutcomeCodeList as OutcomeCodeList,
)
from splot.referrals.schemas.reference import (
    OutcomeCodeRead as OutcomeCodeRead,
)
from splot.referrals.schemas.reference import (
    OutcomeKind as OutcomeKind,
)
from splot.referrals.schemas.reference import (
    PersonReferralItem as PersonReferralItem,
)
from splot.referrals.schemas.reference import (
    PersonReferralPage as PersonReferralPage,
)
from splot.referrals.schemas.reference import (
    ReasonCodeList as ReasonCodeList,
)
from splot.referrals.schemas.reference import (
    ReasonCodeRead as ReasonCodeRead,
)
from splot.referrals.schemas.reference import (
    ReferralEventList as ReferralEventList,
)
from splot.referrals.schemas.reference import (
    ReferralEventRead as ReferralEventRead,
)
from splot.referrals.schemas.reference import (
    TransitionRuleRead as TransitionRuleRead,
)
from splot.referrals.schemas.reference import (
    WorkflowRead as WorkflowRead,
)
from splot.referrals.schemas.referrals import (
    AllowedAction as AllowedAction,
)
from splot.referrals.schemas.referrals import (
    Box as Box,
)
from splot.referrals.schemas.referrals import (
    BoxSort as BoxSort,
)
from splot.referrals.schemas.referrals import (
    CountsRead as CountsRead,
)
from splot.referrals.schemas.referrals import (
    ForwardRequest as ForwardRequest,
)
from splot.referrals.schemas.referrals import (
    ReadView as ReadView,
)
from splot.referrals.schemas.referrals import (
    ReferralCreate as ReferralCreate,
)
from splot.referrals.schemas.referrals import (
    ReferralPage as ReferralPage,
)
from splot.referrals.schemas.referrals import (
    ReferralRead as ReferralRead,
)
from splot.referrals.schemas.referrals import (
    ReferralUpdate as ReferralUpdate,
)
from splot.referrals.schemas.referrals import (
    SenderContact as SenderContact,
)
from splot.referrals.schemas.referrals import (
    TransitionRequest as TransitionRequest,
)
from splot.referrals.schemas.work import (
    FollowUpAnswer as FollowUpAnswer,
)
from splot.referrals.schemas.work import (
    FollowUpPage as FollowUpPage,
)
from splot.referrals.schemas.work import (
    FollowUpRead as FollowUpRead,
)
from splot.referrals.schemas.work import (
    FollowUpStatus as FollowUpStatus,
)
from splot.referrals.schemas.work import (
    MarkedRead as MarkedRead,
)
from splot.referrals.schemas.work import (
    MessageCreate as MessageCreate,
)
from splot.referrals.schemas.work import (
    MessagePage as MessagePage,
)
from splot.referrals.schemas.work import (
    MessageRead as MessageRead,
)
from splot.referrals.schemas.work import (
    MessageUpdate as MessageUpdate,
)
from splot.referrals.schemas.work import (
    NotificationPage as NotificationPage,
)
from splot.referrals.schemas.work import (
    NotificationRead as NotificationRead,
)
from splot.referrals.schemas.work import (
    ReceiptRead as ReceiptRead,
)
from splot.referrals.schemas.work import (
    UnreadCount as UnreadCount,
)
