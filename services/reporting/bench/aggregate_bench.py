"""Benchmark: the same aggregate query from the pre-aggregated cubes vs. from the raw facts.

    uv run python services/reporting/bench/aggregate_bench.py [--facts 1000000] [--server URL]

Creates (drops first) the database ``splot_bench_reporting`` on the PostgreSQL server
(default ``postgresql+asyncpg://postgres@127.0.0.1:5432/postgres``), migrates it, loads synthetic
institutions, persons and referral facts with COPY, builds the cubes the way ingestion does
(``refresh_dirty``), then runs each query several times through the service's own engine
(:func:`splot.reporting.query.aggregate`), once forced onto the cubes and once onto the raw
facts, checks that both give the same rows, and prints the timings and their ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import statistics
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import asyncpg
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from splot.common.app import freeze_startup_objects
from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.reporting import cubes
from splot.reporting.main import SERVICE_DIR
from splot.reporting.models import MEASURE_COLUMNS
from splot.reporting.query import AggregateQuery, aggregate
from splot.reporting.scopes import territory_scope
from splot.reporting.suppression import Policy

DATABASE = "splot_bench_reporting"
VOIVODESHIPS = [f"{v:02d}" for v in range(2, 33, 2)]
ROUTES = [  # (sender type, target type, weight, service types)
    ("PUP", "OPS", 30, ["social_work", "social_contract", "family_assistant", "psychological_counselling"]),
    ("OPS", "PUP", 20, ["job_placement", "vocational_counselling", "training", "traineeship"]),
    ("OPS", "NGO", 20, ["debt_counselling", "addiction_therapy", "housing_support", "mental_health_support"]),
    ("PUP", "NGO", 10, ["training", "debt_counselling", "pai_programme"]),
    ("OPS", "CIS", 8, ["cis_programme", "kis_programme"]),
    ("NGO", "OPS", 7, ["social_work", "care_services"]),
    ("PUP", "CIS", 5, ["cis_programme"]),
]
STATUSES = [
    ("completed", 35),
    ("rejected", 12),
    ("cancelled", 10),
    ("failed", 5),
    ("in_progress", 15),
    ("accepted", 8),
    ("requested", 10),
    ("on_hold", 5),
]


def _institutions(rng: random.Random) -> list[tuple]:
    rows = []
    for voivodeship in VOIVODESHIPS:
        for p in range(1, 25):  # 16 x 24 = 384 powiats
            powiat = f"{voivodeship}{p:02d}"
            kinds = ["PUP"] + ["OPS"] * 6 + ["NGO"] * 4 + ["CIS"]
            for n, kind in enumerate(kinds):
                teryt = f"{powiat}{n + 1:02d}2"
                rows.append(
                    (
                        uuid.UUID(int=rng.getrandbits(128)),
                        kind,
                        f"{kind} {powiat}/{n}",
                        teryt,
                        powiat,
                        voivodeship,
                        True,
                        1,
                    )
                )
    return rows


def _pick(rng: random.Random, weighted: list, weight_index: int) -> tuple:
    total = sum(w[weight_index] for w in weighted)
    x = rng.uniform(0, total)
    for item in weighted:
        x -= item[weight_index]
        if x <= 0:
            return item
    return weighted[-1]


async def load(server: str, n_facts: int, n_persons: int, database: str = DATABASE) -> str:
    url = make_url(server)
    admin = await asyncpg.connect(
        user=url.username or "postgres",
        password=url.password,
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database="postgres",
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{database}"')
    finally:
        await admin.close()
    target = url.set(database=database).render_as_string(hide_password=False)
    await upgrade(SERVICE_DIR, target)

    rng = random.Random(20250101)  # noqa: S311 - synthetic data
    institutions = _institutions(rng)
    by_powiat_type: dict[tuple[str, str], list[uuid.UUID]] = {}
    for row in institutions:
        by_powiat_type.setdefault((row[4], row[1]), []).append(row[0])
    powiats = sorted({row[4] for row in institutions})
    persons = [
        (f"{rng.getrandbits(256):064x}", rng.randint(1945, 2007), rng.choice("FM"), None, None, False, None)
        for _ in range(n_persons)
    ]

    conn = await asyncpg.connect(
        user=url.username or "postgres",
        password=url.password,
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=database,
    )
    try:
        await conn.copy_records_to_table(
            "institution_dim",
            records=institutions,
            columns=["id", "type", "name", "teryt", "powiat_code", "voivodeship_code", "active", "version"],
        )
        await conn.copy_records_to_table(
            "person_dim",
            records=persons,
            columns=[
                "pseudonym",
                "birth_year",
                "sex",
                "gmina",
                "registered_by_institution_id",
                "anonymised",
                "merged_into",
            ],
        )
        columns = [
            "referral_id", "version", "last_event_seq", "chain_depth", "person_pseudonym", "sender_institution_id",
            "target_institution_id", "service_type", "priority", "status", "reason_code", "declined_by", "outcome_codes",
            "cancellation_requested", "acknowledged_flag", "overdue_flag", "sent_at", "sent_year", "sent_month", "sla_state",
            "response_days", "start_days", "completion_days", *MEASURE_COLUMNS,
        ]  # fmt: skip
        batch = []
        for i in range(n_facts):
            sender_type, target_type, _, services = _pick(rng, ROUTES, 2)
            powiat = rng.choice(powiats)
            target_powiat = powiat if rng.random() < 0.9 else rng.choice(powiats)
            sender = rng.choice(by_powiat_type[(powiat, sender_type)])
            receiver = rng.choice(by_powiat_type[(target_powiat, target_type)])
            status = _pick(rng, STATUSES, 1)[0]
            month = rng.randint(1, 12)
            responded = status not in ("requested",) and not (status == "cancelled" and rng.random() < 0.5)
            accepted = status in ("completed", "failed", "in_progress", "accepted", "on_hold") or (
                status == "cancelled" and responded
            )
            started = status in ("completed", "failed", "in_progress", "on_hold")
            response_days = rng.randint(0, 12) if responded else None
            sla = (
                ("met" if response_days <= 5 else "missed")
                if response_days is not None
                else ("pending" if status == "requested" else "not_applicable")
            )
            outcomes = (
                '["employed"]'
                if status == "completed" and rng.random() < 0.3
                else ('["goals_met"]' if status == "completed" else "[]")
            )
            employment = int(outcomes == '["employed"]')
            reason = (
                rng.choice(["no_capacity", "client_declined", "not_eligible"])
                if status in ("rejected", "failed", "cancelled")
                else None
            )
            declined = rng.choice(["client", "provider"]) if status == "rejected" else None
            flags = {
                "referrals": 1, "responded": int(responded), "accepted": int(accepted), "rejected": int(status == "rejected"),
                "rejected_by_client": int(declined == "client"), "rejected_by_provider": int(declined == "provider"),
                "started": int(started), "completed": int(status == "completed"), "failed": int(status == "failed"),
                "cancelled": int(status == "cancelled"), "open": int(status in ("requested", "accepted", "in_progress", "on_hold")),
                "ended": int(accepted and status in ("completed", "failed", "cancelled")),
                "closed_loop": int(accepted and status in ("completed", "failed", "cancelled")),
                "acknowledged": int(status == "completed" and rng.random() < 0.6), "sla_met": int(sla == "met"),
                "sla_missed": int(sla == "missed"), "overdue": int(status == "requested" and rng.random() < 0.3),
                "forwarded": 0, "employment_outcome": employment, "followup_3m_answered": employment,
                "followup_3m_employed": employment, "followup_6m_answered": 0, "followup_6m_employed": 0,
            }  # fmt: skip
            batch.append(
                (
                    uuid.UUID(int=rng.getrandbits(128)),
                    3,
                    i,
                    0,
                    persons[rng.randrange(n_persons)][0],
                    sender,
                    receiver,
                    rng.choice(services),
                    "urgent" if rng.random() < 0.15 else "routine",
                    status,
                    reason,
                    declined,
                    outcomes,
                    False,
                    bool(flags["acknowledged"]),
                    bool(flags["overdue"]),
                    datetime(2025, month, rng.randint(1, 28), 10, tzinfo=UTC),
                    2025,
                    month,
                    sla,
                    response_days,
                    (response_days or 0) + rng.randint(0, 10) if started else None,
                    rng.randint(10, 80) if status == "completed" else None,
                    *(flags[m] for m in MEASURE_COLUMNS),
                )  # fmt: skip
            )
            if len(batch) == 50_000:
                await conn.copy_records_to_table("referral_fact", records=batch, columns=columns)
                batch.clear()
        if batch:
            await conn.copy_records_to_table("referral_fact", records=batch, columns=columns)
        await conn.execute("ANALYZE")
    finally:
        await conn.close()
    return target


QUERIES = {
    "national: referrals, acceptance, SLA by sender voivodeship x route x month (2025)": AggregateQuery(
        measures=[
            "referrals",
            "accepted",
            "rejected",
            "acceptance_rate",
            "sla_met",
            "sla_missed",
            "sla_compliance",
        ],
        dimensions=["sender_voivodeship", "route"],
        granularity="month",
        period_from="2025-01",
        period_to="2025-12",
    ),
    "national: status by service type, per quarter": AggregateQuery(
        measures=["referrals", "completed", "closed_loop_rate", "employment_rate"],
        dimensions=["service_type", "status"],
        granularity="quarter",
        period_from="2025-Q1",
        period_to="2025-Q4",
    ),
    "voivodeship 12: referrals by powiat pair and route, year": AggregateQuery(
        measures=["referrals", "acceptance_rate"],
        dimensions=["sender_powiat", "route"],
        granularity="year",
        period_from="2025",
        period_to="2025",
    ),
}


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def _http_client(url: str) -> tuple[Any, Any]:
    """The service's app on the bench database, in process (httpx ASGITransport), trusting a
    freshly generated test key; and the headers of a national analyst's token."""
    import httpx

    from splot.common.testing import RsaKey, TokenFactory, trust_test_key, without_rate_limit
    from splot.reporting.config import ReportingSettings
    from splot.reporting.main import create_app

    app = create_app(ReportingSettings(database_url=url, ingest_enabled=False))
    engine = create_engine(url)
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.run_background = False
    without_rate_limit(app)
    key = RsaKey.generate("bench-key")
    trust_test_key(app, key)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
    return client, engine, TokenFactory(key)


