from enum import StrEnum


class TaskFilter(StrEnum):
    ALL = "all"
    OPEN = "open"

    def __str__(self) -> str:
        return str(self.value)
