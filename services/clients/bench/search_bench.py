"""Person search and PESEL lookup as the registry grows, on PostgreSQL:
``uv run python services/clients/bench/search_bench.py [SIZE ...]`` (default 10000 100000 1000000).

For each size: a fresh database (``splot_bench_search_<size>`` on ``SPLOT_BENCH_PG_URL``, default
the local server), migrated, then SIZE synthetic persons loaded with COPY (Faker pl_PL names,
normalised and tokenised by the service's own functions, valid PESELs), each registered by one of
400 institutions (the searching institution sees 1/400 of the registry, as a typical office), and
ANALYZE. Then one sequential client, in-process (httpx ASGITransport on the real app with a test
signing key): p50 of ``GET /v1/persons?q=<surname prefix>`` and ``POST /v1/persons/lookup``, and
the EXPLAIN of the search query as a running service executes it (a prepared statement after five
runs on one connection, i.e. its generic plan when PostgreSQL prefers it).
"""

from __future__ import annotations

import asyncio
import json
import os
import random
import statistics
import sys
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
import httpx
from faker import Faker
from sqlalchemy import event
from sqlalchemy.engine import make_url

from splot.clients.config import ClientsSettings
from splot.clients.identity import make_pesel, name_tokens, normalise_name
from splot.clients.main import SERVICE_DIR, create_app
from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.common.testing import RsaKey, TokenFactory, fresh_postgres_database, trust_test_key

ADMIN_URL = os.environ.get("SPLOT_BENCH_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
INSTITUTIONS = 400
SEED = 2026
WARMUP, REQUESTS = 10, 60


@dataclass
class Loaded:
    url: str
    institution: uuid.UUID
    pesels: list[str]
    surnames: list[str]


def _name_pools(seed: int) -> tuple[list[str], list[str], list[str], list[str]]:
    fake = Faker("pl_PL")
    fake.seed_instance(seed)
    pools = [
        sorted({fake.first_name_female() for _ in range(3000)}),
        sorted({fake.first_name_male() for _ in range(3000)}),
        sorted({fake.last_name_female() for _ in range(20000)}),
        sorted({fake.last_name_male() for _ in range(20000)}),
    ]
    return pools[0], pools[1], pools[2], pools[3]


def _records(size: int, institutions: list[uuid.UUID], seed: int) -> tuple[list[tuple[Any, ...]], ...]:
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    female_first, male_first, female_last, male_last = _name_pools(seed)
    now = datetime.now(UTC)
    persons, tokens, registrations = [], [], []
    serials: Counter[tuple[date, str]] = Counter()
    for n in range(size):
        sex = "F" if n % 2 else "M"
        first = rng.choice(female_first if sex == "F" else male_first)
        lasts = female_last if sex == "F" else male_last
        last = rng.choice(lasts)
        if rng.random() < 0.05:
            last = f"{last}-{rng.choice(lasts)}"
        born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 65))
        serials[(born, sex)] += 1
        pesel = make_pesel(born, sex, serials[(born, sex)] * 5)  # the serial's last digit is the sex's
        first_norm, last_norm = normalise_name(first), normalise_name(last)
        person_id = uuid.UUID(int=rng.getrandbits(128), version=4)
        owner = institutions[n % len(institutions)]
        persons.append(
            (person_id, "active", pesel, first, last, first_norm, last_norm, born, born.year, sex,
             "1219053", owner, now, now, now, 1)
        )  # fmt: skip
        tokens += [(person_id, t) for t in name_tokens(first_norm, last_norm)]
        registrations.append(
            (uuid.UUID(int=rng.getrandbits(128), version=4), person_id, owner, now, "bench", "import")
        )
    return persons, tokens, registrations


PERSON_COLUMNS = [
    "id", "status", "pesel", "first_name", "last_name", "first_name_norm", "last_name_norm", "birth_date",
    "birth_year", "sex", "gmina", "registered_by_institution_id", "last_activity_at", "created_at",
    "updated_at", "version",
]  # fmt: skip


async def _connect(url: str) -> asyncpg.Connection:
    u = make_url(url)
    return await asyncpg.connect(
        user=u.username or "postgres", password=u.password, host=u.host or "127.0.0.1",
        port=u.port or 5432, database=u.database,
    )  # fmt: skip


