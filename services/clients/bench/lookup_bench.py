"""PESEL lookup cost, on PostgreSQL: ``uv run python services/clients/bench/lookup_bench.py [N]``.

Loads 10,000 persons (as ``search_bench``), then sends N (default 500) sequential
``POST /v1/persons/lookup`` in-process (httpx ASGITransport, the real app, a test signing key)
and reports CPU (``time.process_time``: this process runs both the client and the app) and
database statements per lookup, by kind (a ``before_cursor_execute`` listener on the app's engine).
"""

from __future__ import annotations

import asyncio
import cProfile
import importlib.util
import os
import pstats
import sys
import time
import uuid
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI
from sqlalchemy import event

from splot.clients.config import ClientsSettings
from splot.clients.main import create_app
from splot.clients.models import Person
from splot.common.db import create_engine, create_sessionmaker
from splot.common.testing import RsaKey, TokenFactory, trust_test_key

_spec = importlib.util.spec_from_file_location("search_bench", Path(__file__).with_name("search_bench.py"))
assert _spec and _spec.loader
search_bench = sys.modules.setdefault("search_bench", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(search_bench)


async def measure_lookup(lookups: int = 500, persons: int = 10_000) -> dict[str, Any]:
    loaded = await search_bench.load(persons, name="splot_bench_lookup")
    app = create_app(ClientsSettings(database_url=loaded.url, log_level="WARNING"))
    engine = create_engine(loaded.url)
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
    kinds: Counter[str] = Counter()

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        kinds[" ".join(statement.split()[:3])[:60]] += 1

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for pesel in loaded.pesels[:20]:  # warm-up
            (
                await client.post("/v1/persons/lookup", json={"pesel": pesel}, headers=headers)
            ).raise_for_status()
        event.listen(engine.sync_engine, "before_cursor_execute", count)
        profiler = cProfile.Profile() if os.environ.get("LOOKUP_PROFILE") else None
        if profiler:
            profiler.enable()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for i in range(lookups):
            pesel = loaded.pesels[i % len(loaded.pesels)]
            response = await client.post("/v1/persons/lookup", json={"pesel": pesel}, headers=headers)
            response.raise_for_status()
            assert len(response.json()["items"]) == 1
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
        if profiler:
            profiler.disable()
            pstats.Stats(profiler).sort_stats(os.environ["LOOKUP_PROFILE"]).print_stats(40)
        event.remove(engine.sync_engine, "before_cursor_execute", count)
    yard_cpu, yard_wall = await _yardstick(engine, loaded, lookups)
    await engine.dispose()
    return {
        "yardstick_cpu_ms_per_request": round(yard_cpu / lookups * 1000, 3),
        "yardstick_wall_ms_per_request": round(yard_wall / lookups * 1000, 3),
        "cpu_ratio_yardstick_over_lookup": round(yard_cpu / cpu, 2),
        "lookups": lookups,
        "cpu_ms_per_lookup": round(cpu / lookups * 1000, 3),
        "wall_ms_per_lookup": round(wall / lookups * 1000, 3),
        "statements_per_lookup": round(sum(kinds.values()) / lookups, 2),
        "statements": {k: round(v / lookups, 2) for k, v in kinds.most_common()},
    }


async def _yardstick(engine: Any, loaded: Any, requests: int) -> tuple[float, float]:
    """A bare FastAPI + SQLAlchemy endpoint on the same engine: ORM select of a person by PK."""
    app = FastAPI()
    maker = create_sessionmaker(engine)
    conn = await search_bench._connect(loaded.url)
    try:
        ids = [r[0] for r in await conn.fetch("SELECT id FROM person ORDER BY id LIMIT 500")]
    finally:
        await conn.close()

    @app.get("/row/{person_id}")
    async def row(person_id: uuid.UUID) -> dict[str, Any]:
        async with maker() as session:
            person = await session.get(Person, person_id)
            return {
                "id": str(person.id) if person else None,
                "birth_year": person.birth_year if person else None,
            }

    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench") as client:
        for person_id in ids[:20]:
            (await client.get(f"/row/{person_id}")).raise_for_status()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        for i in range(requests):
            (await client.get(f"/row/{ids[i % len(ids)]}")).raise_for_status()
        return time.process_time() - cpu0, time.perf_counter() - wall0


if __name__ == "__main__":
    result = asyncio.run(measure_lookup(int(sys.argv[1]) if len(sys.argv) > 1 else 500))
    for key_, value in result.items():
        print(f"{key_}: {value}")
