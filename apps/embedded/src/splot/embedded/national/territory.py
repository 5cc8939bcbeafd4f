"""The country's territory from the TERYT register bundled in ``splot.common`` (every voivodeship,
powiat and gmina), and valid REGON numbers."""

from __future__ import annotations

from dataclasses import dataclass, field

from stdnum.pl import regon

from splot.common.teryt import Level, register


@dataclass(frozen=True)
class Gmina:
    code: str  # 7 characters
    name: str
    kind: str  # "gmina miejska", "gmina wiejska", "miasto na prawach powiatu"…

    @property
    def powiat(self) -> str:
        return self.code[:4]

    @property
    def urban(self) -> bool:
        return self.code[6] == "1"


@dataclass(frozen=True)
class Powiat:
    code: str
    name: str
    city: bool  # a city with powiat rights
    gminas: tuple[Gmina, ...] = field(default_factory=tuple)

    @property
    def seat(self) -> Gmina:
        """The gmina the powiat's offices are in: the urban gmina if there is one."""
        return next((g for g in self.gminas if g.urban), self.gminas[0])


def powiats() -> list[Powiat]:
    reg = register()
    result = []
    for p in reg.list(level=Level.powiat):
        gminas = tuple(Gmina(g.code, g.name, g.kind) for g in reg.list(level=Level.gmina, parent=p.code))
        if gminas:
            result.append(Powiat(p.code, p.name, "miasto" in p.kind, gminas))
    return result


class Regons:
    """Valid 9-digit REGONs (check digit computed), unique, none of those already taken."""

    def __init__(self, taken: set[str], start: int = 61_000_000) -> None:
        self._taken = taken
        self._next = start

    def __call__(self) -> str:
        while True:
            body = f"{self._next:08d}"
            self._next += 7
            number = body + regon.calc_check_digit(body)
            if number not in self._taken:
                self._taken.add(number)
                return number
