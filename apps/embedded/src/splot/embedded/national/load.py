"""How :func:`splot.embedded.national.load_country` loads the country (imported when it runs: the
embedded CLI imports the package for its arguments only)."""

from __future__ import annotations

import asyncio
import json
import random
import time
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from splot.common.db import create_engine, create_sessionmaker, utcnow
from splot.common.migrations import upgrade
from splot.embedded.national import DATABASES, Scale, casework, partnerships, practices, surveys
from splot.embedded.national import institutions as institutions_mod
from splot.embedded.national import persons as persons_mod
from splot.embedded.national import referrals as referrals_mod
from splot.embedded.national import reporting as reporting_mod
from splot.embedded.national.bulk import Loader, connect
from splot.embedded.national.lifecycle import GENERATOR
from splot.embedded.national.stories import Codes, World
from splot.embedded.national.territory import powiats
from splot.referrals.config import ReferralsSettings
from splot.reporting.config import ReportingSettings
from splot.reporting.ingestion import IngestContext


async def _seed_demo(urls: Mapping[str, str]) -> None:
    """The normal demo seed (logins, the demo's own referrals), once."""
    from splot.embedded.services import SEED_STEPS

    results: dict[str, Any] = {}
    for database, step, function in SEED_STEPS:
        engine = create_engine(urls[database])
        try:
            async with create_sessionmaker(engine)() as session:
                results[step] = await function(session, results)
                await session.commit()
        finally:
            await engine.dispose()


async def _codes(referrals: Loader, directory: Loader) -> Codes:
    def listed(value: Any) -> list[str]:
        return list(json.loads(value) if isinstance(value, str) else value or [])

    reasons: dict[str, list[str]] = {}
    for row in await referrals.conn.fetch(
        "SELECT code, actions FROM reason_code WHERE active AND NOT system_only ORDER BY sort_order, code"
    ):
        for action in listed(row["actions"]):
            reasons.setdefault(action, []).append(row["code"])
    rows = await referrals.conn.fetch(
        "SELECT code, kind, employment FROM outcome_code WHERE active ORDER BY code"
    )
    programmes = await directory.conn.fetch("SELECT code FROM programme WHERE active ORDER BY code")
    return Codes(
        reasons=reasons,
        outcomes=[r["code"] for r in rows if r["kind"] == "outcome"],
        employment={r["code"] for r in rows if r["kind"] == "outcome" and r["employment"]},
        followup=[r["code"] for r in rows if r["kind"] == "followup"],
        programmes=[r["code"] for r in programmes],
    )


async def _already_loaded(loaders: Mapping[str, Loader]) -> bool:
    found = await loaders["clients"].conn.fetchval(
        "SELECT 1 FROM registration WHERE registered_by = $1 LIMIT 1", GENERATOR
    )
    return found is not None


