from enum import StrEnum


class PartnershipReadAccess(StrEnum):
    INVITED = "invited"
    PARTY = "party"

    def __str__(self) -> str:
        return str(self.value)
