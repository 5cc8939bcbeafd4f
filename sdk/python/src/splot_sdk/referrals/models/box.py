from enum import StrEnum


class Box(StrEnum):
    INBOX = "inbox"
    OUTBOX = "outbox"

    def __str__(self) -> str:
        return str(self.value)