async def load(size: int, *, admin_url: str = ADMIN_URL, seed: int = SEED, name: str | None = None) -> Loaded:
    """A fresh, migrated database with ``size`` persons (COPY), analysed."""
    url = await fresh_postgres_database(admin_url, name or f"splot_bench_search_{size}")
    await upgrade(SERVICE_DIR, url)
    rng = random.Random(seed)  # noqa: S311
    institutions = [uuid.UUID(int=rng.getrandbits(128), version=4) for _ in range(INSTITUTIONS)]
    persons, tokens, registrations = _records(size, institutions, seed)
    conn = await _connect(url)
    try:
        await conn.copy_records_to_table("person", records=persons, columns=PERSON_COLUMNS)
        await conn.copy_records_to_table("person_name_token", records=tokens, columns=["person_id", "token"])
        await conn.copy_records_to_table(
            "registration",
            records=registrations,
            columns=["id", "person_id", "institution_id", "registered_at", "registered_by", "how"],
        )
        for table in ("person", "person_name_token", "registration"):
            await conn.execute(f"VACUUM ANALYZE {table}")
    finally:
        await conn.close()
    mine = [p for p in persons if p[11] == institutions[0]]
    return Loaded(
        url=url,
        institution=institutions[0],
        pesels=[p[2] for p in persons[:: max(1, size // 500)] if p[2]],
        surnames=[p[4] for p in mine],
    )


def _literal(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool | int | float):
        return str(value)
    text = value.isoformat() if isinstance(value, datetime | date) else str(value)
    return "'" + text.replace("'", "''") + "'"


async def explain_generic(url: str, sql: str, params: tuple[Any, ...]) -> str:
    """EXPLAIN of the query as a running service executes it: a prepared statement's sixth run."""
    conn = await _connect(url)
    try:
        await conn.execute(f"PREPARE bench_q AS {sql}")
        execute = (
            f"EXECUTE bench_q({', '.join(_literal(p) for p in params)})" if params else "EXECUTE bench_q"
        )
        for _ in range(5):
            await conn.execute(execute)
        rows = await conn.fetch(f"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {execute}")
        return "\n".join(r[0] for r in rows)
    finally:
        await conn.close()


def _p50(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 2)


async def measure(loaded: Loaded, *, seed: int = SEED) -> dict[str, Any]:
    """p50 (ms) of the search and of the PESEL lookup, and the search's EXPLAIN."""
    url = loaded.url
    app = create_app(ClientsSettings(database_url=url, log_level="WARNING"))
    engine = create_engine(url)
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.run_background = False
    app.state.rate_limiter.enabled = False
    key = RsaKey.generate("bench-key")
    trust_test_key(app, key)
    headers = TokenFactory(key).headers(
        sub="bench-caseworker", institution_id=loaded.institution, institution_type="OPS", teryt="1219",
        roles=["caseworker"],
    )  # fmt: skip
    rng = random.Random(seed)  # noqa: S311
    prefixes = [normalise_name(s)[: rng.choice((3, 4, 5))] for s in rng.choices(loaded.surnames, k=40)]
    captured: list[tuple[str, Any]] = []

    def capture(
        _conn: Any, _cursor: Any, statement: str, parameters: Any, _context: Any, _many: bool
    ) -> None:
        if "person_name_token" in statement:
            captured.append((statement, parameters))

    transport = httpx.ASGITransport(app=app)
    result: dict[str, Any] = {}
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        search_times, lookup_times, found = [], [], 0
        cpu: dict[str, float] = {}
        for i in range(WARMUP + REQUESTS):
            if i == WARMUP:
                cpu["search"] = time.process_time()
            q = prefixes[i % len(prefixes)]
            t0 = time.perf_counter()
            response = await client.get("/v1/persons", params={"q": q}, headers=headers)
            elapsed = time.perf_counter() - t0
            response.raise_for_status()
            if i >= WARMUP:
                search_times.append(elapsed)
                found += len(response.json()["items"])
        cpu["search"] = time.process_time() - cpu["search"]
        for i in range(WARMUP + REQUESTS):
            if i == WARMUP:
                cpu["lookup"] = time.process_time()
            pesel = loaded.pesels[i % len(loaded.pesels)]
            t0 = time.perf_counter()
            response = await client.post("/v1/persons/lookup", json={"pesel": pesel}, headers=headers)
            elapsed = time.perf_counter() - t0
            response.raise_for_status()
            if i >= WARMUP:
                lookup_times.append(elapsed)
        cpu["lookup"] = time.process_time() - cpu["lookup"]
        event.listen(engine.sync_engine, "before_cursor_execute", capture)
        await client.get("/v1/persons", params={"q": prefixes[0]}, headers=headers)
        event.remove(engine.sync_engine, "before_cursor_execute", capture)
    await engine.dispose()
    result["search_p50_ms"] = _p50(search_times)
    result["lookup_p50_ms"] = _p50(lookup_times)
    # CPU of this process (client and app) per request: steadier than latency on a busy machine.
    result["search_cpu_ms"] = round(cpu["search"] / REQUESTS * 1000, 2)
    result["lookup_cpu_ms"] = round(cpu["lookup"] / REQUESTS * 1000, 2)
    result["search_mean_items"] = round(found / REQUESTS, 1)
    if captured:
        sql, params = captured[0]
        result["search_explain"] = await explain_generic(url, sql, tuple(params))
    return result


async def measure_search(server_url: str | None, sizes: list[int]) -> dict[str, Any]:
    """For the bench harness: ``{size: {search_p50_ms, lookup_p50_ms, search_explain, ...}}``.

    Each size needs its own database, so the clients app runs in-process on it; ``server_url`` (a
    running clients service) is not used."""
    del server_url
    results: dict[str, Any] = {}
    for size in sizes:
        t0 = time.perf_counter()
        loaded = await load(size)
        load_seconds = time.perf_counter() - t0
        results[str(size)] = {
            "persons": size,
            "load_seconds": round(load_seconds, 1),
            **await measure(loaded),
        }
    return results


async def main(sizes: list[int]) -> None:
    results = await measure_search(None, sizes)
    for size, r in results.items():
        print(
            f"{int(size):>9,} persons (loaded in {r['load_seconds']} s): search p50 {r['search_p50_ms']} ms "
            f"({r['search_cpu_ms']} ms CPU, {r['search_mean_items']} items), "
            f"PESEL lookup p50 {r['lookup_p50_ms']} ms ({r['lookup_cpu_ms']} ms CPU)"
        )
        print("  " + r.get("search_explain", "(no plan captured)").replace("\n", "\n  "))
    if os.environ.get("SEARCH_BENCH_JSON"):
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    asyncio.run(main([int(a) for a in sys.argv[1:]] or [10_000, 100_000, 1_000_000]))
