from enum import StrEnum


class Sex(StrEnum):
    F = "F"
    M = "M"

    def __str__(self) -> str:
        return str(self.value)
