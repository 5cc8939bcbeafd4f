"""Benchmark: ingestion of the referrals feed into a fresh reporting database (PostgreSQL).

    uv run python services/reporting/bench/ingest_bench.py [--events 20000] [--server URL]
    uv run python services/reporting/bench/ingest_bench.py --rebuild --events 1000000
    uv run python services/reporting/bench/ingest_bench.py --rebuild --country 'splot_national_{}'

Creates (drops first) the database ``splot_bench_ingest``, migrates it, and fills three
*in-process* feeds (:class:`splot.reporting.sources.InMemorySource`, the same ``fetch(after,
limit)`` interface as the HTTP source) with synthetic but contract-valid events: every payload is
built from the producers' published examples (``openapi/events/*.json`` via
:func:`splot.common.testing.event_example`, validated once per event type). The directory feed
holds the institutions, the clients feed the persons, the referrals feed the referral lifecycles
(sent → accepted/rejected/withdrawn → started → completed/failed, acknowledged, follow-ups),
interleaved in time as the referrals service publishes them.

Directory and clients are consumed first (not timed); then the referrals feed is consumed the way
the worker does (pages of ``ingest_batch_size``, cubes refreshed per page) and timed: events/s
and CPU seconds of this process (the consumer; HTTP is *not* measured, the feed is in memory).
With ``--rebuild`` the whole store is rebuilt instead (``splot-reporting rebuild``: every feed
from 0, cubes once at the end), which is what "three national years" costs; ``--country PATTERN``
replays instead the feeds of a synthetic country (``splot-embedded national``, every outbox event
the services would have written) read from its databases into memory first. ``--database``
names the database to (re)create. Besides this process's CPU, ``server_cpu_s`` is the CPU of the
PostgreSQL backends serving the run (read from ``/proc``: the server must run on this machine), and
``events_per_cpu_s`` the events per second of both together, i.e. the rate on one core.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import os
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from splot.common.db import create_engine, create_sessionmaker
from splot.common.migrations import upgrade
from splot.common.testing import event_example
from splot.reporting.config import ReportingSettings
from splot.reporting.consumer import ingest_until_caught_up, rebuild
from splot.reporting.ingestion import IngestContext
from splot.reporting.main import SERVICE_DIR
from splot.reporting.models import ReferralFact
from splot.reporting.sources import FeedEvent, InMemorySource, Sources

DATABASE = "splot_bench_ingest"
DEFAULT_SERVER = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
ROUTES = [  # (sender type, target type, service types)
    ("PUP", "OPS", ["social_work", "family_assistant"]),
    ("OPS", "PUP", ["job_placement", "training"]),
    ("OPS", "NGO", ["debt_counselling", "addiction_therapy"]),
    ("PUP", "NGO", ["training", "debt_counselling"]),
    ("OPS", "CIS", ["cis_programme"]),
]


class _Feed:
    """Appends events with contract-shaped payloads (one validated template per event type)."""

    def __init__(self, source: InMemorySource, producer: str) -> None:
        self.source = source
        self.producer = producer
        self.templates: dict[str, dict[str, Any]] = {}

    def payload(self, event_type: str, **values: Any) -> dict[str, Any]:
        if event_type not in self.templates:  # validated against the contract once
            self.templates[event_type] = event_example(self.producer, event_type, **values)
            return copy.deepcopy(self.templates[event_type])
        payload = copy.deepcopy(self.templates[event_type])
        payload.update(values)
        return payload

    def add(
        self, event_type: str, when: datetime, aggregate: str, aggregate_id: str, payload: dict[str, Any]
    ):
        seq = len(self.source.events) + 1
        self.source.events.append(
            FeedEvent(seq, uuid.uuid4(), event_type, aggregate, aggregate_id, when, payload)
        )


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _lifecycle(
    rng: random.Random, start: datetime
) -> list[tuple[str, timedelta, str | None, dict[str, Any]]]:
    """(action, offset, new status, snapshot changes) of one referral after it is sent."""
    out: list[tuple[str, timedelta, str | None, dict[str, Any]]] = []
    t = timedelta(days=rng.randint(0, 8), hours=rng.randint(0, 7))
    x = rng.random()
    if x < 0.12:
        out.append(("rejected", t, "rejected", {"responded_at": t, "ended_at": t, "reason_code": "no_capacity",
                                                "declined_by": rng.choice(["client", "provider"])}))  # fmt: skip
        return out
    if x < 0.2:
        out.append(("withdrawn", t, "cancelled", {"ended_at": t, "reason_code": "client_moved"}))
        return out
    if x < 0.28:
        return out  # still requested
    out.append(("accepted", t, "accepted", {"responded_at": t, "accepted_at": t}))
    t += timedelta(days=rng.randint(1, 10))
    out.append(("started", t, "in_progress", {"started_at": t}))
    if rng.random() < 0.2:
        return out
    t += timedelta(days=rng.randint(10, 60))
    if rng.random() < 0.85:
        outcomes = ["employed"] if rng.random() < 0.3 else ["goals_met"]
        out.append(("completed", t, "completed", {"ended_at": t, "outcome_codes": outcomes}))
    else:
        out.append(("failed", t, "failed", {"ended_at": t, "reason_code": "client_dropped_out"}))
    if rng.random() < 0.5:
        out.append(("acknowledged", t + timedelta(days=1), None, {"acknowledged": True}))
    return out


def build_feeds(n_events: int, seed: int = 17) -> Sources:
    """Institutions, persons and about ``n_events`` referral-feed events (time-ordered)."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    directory = _Feed(InMemorySource("directory"), "directory")
    clients = _Feed(InMemorySource("clients"), "clients")
    referrals = _Feed(InMemorySource("referrals"), "referrals")
    t0 = datetime(2024, 12, 1, 10, tzinfo=UTC)
    institutions: dict[str, list[str]] = {}
    for v in range(2, 33, 2):
        for p in range(1, 9):
            powiat = f"{v:02d}{p:02d}"
            for n, kind in enumerate(["PUP", "OPS", "OPS", "NGO", "NGO", "CIS"]):
                inst_id = str(uuid.UUID(int=rng.getrandbits(128)))
                teryt = f"{powiat}{n + 1:02d}2"
                institutions.setdefault(kind, []).append(inst_id)
                payload = directory.payload(
                    "institution.created", id=inst_id, type=kind, name=f"{kind} {teryt}", teryt=teryt,
                    powiat_code=powiat, voivodeship_code=f"{v:02d}", active=True, version=1,
                )  # fmt: skip
                directory.add("institution.created", t0, "institution", inst_id, payload)
    n_referrals = max(1, n_events * 10 // 35)
    persons = []
    for _ in range(max(100, n_referrals // 2)):
        person_id = str(uuid.UUID(int=rng.getrandbits(128)))
        persons.append(person_id)
        payload = clients.payload(
            "person.created", person_id=person_id, birth_year=rng.randint(1950, 2006), sex=rng.choice("FM"),
            gmina=None, registering_institution_id=rng.choice(institutions["OPS"]), status="active",
        )  # fmt: skip
        clients.add("person.created", t0, "person", person_id, payload)
    timeline: list[tuple[datetime, int, str, str, dict[str, Any]]] = []
    year_seconds = 365 * 86400
    for i in range(n_referrals):
        sender_type, target_type, services = rng.choice(ROUTES)
        referral_id = str(uuid.UUID(int=rng.getrandbits(128)))
        sent = datetime(2025, 1, 1, 8, tzinfo=UTC) + timedelta(seconds=rng.randrange(year_seconds))
        snapshot: dict[str, Any] = {
            "id": referral_id, "number": f"SK/{i}", "version": 1, "parent_referral_id": None,
            "chain_root_id": referral_id, "chain_depth": 0, "person_id": rng.choice(persons),
            "sender_institution_id": rng.choice(institutions[sender_type]),
            "target_institution_id": rng.choice(institutions[target_type]), "target_offer_id": None,
            "service_type_code": rng.choice(services), "priority": "urgent" if rng.random() < 0.15 else "routine",
            "programme": None, "status": "requested", "business_status": None, "legal_basis_kind": "statutory",
            "reason_code": None, "declined_by": None, "outcome_codes": [], "cancellation_requested": False,
            "acknowledged": False, "created_at": _iso(sent), "sent_at": _iso(sent), "responded_at": None,
            "accepted_at": None, "started_at": None, "ended_at": None,
            "due_at": _iso(sent + timedelta(days=7)), "overdue": False,
        }  # fmt: skip
        timeline.append((sent, i, "sent", "draft", copy.deepcopy(snapshot)))
        for action, offset, status, changes in _lifecycle(rng, sent):
            before = snapshot["status"]
            snapshot["version"] += 1
            if status:
                snapshot["status"] = status
            snapshot.update(
                {k: _iso(sent + v) if isinstance(v, timedelta) else v for k, v in changes.items()}
            )
            timeline.append((sent + offset, i, action, before, copy.deepcopy(snapshot)))
    timeline.sort(key=lambda item: (item[0], item[1]))
    for when, _, action, before, snap in timeline:
        payload = referrals.payload(
            f"referral.{action}", action=action, from_status=before, to_status=snap["status"],
            actor_institution_id=snap["sender_institution_id"], referral=snap,
        )  # fmt: skip
        referrals.add(f"referral.{action}", when, "referral", snap["id"], payload)
    return Sources(feeds=[directory.source, clients.source, referrals.source], catalogue=None)


async def _fresh_database(server: str, database: str = DATABASE) -> str:
    url = make_url(server)
    admin = await asyncpg.connect(
        user=url.username or "postgres",
        password=url.password,
        host=url.host or "127.0.0.1",
        port=url.port or 5432,
        database=url.database or "postgres",
    )
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{database}"')
    finally:
        await admin.close()
    target = url.set(database=database).render_as_string(hide_password=False)
    await upgrade(SERVICE_DIR, target)
    return target


async def _backend_cpu(engine: Any, database: str) -> dict[int, float]:
    """CPU seconds (user + system) so far of every server process connected to ``database`` (read
    from ``/proc``: the server must run on this machine; empty otherwise)."""
    async with engine.connect() as conn:
        pids = (
            await conn.execute(text("SELECT pid FROM pg_stat_activity WHERE datname = :d"), {"d": database})
        ).scalars()
        return _process_cpu(list(pids))


def _process_cpu(pids: list[int]) -> dict[int, float]:
    out: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        out[pid] = (int(fields[11]) + int(fields[12])) / tick
    return out


def _cpu_since(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(cpu - before.get(pid, 0.0) for pid, cpu in after.items())


async def country_feeds(server_url: str, pattern: str) -> Sources:
    """The three feeds of a synthetic country (``splot-embedded national``, which writes every
    outbox event the services would have) read from the databases ``pattern.format("directory")`` etc. on
    ``server_url`` into memory, as ``GET /v1/events`` would serve them (so that reading them is not
    timed)."""
    from splot.embedded.national.reporting import OutboxSource

    feeds: list[InMemorySource] = []
    for name in ("directory", "clients", "referrals"):
        target = make_url(server_url).set(database=pattern.format(name)).render_as_string(hide_password=False)
        engine = create_engine(target)
        try:
            outbox, feed, after = OutboxSource(name, engine), InMemorySource(name), 0
            while True:
                page = await outbox.fetch(after=after, limit=1000)
                feed.events += page.items
                if not page.items or page.last_seq >= page.head_seq:
                    break
                after = page.last_seq
        finally:
            await engine.dispose()
        feeds.append(feed)
    return Sources(feeds=list(feeds), catalogue=None)


async def measure_ingestion(
    server_url: str,
    events: int,
    *,
    full_rebuild: bool = False,
    database: str = DATABASE,
    feeds: Sources | None = None,
) -> dict[str, Any]:
    """Ingest about ``events`` referral-feed events into a fresh database on ``server_url``.

    Returns ``events`` (referral-feed events consumed), ``seconds``, ``events_per_s`` and
    ``cpu_s`` (this process: the consumer; PostgreSQL's own CPU is not included)."""
    sources = feeds or build_feeds(events)
    target = await _fresh_database(server_url, database)
    settings = ReportingSettings()
    ctx = IngestContext.from_settings(settings)
    engine = create_engine(target)
    maker = create_sessionmaker(engine)
    referrals = sources.feeds[2]
    n = len(referrals.events)  # type: ignore[attr-defined]
    try:
        if full_rebuild:
            n = sum(len(feed.events) for feed in sources.feeds)  # type: ignore[attr-defined]
            server_cpu = await _backend_cpu(engine, database)
            wall, cpu = time.perf_counter(), time.process_time()
            await rebuild(maker, sources, ctx, batch_size=settings.ingest_batch_size)
        else:
            first = Sources(feeds=sources.feeds[:2], catalogue=None)
            await ingest_until_caught_up(maker, first, ctx, batch_size=settings.ingest_batch_size)
            async with engine.connect() as conn:  # what autovacuum does after the dimensions load
                await conn.execute(text("ANALYZE"))
                await conn.commit()
            server_cpu = await _backend_cpu(engine, database)
            wall, cpu = time.perf_counter(), time.process_time()
            await ingest_until_caught_up(
                maker, Sources(feeds=[referrals], catalogue=None), ctx, batch_size=settings.ingest_batch_size
            )
        seconds, cpu_s = time.perf_counter() - wall, time.process_time() - cpu
        server_cpu_s = _cpu_since(server_cpu, await _backend_cpu(engine, database))
        async with maker() as session:
            facts = int(await session.scalar(select(func.count()).select_from(ReferralFact)) or 0)
    finally:
        await engine.dispose()
    return {
        "events": n,
        "facts": facts,
        "seconds": round(seconds, 2),
        "events_per_s": round(n / seconds, 1),
        "cpu_s": round(cpu_s, 2),
        "cpu_ms_per_event": round(cpu_s * 1000 / n, 3),
        "server_cpu_s": round(server_cpu_s, 2),
        "events_per_cpu_s": round(n / (cpu_s + server_cpu_s), 1),
        "mode": "rebuild" if full_rebuild else "referrals feed, cubes per page",
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--server", default=DEFAULT_SERVER)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--rebuild", action="store_true", help="time a full rebuild (all feeds, cubes once)")
    parser.add_argument("--database", default=DATABASE, help="the database to (re)create on the server")
    parser.add_argument(
        "--country",
        metavar="PATTERN",
        help="replay the feeds of a synthetic country (splot-embedded national) from the databases "
        "PATTERN.format('directory'|'clients'|'referrals'), e.g. splot_national_{}, instead of generated ones",
    )
    args = parser.parse_args()

    async def run() -> dict[str, Any]:
        feeds = await country_feeds(args.server, args.country) if args.country else None
        return await measure_ingestion(
            args.server, args.events, full_rebuild=args.rebuild, database=args.database, feeds=feeds
        )

    result = asyncio.run(run())
    for key, value in result.items():
        print(f"{key:18} {value}")


if __name__ == "__main__":
    main()
