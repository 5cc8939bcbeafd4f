from enum import StrEnum


class GoalReadStatus(StrEnum):
    ASSESSED = "assessed"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
