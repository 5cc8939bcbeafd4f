"""The country's institutions: one PUP per powiat (the real count is ≈340, some PUP serve two
powiats; one per powiat is close enough), one OPS per gmina (some of them CUS), NGOs (0–3 per
gmina) and a CIS in about one powiat in four, each with offers from the directory's catalogue."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from splot.embedded.national.bulk import Loader
from splot.embedded.national.territory import Powiat, Regons

NGO_FORMS = ("Stowarzyszenie", "Fundacja", "Towarzystwo", "Spółdzielnia Socjalna")
NGO_AIMS = (
    "Pomocy Rodzinie",
    "Na Rzecz Osób Bezdomnych",
    "Aktywizacji Zawodowej",
    "Wsparcia Osób z Niepełnosprawnościami",
    "Przeciwdziałania Uzależnieniom",
    "Integracji Społecznej",
    "Pomocy Seniorom",
    "Rozwoju Lokalnego",
)
#: Service types per institution type when the catalogue names none for it.
FALLBACK = {"PUP": "job_placement", "OPS": "social_work", "CUS": "social_work", "NGO": "debt_counselling"}


@dataclass
class Institution:
    id: uuid.UUID
    type: str
    name: str
    teryt: str
    #: (offer id, service type, places) of each offer.
    offers: list[tuple[uuid.UUID, str, int | None]] = field(default_factory=list)

    @property
    def powiat(self) -> str:
        return self.teryt[:4]


@dataclass(frozen=True)
class ServiceType:
    code: str
    sensitive: bool
    provider_types: tuple[str, ...]
    routine_days: int | None
    urgent_days: int | None


_CLEAR = ~((0xC000 << 48) | (0xF000 << 64))
_SET = (0x8000 << 48) | (4 << 76)
_new = object.__new__
_set = object.__setattr__


def new_uuid(rng: random.Random) -> uuid.UUID:
    """``uuid.UUID(int=rng.getrandbits(128), version=4)``, without its argument checks (millions)."""
    u = _new(uuid.UUID)
    _set(u, "int", (rng.getrandbits(128) & _CLEAR) | _SET)
    _set(u, "is_safe", uuid.SafeUUID.unknown)
    return u


async def service_types(loader: Loader) -> dict[str, ServiceType]:
    rows = await loader.conn.fetch(
        "SELECT code, sensitive, provider_types, response_days_routine, response_days_urgent"
        " FROM service_type WHERE active ORDER BY code"
    )
    import json

    return {
        r["code"]: ServiceType(
            r["code"],
            bool(r["sensitive"]),
            tuple(
                json.loads(r["provider_types"])
                if isinstance(r["provider_types"], str)
                else r["provider_types"] or ()
            ),
            r["response_days_routine"],
            r["response_days_urgent"],
        )
        for r in rows
    }


def build(rng: random.Random, powiats: list[Powiat]) -> list[Institution]:
    result: list[Institution] = []
    for powiat in powiats:
        seat = powiat.seat
        result.append(Institution(new_uuid(rng), "PUP", f"Powiatowy Urząd Pracy w {seat.name}", seat.code))
        for gmina in powiat.gminas:
            if rng.random() < 0.06:
                result.append(
                    Institution(new_uuid(rng), "CUS", f"Centrum Usług Społecznych w {gmina.name}", gmina.code)
                )
            else:
                prefix = "Miejski " if gmina.urban else "Gminny "
                result.append(
                    Institution(
                        new_uuid(rng), "OPS", f"{prefix}Ośrodek Pomocy Społecznej w {gmina.name}", gmina.code
                    )
                )
            for _ in range(rng.choice((0, 0, 1, 1, 1, 2, 3) if not gmina.urban else (1, 2, 3, 3))):
                name = f"{rng.choice(NGO_FORMS)} {rng.choice(NGO_AIMS)} w {gmina.name}"
                result.append(Institution(new_uuid(rng), "NGO", name, gmina.code))
        if rng.random() < 0.25:
            result.append(
                Institution(new_uuid(rng), "CIS", f"Centrum Integracji Społecznej w {seat.name}", seat.code)
            )
    return result


def add_offers(
    rng: random.Random, institutions: list[Institution], catalogue: dict[str, ServiceType]
) -> None:
    by_type: dict[str, list[str]] = {}
    for st in catalogue.values():
        for t in st.provider_types:
            by_type.setdefault(t, []).append(st.code)
    for inst in institutions:
        kind = "OPS" if inst.type == "CUS" and "CUS" not in by_type else inst.type
        codes = (
            by_type.get(kind)
            or [c for c in (FALLBACK.get(inst.type),) if c in catalogue]
            or sorted(catalogue)
        )
        for code in rng.sample(codes, min(len(codes), rng.randint(2, 5))):
            places = rng.randint(5, 40) if inst.type in ("NGO", "CIS") else None
            inst.offers.append((new_uuid(rng), code, places))


async def load(loader: Loader, rng: random.Random, institutions: list[Institution], now: datetime) -> None:
    taken = {
        r["regon"] for r in await loader.conn.fetch("SELECT regon FROM institution WHERE regon IS NOT NULL")
    }
    regons = Regons(taken)
    rows: list[dict[str, Any]] = []
    offers: list[dict[str, Any]] = []
    for n, inst in enumerate(institutions):
        rows.append(
            {
                "id": inst.id,
                "version": 1,
                "created_at": now,
                "updated_at": now,
                "type": inst.type,
                "name": inst.name[:300],
                "short_name": None,
                "teryt": inst.teryt,
                "regon": regons(),
                "street": f"ul. {rng.choice(('Główna', 'Polna', 'Szkolna', 'Kościuszki', 'Mickiewicza'))} {rng.randint(1, 80)}",
                "postal_code": f"{rng.randint(0, 99):02d}-{rng.randint(0, 999):03d}",
                "city": inst.name.rsplit(" w ", 1)[-1][:100],
                "email": f"kontakt{n}@{inst.type.lower()}.example.pl",
                "phone": None,
                "active": True,
            }
        )
        for offer_id, code, capacity in inst.offers:
            offers.append(
                {
                    "id": offer_id,
                    "version": 1,
                    "created_at": now,
                    "updated_at": now,
                    "institution_id": inst.id,
                    "service_type_code": code,
                    "name": code.replace("_", " ").capitalize(),
                    "teryt": inst.teryt,
                    "capacity_available": capacity,
                    "capacity_max": capacity,
                    "capacity_updated_at": now if capacity is not None else None,
                    "occupied": 0,
                    "active": True,
                }
            )
    await loader.copy("institution", rows)
    await loader.copy("service_offer", offers)
