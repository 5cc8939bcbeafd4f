"""Outbox writers on PostgreSQL: do they wait on each other? (issue #17, "Transition")

N concurrent asyncio writers each run, for ``--seconds``, transactions shaped like a referral
transition (UPDATE a row of their own, INSERT the outbox event, INSERT a notification-like row,
COMMIT), while a feed reader polls ``read_events`` (which runs the sequencer) every 50 ms:

- ``before``: each writer first takes the outbox's former transaction-wide advisory lock
  (``pg_advisory_xact_lock``, as ``splot.common.events`` did until issue #17), so writers of a
  database are serialised from their outbox insert to their commit;
- ``after``: the current code, no lock (feed positions are given after commit).

It prints events/s and how many sessions waited on a lock (sampled from ``pg_stat_activity`` every
20 ms), and checks that the feed read every event exactly once. A report, not a test: no bound
is asserted. Run::

    python3 -m uv run python -m tests.bench.outbox_contention --writers 16 --seconds 10 \\
        --server postgresql+asyncpg://postgres@127.0.0.1:5432/postgres
"""

from __future__ import annotations

import argparse
import asyncio
import time
import uuid
from dataclasses import dataclass, field

from sqlalchemy import BigInteger, Column, Integer, MetaData, String, Table, insert, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from splot.common.db import create_engine
from splot.common.events import (
    EventPayload,
    declare,
    emit_event,
    platform_metadata,
    read_events,
)
from splot.common.testing import fresh_postgres_database

#: The advisory lock key every outbox writer took before issue #17.
FORMER_OUTBOX_LOCK_KEY = 0x5350_4C4F_5400

bench_metadata = MetaData()
item = Table(
    "bench_item",
    bench_metadata,
    Column("id", Integer, primary_key=True),
    Column("version", BigInteger, nullable=False),
)
note = Table(
    "bench_note",
    bench_metadata,
    Column("id", BigInteger, primary_key=True, autoincrement=True),
    Column("item_id", Integer, nullable=False),
    Column("text", String(80), nullable=False),
)


class BenchTouched(EventPayload):
    item: int


declare("bench", "bench_item", BenchTouched, bench__touched="A benchmark row was touched.")


@dataclass
class Result:
    mode: str
    events: int = 0
    seconds: float = 0.0
    lock_waits: list[int] = field(default_factory=list)
    active: list[int] = field(default_factory=list)
    read: int = 0

    @property
    def rate(self) -> float:
        return self.events / self.seconds if self.seconds else 0.0


async def _setup(engine: AsyncEngine, writers: int) -> None:
    async with engine.begin() as conn:
        await conn.run_sync(platform_metadata.create_all)
        await conn.run_sync(bench_metadata.create_all)
        await conn.execute(insert(item), [{"id": i, "version": 0} for i in range(writers)])


async def _writer(
    maker: async_sessionmaker[AsyncSession], n: int, lock: bool, stop: float, result: Result
) -> None:
    while time.perf_counter() < stop:
        async with maker() as s:
            await s.execute(update(item).where(item.c.id == n).values(version=item.c.version + 1))
            if lock:
                await s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FORMER_OUTBOX_LOCK_KEY})
            await emit_event(
                s, "bench.touched", aggregate_type="bench_item", aggregate_id=n, payload={"item": n}
            )
            await s.execute(insert(note).values(item_id=n, text="touched"))
            await s.commit()
        result.events += 1


async def _reader(
    maker: async_sessionmaker[AsyncSession], written: asyncio.Event, result: Result, start_after: int
) -> int:
    cursor = start_after
    seen: set[uuid.UUID] = set()
    while True:
        done = written.is_set()
        async with maker() as s:
            page = await read_events(s, after=cursor, limit=1000)
            await s.commit()
        for event in page.items:
            if event.id in seen:
                raise AssertionError("an event was read twice")
            seen.add(event.id)
        cursor = page.last_seq
        if done and not page.items and len(seen) >= result.events:
            result.read = len(seen)
            return cursor
        await asyncio.sleep(0.05)


async def _sampler(engine: AsyncEngine, database: str, stop: float, result: Result) -> None:
    async with engine.connect() as conn:
        while time.perf_counter() < stop:
            row = (
                await conn.execute(
                    text(
                        "SELECT count(*) FILTER (WHERE wait_event_type = 'Lock'),"
                        " count(*) FILTER (WHERE state = 'active')"
                        " FROM pg_stat_activity WHERE datname = :db AND pid <> pg_backend_pid()"
                    ),
                    {"db": database},
                )
            ).one()
            result.lock_waits.append(int(row[0]))
            result.active.append(int(row[1]))
            await conn.rollback()
            await asyncio.sleep(0.02)


async def run(
    mode: str, url: str, database: str, writers: int, seconds: float, cursor: int
) -> tuple[Result, int]:
    engine = create_engine(url, pool_size=writers + 2)
    maker = async_sessionmaker(bind=engine, expire_on_commit=False)
    result = Result(mode)
    try:
        start = time.perf_counter()
        stop = start + seconds
        written = asyncio.Event()

        async def write() -> None:
            await asyncio.gather(*(_writer(maker, n, mode == "before", stop, result) for n in range(writers)))
            written.set()

        gathered = await asyncio.gather(
            _reader(maker, written, result, cursor), _sampler(engine, database, stop, result), write()
        )
        result.seconds = time.perf_counter() - start
        if result.read != result.events:
            raise AssertionError(f"the feed read {result.read} events of {result.events} written")
        return result, int(gathered[0])
    finally:
        await engine.dispose()


def _mean(values: list[int]) -> float:
    return sum(values) / len(values) if values else 0.0


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="splot_bench_outbox")
    parser.add_argument("--writers", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    url = await fresh_postgres_database(args.server, args.database)
    database = make_url(url).database or args.database
    setup = create_engine(url)
    await _setup(setup, args.writers)
    await setup.dispose()
    cursor = 0
    results = []
    for mode in ("before", "after"):
        result, cursor = await run(mode, url, database, args.writers, args.seconds, cursor)
        results.append(result)
    print(
        f"{args.writers} writers x {args.seconds:.0f} s on {make_url(args.server).host}:{make_url(args.server).port}"
    )
    print(f"{'mode':<8} {'events/s':>9} {'waiting on a lock (mean / max)':>32} {'active (mean)':>14}")
    for r in results:
        print(
            f"{r.mode:<8} {r.rate:>9.0f} {_mean(r.lock_waits):>24.1f} / {max(r.lock_waits, default=0):<5}"
            f" {_mean(r.active):>14.1f}"
        )
    print(f"after/before: {results[1].rate / results[0].rate:.2f}x; feed read every event once in both")


if __name__ == "__main__":
    asyncio.run(main())
