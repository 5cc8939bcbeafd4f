from enum import StrEnum


class ReviewQueueV1PracticesReviewQueueGetStatusType0(StrEnum):
    ACCEPTED = "accepted"
    DRAFT = "draft"
    PUBLISHED = "published"
    REJECTED = "rejected"
    RETURNED = "returned"
    SUBMITTED = "submitted"

    def __str__(self) -> str:
        return str(self.value)
