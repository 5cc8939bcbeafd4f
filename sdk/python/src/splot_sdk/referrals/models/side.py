from enum import StrEnum


class Side(StrEnum):
    RECEIVER = "receiver"
    SENDER = "sender"
    SYSTEM = "system"

    def __str__(self) -> str:
        return str(self.value)
