from enum import StrEnum


class ContactChannel(StrEnum):
    EMAIL = "email"
    IN_PERSON = "in_person"
    PHONE = "phone"
    POST = "post"

    def __str__(self) -> str:
        return str(self.value)
