from enum import StrEnum


class RateLevel(StrEnum):
    POWIAT = "powiat"
    VOIVODESHIP = "voivodeship"

    def __str__(self) -> str:
        return str(self.value)
