from enum import StrEnum


class PartnershipSummaryStatus(StrEnum):
    EXPIRED = "expired"
    INITIATIVE = "initiative"
    IN_FORCE = "in_force"
    PENDING = "pending"
    SUPERSEDED = "superseded"
    TERMINATED = "terminated"

    def __str__(self) -> str:
        return str(self.value)
