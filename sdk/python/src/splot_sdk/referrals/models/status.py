from enum import StrEnum


class Status(StrEnum):
    ACCEPTED = "accepted"
    CANCELLED = "cancelled"
    COMPLETED = "completed"
    DRAFT = "draft"
    ENTERED_IN_ERROR = "entered_in_error"
    FAILED = "failed"
    IN_PROGRESS = "in_progress"
    ON_HOLD = "on_hold"
    REJECTED = "rejected"
    REQUESTED = "requested"

    def __str__(self) -> str:
        return str(self.value)
