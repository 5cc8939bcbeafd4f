from enum import StrEnum


class PracticeSummaryStatus(StrEnum):
    ACCEPTED = "accepted"
    DRAFT = "draft"
    PUBLISHED = "published"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
