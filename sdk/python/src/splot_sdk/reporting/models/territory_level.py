from enum import StrEnum


class TerritoryLevel(StrEnum):
    NATIONAL = "national"
    POWIAT = "powiat"
    VOIVODESHIP = "voivodeship"

    def __str__(self) -> str:
        return str(self.value)
