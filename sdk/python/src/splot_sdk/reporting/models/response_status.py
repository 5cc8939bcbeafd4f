from enum import StrEnum


class ResponseStatus(StrEnum):
    DRAFT = "draft"
    NOT_STARTED = "not_started"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
