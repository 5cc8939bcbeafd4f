from enum import StrEnum


class TransitionAction(StrEnum):
    ACCEPT = "accept"
    ACKNOWLEDGE = "acknowledge"
    ASSIGN = "assign"
    CANCEL = "cancel"
    COMPLETE = "complete"
    CONFIRM_CANCELLATION = "confirm_cancellation"
    DISCARD = "discard"
    FAIL = "fail"
    HOLD = "hold"
    MARK_IN_ERROR = "mark_in_error"
    REJECT = "reject"
    REOPEN = "reopen"
    REQUEST_CANCELLATION = "request_cancellation"
    RESUME = "resume"
    SEND = "send"
    SET_BUSINESS_STATUS = "set_business_status"
    START = "start"
    WITHDRAW = "withdraw"

    def __str__(self) -> str:
        return str(self.value)
