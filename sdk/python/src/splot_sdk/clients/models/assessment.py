from enum import StrEnum


class Assessment(StrEnum):
    ABANDONED = "abandoned"
    ACHIEVED = "achieved"
    NOT_ACHIEVED = "not_achieved"
    PARTLY_ACHIEVED = "partly_achieved"

    def __str__(self) -> str:
        return str(self.value)
