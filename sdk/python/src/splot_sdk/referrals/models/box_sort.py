from enum import StrEnum


class BoxSort(StrEnum):
    DUE = "due"
    NEWEST = "newest"

    def __str__(self) -> str:
        return str(self.value)
