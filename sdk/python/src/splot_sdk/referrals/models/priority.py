from enum import StrEnum


class Priority(StrEnum):
    ROUTINE = "routine"
    URGENT = "urgent"

    def __str__(self) -> str:
        return str(self.value)
