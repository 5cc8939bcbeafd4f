from enum import StrEnum


class OutcomeKind(StrEnum):
    FOLLOWUP = "followup"
    OUTCOME = "outcome"

    def __str__(self) -> str:
        return str(self.value)
