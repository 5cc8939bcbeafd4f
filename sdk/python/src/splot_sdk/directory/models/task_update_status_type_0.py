from enum import StrEnum


class TaskUpdateStatusType0(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
