from enum import StrEnum


class PlanReadAgreementMethodType0(StrEnum):
    ELECTRONIC = "electronic"
    ORAL_RECORDED = "oral_recorded"
    SIGNED_PAPER = "signed_paper"

    def __str__(self) -> str:
        return str(self.value)
