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
import random
import statistics
import time
import uuid
from datetime import UTC, datetime

import asyncpg
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

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


async def load(server: str, n_facts: int, n_persons: int) -> str:
    url = make_url(server)
    admin = await asyncpg.connect(
        user=url.username or "postgres",
        password=url.password,
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database="postgres",
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{DATABASE}"')
    finally:
        await admin.close()
    target = url.set(database=DATABASE).render_as_string(hide_password=False)
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
        database=DATABASE,
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


async def run(server: str, n_facts: int, repeat: int, reuse: bool = False) -> None:
    started = time.perf_counter()
    if reuse:
        url = make_url(server).set(database=DATABASE).render_as_string(hide_password=False)
    else:
        url = await load(server, n_facts, n_persons=max(1000, n_facts // 5))
        print(f"loaded {n_facts:,} referral facts in {time.perf_counter() - started:.1f} s")
    engine = create_engine(url)
    maker = create_sessionmaker(engine)
    try:
        started = time.perf_counter()
        async with maker() as session, session.begin():
            await cubes.mark_all_dirty(session)
            months = await cubes.refresh_dirty(session)
        print(
            f"built the cubes ({months} months x {len(cubes.CUBES)} cubes) in {time.perf_counter() - started:.1f} s"
        )
        async with engine.connect() as conn:  # what autovacuum does after a load: fresh statistics
            await conn.execute(text("ANALYZE"))
            await conn.commit()
        async with maker() as session:
            for name in ("referral_fact", *(c.name for c in cubes.CUBES)):
                table = cubes.Base.metadata.tables[name]
                count = (await session.execute(select(func.count()).select_from(table))).scalar_one()
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
            scope = territory_scope("12") if title.startswith("voivodeship") else territory_scope("")
            timings: dict[str, list[float]] = {"cube": [], "raw": []}
            results = {}
            for _ in range(repeat):
                for mode in ("cube", "raw"):
                    async with maker() as session:
                        t0 = time.perf_counter()
                        result = await aggregate(
                            session,
                            query=query,
                            scope=scope,
                            policy=policy,
                            force=None if mode == "cube" else "raw",
                        )
                        timings[mode].append(time.perf_counter() - t0)
                        results[mode] = result
            same = [(r.period, r.dimensions, r.values) for r in results["cube"].rows] == [
                (r.period, r.dimensions, r.values) for r in results["raw"].rows
            ]
            cube_ms = statistics.median(timings["cube"]) * 1000
            raw_ms = statistics.median(timings["raw"]) * 1000
            print(f"\n{title}")
            print(
                f"  source: {results['cube'].sources} vs {results['raw'].sources}; {len(results['cube'].rows)} rows; identical: {same}"
            )
            print(
                f"  pre-aggregated {cube_ms:8.1f} ms   raw facts {raw_ms:8.1f} ms   ratio {raw_ms / cube_ms:6.1f}x   (median of {repeat})"
            )
    finally:
        await engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the loaded facts of the last run (rebuilds the cubes)"
    )
    args = parser.parse_args()
    asyncio.run(run(args.server, args.facts, args.repeat, args.reuse))


if __name__ == "__main__":
    main()
