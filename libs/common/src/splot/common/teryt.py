"""The TERYT TERC register of Poland's territorial division, bundled with the project.

Codes: voivodeship ``WW`` (2 digits), powiat ``WWPP`` (4), gmina ``WWPPGGR`` (7: gmina number
plus its type digit). The register is data, not code: point ``SPLOT_TERYT_FILE`` at a newer GUS
TERC export (same semicolon-separated layout) to replace it.
"""

from __future__ import annotations

import builtins
import csv
import os
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

BUNDLED = Path(__file__).parent / "data" / "TERC_2020-01-01.csv"


class Level(StrEnum):
    voivodeship = "voivodeship"
    powiat = "powiat"
    gmina = "gmina"
    #: Statistical parts of gminas (town / rural area of an urban-rural gmina, city districts):
    #: listed for completeness, never an address's gmina.
    gmina_part = "gmina_part"


# RODZ digits: 1 urban, 2 rural, 3 urban-rural gmina; 4 town and 5 rural area of an urban-rural
# gmina; 8 district of Warsaw, 9 delegatura of another city.
_GMINA_KINDS = {"1", "2", "3"}


@dataclass(frozen=True, slots=True)
class Territory:
    code: str
    name: str
    level: Level
    kind: str  # NAZWA_DOD: "województwo", "powiat", "miasto na prawach powiatu", "gmina wiejska"…
    parent_code: str | None

    @property
    def voivodeship_code(self) -> str:
        return self.code[:2]

    @property
    def powiat_code(self) -> str | None:
        return self.code[:4] if self.level is not Level.voivodeship else None


class Register:
    def __init__(self, territories: list[Territory], as_of: str) -> None:
        self.as_of = as_of
        self.by_code = {t.code: t for t in territories}
        self.children: dict[str | None, list[Territory]] = {}
        for t in territories:
            self.children.setdefault(t.parent_code, []).append(t)

    def get(self, code: str) -> Territory | None:
        return self.by_code.get(code)

    def is_gmina(self, code: str) -> bool:
        t = self.by_code.get(code)
        return t is not None and t.level is Level.gmina

    def list(self, *, level: Level | None = None, parent: str | None = None) -> list[Territory]:
        if parent is not None:
            items = self.children.get(parent, [])
        else:
            items = list(self.by_code.values())
        if level is not None:
            items = [t for t in items if t.level is level]
        return sorted(items, key=lambda t: t.code)

    def ancestors(self, code: str) -> builtins.list[Territory]:
        """The territory and its parents, from the gmina (or given level) up to the voivodeship."""
        chain = []
        current = self.by_code.get(code)
        while current is not None:
            chain.append(current)
            current = self.by_code.get(current.parent_code) if current.parent_code else None
        return chain


def load(path: Path) -> Register:
    territories: list[Territory] = []
    as_of = ""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle, delimiter=";"):
            woj, pow_, gmi, rodz = row["WOJ"], row["POW"], row["GMI"], row["RODZ"]
            as_of = row.get("STAN_NA") or as_of
            if gmi and rodz in _GMINA_KINDS:
                code, level, parent = woj + pow_ + gmi + rodz, Level.gmina, woj + pow_
            elif gmi:
                parent = woj + pow_ + gmi + "3" if rodz in {"4", "5"} else woj + pow_
                code, level = woj + pow_ + gmi + rodz, Level.gmina_part
            elif pow_:
                code, level, parent = woj + pow_, Level.powiat, woj
            else:
                code, level, parent = woj, Level.voivodeship, None
            territories.append(Territory(code, row["NAZWA"], level, row["NAZWA_DOD"], parent))
    return Register(territories, as_of)


@cache
def register() -> Register:
    return load(Path(os.environ.get("SPLOT_TERYT_FILE") or BUNDLED))
