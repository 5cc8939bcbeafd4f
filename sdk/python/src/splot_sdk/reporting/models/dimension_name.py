from enum import StrEnum


class DimensionName(StrEnum):
    AGE_BAND = "age_band"
    PRIORITY = "priority"
    PROGRAMME = "programme"
    ROUTE = "route"
    SENDER_POWIAT = "sender_powiat"
    SENDER_TYPE = "sender_type"
    SENDER_VOIVODESHIP = "sender_voivodeship"
    SERVICE_TYPE = "service_type"
    SEX = "sex"
    STATUS = "status"
    TARGET_POWIAT = "target_powiat"
    TARGET_TYPE = "target_type"
    TARGET_VOIVODESHIP = "target_voivodeship"

    def __str__(self) -> str:
        return str(self.value)
