"""The outbox with more than one replica (issue #17: "under load 27 of 32 database sessions wait
on the outbox's advisory lock … adding replicas will not add write throughput").

The referral transition is driven against one replica of the referrals service, then against
two (a second ``splot-referrals serve`` on the same databases, the connections shared out between
them), each time while a sampler counts, every 50 ms, the sessions of the referrals database that
are active and those waiting on a heavyweight lock (``wait_event_type = 'Lock'``: row, advisory
and transaction locks). Writers that serialise on a lock show up as waiting sessions, whatever
the machine's number of cores; throughput with two replicas is reported beside the one-replica
run, though on a 2-core machine that also runs PostgreSQL and wrk it cannot double.
"""

from __future__ import annotations

import asyncio
import statistics
import threading
from dataclasses import dataclass, field
from types import TracebackType

import asyncpg

from tests.bench import load, pg
from tests.bench.hot import measured_cells, transition_requests
from tests.bench.report import Row, number
from tests.bench.servers import Server

SAMPLE_SECONDS = 0.05


@dataclass
class LockSampler:
    """Counts active and lock-waiting sessions of ``database`` in a thread of its own while the
    ``with`` block runs."""

    database: str
    active: list[int] = field(default_factory=list)
    waiting: list[int] = field(default_factory=list)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    async def _sample(self) -> None:
        conn = await asyncpg.connect(pg.dsn(self.database))
        try:
            while not self._stop.is_set():
                row = await conn.fetchrow(
                    "SELECT count(*) FILTER (WHERE state = 'active') AS active,"
                    " count(*) FILTER (WHERE wait_event_type = 'Lock') AS waiting"
                    " FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
                    self.database,
                )
                assert row is not None
                self.active.append(int(row["active"]))
                self.waiting.append(int(row["waiting"]))
                await asyncio.sleep(SAMPLE_SECONDS)
        finally:
            await conn.close()

    def __enter__(self) -> LockSampler:
        self._thread = threading.Thread(target=lambda: asyncio.run(self._sample()), daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(10)

    def summary(self) -> str:
        if not self.waiting:
            return "no sample"
        return (
            f"sessions waiting on a lock: mean {statistics.fmean(self.waiting):.1f}, max {max(self.waiting)}"
            f" (active: mean {statistics.fmean(self.active):.1f})"
        )

    @property
    def mean_waiting(self) -> float:
        return statistics.fmean(self.waiting) if self.waiting else float("inf")


def transition_split(replicas: list[Server], ids: list[str], token: str) -> load.Load:
    """The accepts of ``ids``, shared out between the replicas (each referral accepted once)."""
    halves = [ids[i :: len(replicas)] for i in range(len(replicas))]
    targets = [
        (server.base_url, transition_requests(half, token))
        for server, half in zip(replicas, halves, strict=True)
    ]
    return load.run_split(targets, replicas, once=True)


def replicas_row(one: load.Load, one_locks: LockSampler, two: load.Load, two_locks: LockSampler) -> Row:
    scaling = two.rate / one.rate if one.rate else 0.0
    return Row(
        "referral transition, 2 replicas of the referrals service (outbox scaling)",
        "writers do not queue on a lock (the issue: 27 of 32 sessions waited on the outbox lock)",
        measured=(
            f"2 replicas {number(two.rate)} req/s (×{scaling:.2f} of 1 replica in the same run), "
            f"{two_locks.summary()}; 1 replica: {measured_cells(one)}, {one_locks.summary()}"
        ),
        met=not two.failed and two_locks.mean_waiting < 1.0 and one_locks.mean_waiting < 1.0,
    )
