from enum import StrEnum


class InstitutionType(StrEnum):
    CIS = "CIS"
    CUS = "CUS"
    KIS = "KIS"
    MINISTRY = "MINISTRY"
    NGO = "NGO"
    OPS = "OPS"
    PCPR = "PCPR"
    PUP = "PUP"
    ROPS = "ROPS"
    WUP = "WUP"

    def __str__(self) -> str:
        return str(self.value)
