from enum import StrEnum


class TaskReadStatus(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
