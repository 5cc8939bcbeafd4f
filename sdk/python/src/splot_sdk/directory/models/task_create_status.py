from enum import StrEnum


class TaskCreateStatus(StrEnum):
    CANCELLED = "cancelled"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    PLANNED = "planned"

    def __str__(self) -> str:
        return str(self.value)
