from enum import StrEnum


class MergeField(StrEnum):
    CITIZENSHIP = "citizenship"
    CITY = "city"
    DOCUMENT_NUMBER = "document_number"
    EMAIL = "email"
    FIRST_NAME = "first_name"
    GMINA = "gmina"
    LAST_NAME = "last_name"
    PESEL = "pesel"
    PHONE = "phone"
    POSTAL_CODE = "postal_code"
    PREFERRED_CONTACT = "preferred_contact"
    STREET = "street"

    def __str__(self) -> str:
        return str(self.value)
