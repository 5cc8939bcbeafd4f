from enum import StrEnum


class TokenRevocationReadKind(StrEnum):
    CLIENT = "client"
    INSTITUTION = "institution"
    SESSION = "session"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
