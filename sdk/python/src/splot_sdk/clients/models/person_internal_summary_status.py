from enum import StrEnum


class PersonInternalSummaryStatus(StrEnum):
    ACTIVE = "active"
    ANONYMISED = "anonymised"
    MERGED = "merged"

    def __str__(self) -> str:
        return str(self.value)
