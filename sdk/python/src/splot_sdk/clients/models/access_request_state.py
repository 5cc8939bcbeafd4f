from enum import StrEnum


class AccessRequestState(StrEnum):
    APPROVED = "approved"
    DECLINED = "declined"
    EXPIRED = "expired"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)
