"""The registry's share of a referral transition (issue #17, "Transition"): what one access
hand-over (``POST /v1/internal/access-grants``, the state an ``accept`` sends) costs the clients
service, in process: CPU time and database round trips per request.

The clients app runs as a service does (its own engine and pool) against a fresh PostgreSQL
database. ``--n`` persons are registered and each gets the grant a sent referral gives its
receiver (version 1); then the accepts' states (version 2, accepted) are handed over one after
another through httpx's ASGI transport with one service token, as the referrals service does.
CPU is ``time.process_time()`` over those hand-overs (the client's share included); round trips
are counted from SQLAlchemy events as in :mod:`tests.bench.transition_cost`. A report, not a test.

    python3 -m uv run python -m tests.bench.grant_cost --n 500
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import logging
import os
import time
import uuid
from collections import Counter
from datetime import date
from typing import Any

import httpx

from splot.clients.config import ClientsSettings
from splot.clients.identity import make_pesel
from splot.clients.main import SERVICE_DIR, create_app
from splot.common.migrations import upgrade
from splot.common.testing import (
    RsaKey,
    TokenFactory,
    fresh_postgres_database,
    trust_test_key,
    without_rate_limit,
)
from tests.bench.transition_cost import _by_package, _count

#: Hand-overs per run: the least CPU of a run is the figure least disturbed by other processes.
CHUNK = 50


def _state(
    person_id: str, target: uuid.UUID, sender: uuid.UUID, referral_id: uuid.UUID, version: int
) -> dict[str, Any]:
    return {
        "person_id": person_id,
        "institution_id": str(target),
        "referral_id": str(referral_id),
        "sender_institution_id": str(sender),
        "service_type_code": "social_work",
        "legal_basis": "statutory",
        "consent_id": None,
        "covers_sensitive": False,
        "accepted": version > 1,
        "active": True,
        "retention_days": None,
        "version": version,
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="splot_bench_grant")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--show", action="store_true", help="print the statements of one hand-over")
    parser.add_argument("--profile", action="store_true", help="CPU profile of the hand-overs, by package")
    parser.add_argument(
        "--functions", type=int, default=0, help="also the N costliest functions (cumulative)"
    )
    args = parser.parse_args()
    logging.disable(logging.INFO)
    url = await fresh_postgres_database(args.server, args.database)
    await upgrade(SERVICE_DIR, url)
    key = RsaKey.generate("bench-key")
    app = create_app(
        ClientsSettings(
            database_url=url,
            log_json=True,
            import_inline=True,
            retention_interval_seconds=0,
            import_poll_seconds=0,
        )
    )
    app = without_rate_limit(trust_test_key(app, key))
    tokens = TokenFactory(key)
    pup, ops = uuid.uuid4(), uuid.uuid4()
    staff = tokens.headers(
        sub=f"user-{uuid.uuid4().hex[:8]}",
        institution_id=pup,
        institution_type="PUP",
        teryt="1219",
        roles=["caseworker"],
    )
    service = tokens.service_headers("referrals", "clients:internal")
    counts: Counter[str] = Counter()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        states = []
        for i in range(args.n + 1):
            body = {
                "pesel": make_pesel(date(1960 + i % 40, 1 + i % 12, 1 + i % 28), "FM"[i % 2], i % 1000),
                "first_name": "Anna",
                "last_name": f"Bench{i}",
                "gmina": "1219053",
            }
            created = await client.post("/v1/persons", json=body, headers=staff)
            assert created.status_code == 201, created.text
            referral_id = uuid.uuid4()
            first = _state(created.json()["id"], ops, pup, referral_id, 1)
            sent = await client.post("/v1/internal/access-grants", json=first, headers=service)
            assert sent.status_code == 201, sent.text
            states.append(_state(created.json()["id"], ops, pup, referral_id, 2))
        warm = await client.post("/v1/internal/access-grants", json=states.pop(), headers=service)
        assert warm.status_code == 200, warm.text
        shown: list[str] = []
        _count(app.state.engine, counts, shown)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        chunks: list[float] = []
        for i, state in enumerate(states):
            if i % CHUNK == 0:
                chunk_started = time.process_time()
            response = await client.post("/v1/internal/access-grants", json=state, headers=service)
            assert response.status_code == 200, response.text
            assert response.json()["accepted_at"] is not None
            if args.show and shown:
                print("\n".join(shown))
                args.show = False
            if i % CHUNK == CHUNK - 1:
                chunks.append((time.process_time() - chunk_started) / CHUNK)
        cpu = time.process_time() - started
        if profiler is not None:
            profiler.disable()
            _by_package(profiler)
            if args.functions:
                import pstats

                pstats.Stats(profiler).sort_stats(os.environ.get("SORT", "cumulative")).print_stats(
                    args.functions
                )
    await app.state.engine.dispose()
    n = len(states)
    trips = sum(counts[k] for k in ("statements", "begin", "commit", "rollback", "checkout"))
    print(f"{n} sequential hand-overs (accept, version 2) on {args.server.split('@')[-1]}")
    chunks.sort()
    print(
        f"CPU per hand-over: {cpu / n * 1000:.2f} ms (of {len(chunks)} runs of {CHUNK}: "
        f"least {chunks[0] * 1000:.2f} ms, median {chunks[len(chunks) // 2] * 1000:.2f} ms)"
    )
    print(
        "per hand-over: "
        + ", ".join(
            f"{k} {counts[k] / n:.1f}" for k in ("statements", "begin", "commit", "rollback", "checkout")
        )
        + f"; round trips {trips / n:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
