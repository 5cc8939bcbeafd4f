from enum import StrEnum


class ActionStatus(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_DONE = "not_done"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
