"""The synthetic country: a realistic national dataset loaded straight into the four databases.

Every voivodeship, powiat and gmina of the bundled TERYT register with its PUP, OPS/CUS, NGOs and
CIS; millions of persons with valid PESELs; years of referrals with realistic routes, statuses,
times, chains and follow-ups; the reporting facts and cubes; optionally the outbox events the
reporting service consumes. Deterministic for a seed and a day. PostgreSQL only (COPY).

    await load_country(urls, Scale.factor(0.01))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

DATABASES = ("directory", "clients", "referrals", "reporting")

__all__ = ["DATABASES", "Scale", "load_country"]


@dataclass(frozen=True)
class Scale:
    persons: int = 2_000_000
    referrals_per_year: int = 1_000_000
    years: int = 3

    @classmethod
    def factor(cls, f: float) -> Scale:
        """``Scale.factor(0.01)``: 20k persons, 10k referrals a year, three years."""
        base = cls()
        return cls(max(1, round(base.persons * f)), max(1, round(base.referrals_per_year * f)), base.years)


async def load_country(
    urls: Mapping[str, str],
    scale: Scale,
    *,
    seed: int = 2026,
    events: bool = True,
    progress: Callable[[str], None] = print,
) -> dict[str, int]:
    """Migrate the four databases, seed the demo once, then load the country around it (COPY),
    ANALYZE what was loaded, build the cubes, and return the rows loaded per ``database.table``.
    Raises ValueError for a non-PostgreSQL URL or a database that already holds a country."""
    from splot.embedded.national.load import load

    return await load(urls, scale, seed=seed, events=events, progress=progress)
