"""What one referral transition (``accept``, If-Match) costs, in process: CPU time and database
round trips per request (issue #17, "Transition").

The referrals app runs as it does in a service (its own engine and pool, pinging a connection only
after 2 s idle: never between these sequential accepts)
against a fresh PostgreSQL database, with the tests' fake peers (directory, registry) and tokens;
``--n`` referrals are sent, then accepted one after another through httpx's ASGI transport. CPU
is ``time.process_time()`` over the accepts (the client's share included: it is the same in
every run); round trips are counted from SQLAlchemy events: statements (``before_cursor_execute``),
BEGIN and COMMIT/ROLLBACK (none in autocommit); connection checkouts are shown but cost no round trip (a ping only after
2 s idle, :mod:`splot.common.db`). A report, not a test.

    python3 -m uv run python -m tests.bench.transition_cost --n 500

``SPLOT_TREE`` points the fakes (``services/referrals/tests``) at another checkout, to measure an
older tree with ``PYTHONPATH=<tree>/libs/common/src:<tree>/services/referrals/src`` in front.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import event

ROOT = Path(os.environ.get("SPLOT_TREE", Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(ROOT / "services/referrals/tests"))

from splot.common.migrations import upgrade  # noqa: E402
from splot.common.testing import (  # noqa: E402
    RsaKey,
    TokenFactory,
    fresh_postgres_database,
    trust_test_key,
    without_rate_limit,
)
from splot.referrals.main import SERVICE_DIR  # noqa: E402

import conftest as referrals_tests  # type: ignore[import-not-found]  # noqa: E402  (the referrals suite's fakes and helpers)


def _count(engine: Any, counts: Counter[str], shown: list[str]) -> None:
    sync = engine.sync_engine

    @event.listens_for(sync, "before_cursor_execute")
    def _statement(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        counts["statements"] += 1
        shown.append(" ".join(statement.split())[:110])

    def _sent(conn: Any) -> bool:
        """A BEGIN or COMMIT reaches the server unless the connection is in autocommit."""
        return bool(conn.get_execution_options().get("isolation_level") != "AUTOCOMMIT")

    @event.listens_for(sync, "begin")
    def _begin(conn: Any) -> None:
        counts["begin"] += _sent(conn)

    @event.listens_for(sync, "commit")
    def _commit(conn: Any) -> None:
        counts["commit"] += _sent(conn)

    @event.listens_for(sync, "rollback")
    def _rollback(*_args: Any) -> None:
        counts["rollback"] += 1

    @event.listens_for(sync.pool, "checkout")
    def _checkout(*_args: Any) -> None:
        counts["checkout"] += 1


def _by_package(profiler: cProfile.Profile) -> None:
    """CPU time (own time of every function) summed by top-level package."""
    stats = pstats.Stats(profiler)
    total: Counter[str] = Counter()
    for (filename, _line, _name), (_cc, _nc, own, _cum, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        parts = Path(filename).parts
        if "site-packages" in parts:
            package = parts[parts.index("site-packages") + 1]
        elif "splot" in parts:
            package = "splot." + parts[parts.index("splot") + 1]
        elif filename.startswith("<") or "python3" in filename or "lib/python" in filename:
            package = "python (stdlib, builtins)"
        else:
            package = Path(filename).name
        total[package] += own
    whole = sum(total.values())
    for package, own in total.most_common(14):
        print(f"  {package:<32} {own / whole:6.1%}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", default="postgresql+asyncpg://postgres@127.0.0.1:5432/postgres")
    parser.add_argument("--database", default="splot_bench_transition")
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--show", action="store_true", help="print the statements of one transition")
    parser.add_argument(
        "--profile", action="store_true", help="CPU profile of the accepts, by package (cProfile)"
    )
    parser.add_argument("--dump", help="also write the profile's pstats to this file")
    args = parser.parse_args()
    url = await fresh_postgres_database(args.server, args.database)
    await upgrade(SERVICE_DIR, url)
    key = RsaKey.generate("bench-key")
    app = without_rate_limit(trust_test_key(referrals_tests._create_app(url), key))
    app.state.run_background = False
    world = referrals_tests.World(app.state.peers, TokenFactory(key))
    counts: Counter[str] = Counter()
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=True)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        sent = [await referrals_tests.create(client, world) for _ in range(args.n)]
        await referrals_tests.act(client, world, world.ops_cw, *sent.pop(), "accept")  # warm up
        shown: list[str] = []
        _count(app.state.engine, counts, shown)
        profiler = cProfile.Profile(time.process_time) if args.profile else None
        if profiler is not None:
            profiler.enable()
        started = time.process_time()
        wall = time.perf_counter()
        for body, etag in sent:
            response = await referrals_tests.act(client, world, world.ops_cw, body, etag, "accept")
            assert response.status_code == 200, response.text
            if args.show and shown:
                print("\n".join(shown))
                args.show = False
        cpu = time.process_time() - started
        wall = time.perf_counter() - wall
        if profiler is not None:
            profiler.disable()
            _by_package(profiler)
            if args.dump:
                profiler.dump_stats(args.dump)
    await app.state.engine.dispose()
    n = len(sent)
    trips = counts["statements"] + counts["begin"] + counts["commit"] + counts["rollback"]
    print(f"{n} sequential accepts (If-Match) on {args.server.split('@')[-1]}")
    print(f"CPU per transition: {cpu / n * 1000:.2f} ms   wall: {wall / n * 1000:.2f} ms")
    print(
        "per transition: "
        + ", ".join(
            f"{k} {counts[k] / n:.1f}" for k in ("statements", "begin", "commit", "rollback", "checkout")
        )
        + f"; round trips {trips / n:.1f}"
    )


if __name__ == "__main__":
    asyncio.run(main())
