from enum import StrEnum


class LegalBasis(StrEnum):
    CONSENT = "consent"
    STATUTORY = "statutory"

    def __str__(self) -> str:
        return str(self.value)
