from enum import StrEnum


class Level(StrEnum):
    GMINA = "gmina"
    GMINA_PART = "gmina_part"
    POWIAT = "powiat"
    VOIVODESHIP = "voivodeship"

    def __str__(self) -> str:
        return str(self.value)
