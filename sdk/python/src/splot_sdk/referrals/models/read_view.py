from enum import StrEnum


class ReadView(StrEnum):
    CHAIN = "chain"
    PARTY = "party"

    def __str__(self) -> str:
        return str(self.value)