def _params(query: AggregateQuery) -> dict[str, Any]:
    return {
        "measures": query.measures,
        "dimensions": query.dimensions,
        "granularity": query.granularity,
        "period_from": query.period_from,
        "period_to": query.period_to,
    }


async def run(
    server: str,
    n_facts: int,
    repeat: int,
    reuse: bool = False,
    warmup: int = 5,
    keep_cubes: bool = False,
    raw_repeat: int | None = None,
    database: str = DATABASE,
) -> dict[str, Any]:
    """Load (unless ``reuse``), build the cubes, and time every query: through the HTTP route
    (p50/p95 after ``warmup`` runs on the same connection, so generic plans are what is measured)
    and the raw GROUP BY over the facts (the yardstick), in the same run."""
    started = time.perf_counter()
    if reuse:
        url = make_url(server).set(database=database).render_as_string(hide_password=False)
        await upgrade(SERVICE_DIR, url)  # a database of an older revision gets the new cubes
    else:
        url = await load(server, n_facts, n_persons=max(1000, n_facts // 5), database=database)
        print(f"loaded {n_facts:,} referral facts in {time.perf_counter() - started:.1f} s")
    engine = create_engine(url)
    maker = create_sessionmaker(engine)
    report: dict[str, Any] = {"facts": n_facts, "cubes": {}, "queries": {}}
    client, http_engine, tokens = _http_client(url)
    try:
        started = time.perf_counter()
        if not keep_cubes:
            async with maker() as session, session.begin():
                await cubes.mark_all_dirty(session)
                months = await cubes.refresh_dirty(session)
            report["cube_build_s"] = round(time.perf_counter() - started, 1)
            print(
                f"built the cubes ({months} months x {len(cubes.CUBES)} cubes) in {report['cube_build_s']} s"
            )
        async with engine.connect() as conn:  # what autovacuum does after a load: fresh statistics
            await conn.execute(text("ANALYZE"))
            await conn.commit()
        async with maker() as session:
            for name in ("referral_fact", *(c.name for c in cubes.CUBES)):
                table = cubes.Base.metadata.tables[name]
                count = (await session.execute(select(func.count()).select_from(table))).scalar_one()
                report["cubes"][name] = count
                print(f"  {name:28} {count:>10,} rows")
        policy = Policy(
            5,
            10,
            5,
            frozenset(
                {"addiction_therapy", "mental_health_support", "psychological_counselling", "care_services"}
            ),
        )
        for title, query in QUERIES.items():
            territory = "12" if title.startswith("voivodeship") else ""
            scope = territory_scope(territory)
            headers = tokens.headers(
                roles=["analyst"], analyst_scope=territory, institution_id=uuid.UUID(int=1),
                institution_type="MINISTRY", teryt="1465011",
            )  # fmt: skip
            timings: dict[str, list[float]] = {"http": [], "cube": [], "raw": []}
            results = {}
            body: dict[str, Any] = {}
            async with maker() as session:  # one connection, as in a running service
                raw_runs = warmup + (repeat if raw_repeat is None else raw_repeat)
                for i in range(warmup + repeat):
                    for mode in ("cube", "raw") if i < raw_runs else ("cube",):
                        t0 = time.perf_counter()
                        result = await aggregate(
                            session, query=query, scope=scope, policy=policy,
                            force=None if mode == "cube" else "raw",
                        )  # fmt: skip
                        if i >= warmup:
                            timings[mode].append(time.perf_counter() - t0)
                        results[mode] = result
            # Then the service alone, as ``splot-reporting serve`` runs it: start-up objects frozen
            # (freeze_startup_objects), no raw query's garbage collected inside its timings.
            freeze_startup_objects()
            try:
                for i in range(warmup + repeat):
                    t0 = time.perf_counter()
                    response = await client.get("/v1/aggregate", params=_params(query), headers=headers)
                    if i >= warmup:
                        timings["http"].append(time.perf_counter() - t0)
                    assert response.status_code == 200, response.text[:300]
                    body = response.json()
            finally:
                gc.unfreeze()
            same = [(r.period, r.dimensions, r.values) for r in results["cube"].rows] == [
                (r.period, r.dimensions, r.values) for r in results["raw"].rows
            ]
            stats = {
                mode: {
                    "p50_ms": round(statistics.median(values) * 1000, 1),
                    "p95_ms": round(_percentile(values, 0.95) * 1000, 1),
                }
                for mode, values in timings.items()
            }
            ratio = stats["raw"]["p50_ms"] / stats["http"]["p50_ms"]
            report["queries"][title] = {**stats, "rows": len(body.get("rows", [])), "identical": same,
                                        "raw_over_http_p50": round(ratio, 1)}  # fmt: skip
            print(f"\n{title}")
            print(
                f"  source: {results['cube'].sources} vs {results['raw'].sources}; "
                f"{len(results['cube'].rows)} rows ({len(body.get('rows', []))} over HTTP); identical: {same}"
            )
            print(
                f"  HTTP p50 {stats['http']['p50_ms']:7.1f} ms p95 {stats['http']['p95_ms']:7.1f} ms | "
                f"engine on cubes p50 {stats['cube']['p50_ms']:7.1f} ms | raw GROUP BY p50 {stats['raw']['p50_ms']:8.1f} ms "
                f"p95 {stats['raw']['p95_ms']:8.1f} ms | raw / HTTP {ratio:5.1f}x  ({repeat} runs after {warmup} warm-up)"
            )
    finally:
        await client.aclose()
        await http_engine.dispose()
        await engine.dispose()
    return report


async def measure_aggregate(server_url: str, facts: int) -> dict[str, Any]:
    """For ``make bench``: load ``facts`` facts on ``server_url``, build the cubes and time the
    aggregate API over HTTP (in process) against the raw GROUP BY; see :func:`run`."""
    return await run(server_url, facts, repeat=20)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the loaded facts of the last run (rebuilds the cubes)"
    )
    parser.add_argument("--keep-cubes", action="store_true", help="with --reuse: keep the cubes too")
    parser.add_argument("--raw-repeat", type=int, default=None, help="timed runs of the raw GROUP BY")
    parser.add_argument(
        "--database", default=DATABASE, help=f"the database to (re)create (default {DATABASE})"
    )
    args = parser.parse_args()
    asyncio.run(
        run(
            args.server,
            args.facts,
            args.repeat,
            args.reuse,
            keep_cubes=args.keep_cubes,
            raw_repeat=args.raw_repeat,
            database=args.database,
        )
    )


if __name__ == "__main__":
    main()
