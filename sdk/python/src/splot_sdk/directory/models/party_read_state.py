from enum import StrEnum


class PartyReadState(StrEnum):
    DECLINED = "declined"
    INVITED = "invited"
    PARTY = "party"

    def __str__(self) -> str:
        return str(self.value)
