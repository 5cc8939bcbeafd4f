from enum import StrEnum


class Role(StrEnum):
    ANALYST = "analyst"
    AUDITOR = "auditor"
    CASEWORKER = "caseworker"
    COORDINATOR = "coordinator"
    INSTITUTION_ADMIN = "institution_admin"
    SYSTEM_ADMIN = "system_admin"

    def __str__(self) -> str:
        return str(self.value)