async def load(
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
    from splot.embedded.services import BY_NAME

    started = time.perf_counter()
    report = progress

    def timed(message: str) -> None:
        report(f"[{time.perf_counter() - started:7.1f} s] {message}")

    progress = timed

    missing = [name for name in DATABASES if name not in urls]
    if missing:
        raise ValueError(f"no database URL for {', '.join(missing)}")
    for name in DATABASES:
        if not urls[name].startswith("postgresql"):
            raise ValueError("the synthetic country needs PostgreSQL (it loads with COPY)")
    progress("Migrating the databases…")
    for name in DATABASES:
        await upgrade(BY_NAME[name].service_dir, urls[name])
    loaders = {name: Loader(await connect(urls[name]), url=urls[name]) for name in DATABASES}
    engines = {name: create_engine(urls[name]) for name in DATABASES}
    try:
        if await _already_loaded(loaders):
            raise ValueError("these databases already hold a national load")
        progress("Seeding the demo data (once)…")
        await _seed_demo(urls)
        ctx = IngestContext.from_settings(ReportingSettings())
        # What the demo seed wrote, ingested by the consumer's own code: the cursors then move
        # past the loaded events without skipping the demo's.
        progress("Ingesting the demo's events into reporting…")
        await reporting_mod.ingest_feeds(engines["reporting"], engines, ctx)
        await _load(loaders, scale, seed=seed, events=events, ctx=ctx, progress=progress)
        progress("  building the indexes, analysing…")
        # One backend per database: the index builds of the four run side by side.
        await asyncio.gather(*(loader.finish() for loader in loaders.values()))
        progress("  building the cubes…")
        heads = {name: await loaders[name].head() for name in reporting_mod.SOURCES}
        applied = {name: loaders[name].counts.get("outbox_event", 0) for name in reporting_mod.SOURCES}
        await reporting_mod.set_cursors(loaders["reporting"], heads, applied)
        months = await reporting_mod.build_cubes(engines["reporting"])
        await loaders["reporting"].conn.execute("ANALYZE")
        progress(f"Done: cubes built for {months} months")
        return {
            f"{name}.{table}": n for name, loader in loaders.items() for table, n in loader.counts.items()
        }
    finally:
        for loader in loaders.values():
            await loader.conn.close()
        for engine in engines.values():
            await engine.dispose()


async def _load(
    loaders: Mapping[str, Loader], scale: Scale, *, seed: int, events: bool, ctx: IngestContext,
    progress: Callable[[str], None],
) -> None:  # fmt: skip
    now = utcnow().replace(microsecond=0)
    since = now - timedelta(days=365 * scale.years)
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    territory = powiats()
    catalogue = await institutions_mod.service_types(loaders["directory"])
    institutions = institutions_mod.build(random.Random(rng.getrandbits(64)), territory)  # noqa: S311
    institutions_mod.add_offers(random.Random(rng.getrandbits(64)), institutions, catalogue)  # noqa: S311
    progress(f"Loading a country: {len(institutions):,} institutions, {scale.persons:,} persons,"
             f" {scale.referrals_per_year * scale.years:,} referrals…")  # fmt: skip
    progress("  institutions and offers…")
    await institutions_mod.load(loaders["directory"], random.Random(rng.getrandbits(64)), institutions, now)  # noqa: S311
    await reporting_mod.load_directory(
        loaders["directory"], loaders["reporting"], random.Random(rng.getrandbits(64)), institutions, now,  # noqa: S311
        events=events,
    )  # fmt: skip
    people = await persons_mod.load(
        random.Random(rng.getrandbits(64)),  # noqa: S311
        count=scale.persons, powiats=territory, institutions=institutions, clients=loaders["clients"],
        reporting=loaders["reporting"], pseudonymise=ctx.pseudonymise, now=now, since=since, events=events,
        progress=progress,
    )  # fmt: skip
    settings = ReferralsSettings()
    world = World(
        institutions=institutions,
        persons=people.refs,
        catalogue=catalogue,
        codes=await _codes(loaders["referrals"], loaders["directory"]),
        consent_types=frozenset(settings.consent_required_types),
        routine_days=settings.response_days_routine,
        urgent_days=settings.response_days_urgent,
        expiry_days=settings.expiry_working_days,
        followup_months=tuple(settings.followup_months),
    )
    await referrals_mod.load(
        random.Random(rng.getrandbits(64)), world,  # noqa: S311
        total=scale.referrals_per_year * scale.years, since=since, now=now, referrals=loaders["referrals"],
        reporting=loaders["reporting"], ctx=ctx, events=events, progress=progress,
    )  # fmt: skip
    progress("  local partnerships, survey rounds and good practices…")
    partnered = await partnerships.load(loaders, rng, institutions, now=now, since=since, events=events)
    await surveys.load(loaders["reporting"], rng, institutions, now=now, since=since, in_force_since=partnered.in_force_since)  # fmt: skip
    await practices.load(loaders["reporting"], rng, partnered, now=now)
    # Joint casework of persons served by 2+ institutions (drawn after everything above).
    await casework.load(
        random.Random(rng.getrandbits(64)),  # noqa: S311 - synthetic data
        loaders, ctx=ctx, now=now, events=events, progress=progress,
    )  # fmt: skip
