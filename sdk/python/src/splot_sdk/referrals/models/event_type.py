from enum import StrEnum


class EventType(StrEnum):
    FOLLOWUP_ANSWERED = "followup.answered"
    REFERRAL_ACCEPTED = "referral.accepted"
    REFERRAL_ACKNOWLEDGED = "referral.acknowledged"
    REFERRAL_ASSIGNED = "referral.assigned"
    REFERRAL_BUSINESS_STATUS_CHANGED = "referral.business_status_changed"
    REFERRAL_CANCELLATION_REQUESTED = "referral.cancellation_requested"
    REFERRAL_CANCELLED = "referral.cancelled"
    REFERRAL_COMPLETED = "referral.completed"
    REFERRAL_EXPIRED = "referral.expired"
    REFERRAL_FAILED = "referral.failed"
    REFERRAL_FORWARDED = "referral.forwarded"
    REFERRAL_HELD = "referral.held"
    REFERRAL_MARKED_IN_ERROR = "referral.marked_in_error"
    REFERRAL_OVERDUE = "referral.overdue"
    REFERRAL_REJECTED = "referral.rejected"
    REFERRAL_REOPENED = "referral.reopened"
    REFERRAL_RESUMED = "referral.resumed"
    REFERRAL_SENT = "referral.sent"
    REFERRAL_STARTED = "referral.started"
    REFERRAL_WITHDRAWN = "referral.withdrawn"

    def __str__(self) -> str:
        return str(self.value)
