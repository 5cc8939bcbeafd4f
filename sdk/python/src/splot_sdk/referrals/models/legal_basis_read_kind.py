from enum import StrEnum


class LegalBasisReadKind(StrEnum):
    CONSENT = "consent"
    STATUTORY = "statutory"

    def __str__(self) -> str:
        return str(self.value)
