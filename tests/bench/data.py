"""Fresh databases for the four services, filled with the synthetic country (helper module
``splot.embedded.national``) or, while that is missing, with the demo data."""

from __future__ import annotations

import os
import subprocess
import time
import traceback
from typing import Any

from tests.bench import pg
from tests.bench.servers import BIN


def national() -> tuple[Any, Any] | None:
    try:
        from splot.embedded.national import Scale, load_country
    except ImportError:
        return None
    return Scale, load_country


async def prepare(prefix: str, scale: float) -> tuple[dict[str, str], str, bool]:
    """Create ``<prefix>_<service>`` databases and load them; returns the URLs, what was loaded and
    whether it is the synthetic country."""
    names = {s: f"{prefix}_{s}" for s in pg.SERVICES}
    await pg.recreate(list(names.values()))
    urls = {s: pg.sa_url(n) for s, n in names.items()}
    started = time.monotonic()
    country = national()
    country_loaded = False
    what = "the demo data only (splot.embedded.national is not available yet)"
    if country is not None:
        scale_type, load_country = country
        try:
            await load_country(urls, scale_type.factor(scale), seed=2026, events=False, progress=print)
            what = f"the synthetic country at scale {scale:g}"
            country_loaded = True
        except Exception as error:  # noqa: BLE001 (reported; the run goes on with the demo data)
            traceback.print_exc()
            what = (
                f"the demo data only (the synthetic country failed to load: {type(error).__name__}: {error})"
            )
            what = what.splitlines()[0][:300]
            await pg.recreate(list(names.values()))
            country_loaded = False
    if country is None or not country_loaded:
        env = {k: v for k, v in os.environ.items() if not k.startswith("SPLOT_")}
        env.update({f"SPLOT_{s.upper()}_DATABASE_URL": u for s, u in urls.items()})
        subprocess.run([str(BIN / "splot-embedded"), "seed"], env=env, check=True, stdout=subprocess.DEVNULL)  # noqa: ASYNC221
    for name in names.values():
        await pg.analyze(name)
    return urls, f"{what}, loaded in {time.monotonic() - started:.0f} s", country_loaded


async def counts(urls: dict[str, str]) -> dict[str, int]:
    import asyncpg

    found: dict[str, int] = {}
    for service, table in (("clients", "person"), ("referrals", "referral"), ("directory", "institution")):
        conn = await asyncpg.connect(urls[service].replace("+asyncpg", ""))
        try:
            found[table] = int(await conn.fetchval(f"SELECT count(*) FROM {table}"))  # noqa: S608
        finally:
            await conn.close()
    return found
