from enum import StrEnum


class QuestionnaireStatus(StrEnum):
    DRAFT = "draft"
    FROZEN = "frozen"

    def __str__(self) -> str:
        return str(self.value)
