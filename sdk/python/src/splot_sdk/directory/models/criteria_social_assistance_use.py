from enum import StrEnum


class CriteriaSocialAssistanceUse(StrEnum):
    ANY = "any"
    CURRENT = "current"
    NONE = "none"
    PAST = "past"

    def __str__(self) -> str:
        return str(self.value)
