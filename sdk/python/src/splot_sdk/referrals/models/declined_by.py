from enum import StrEnum


class DeclinedBy(StrEnum):
    CLIENT = "client"
    PROVIDER = "provider"

    def __str__(self) -> str:
        return str(self.value)
