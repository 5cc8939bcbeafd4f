from enum import StrEnum


class FollowUpStatus(StrEnum):
    ANSWERED = "answered"
    CANCELLED = "cancelled"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
