"""The pool on PostgreSQL (issue #17): the connections it opened under load are kept; its ping is
one round trip, and only for a connection that has been idle in the pool longer than
``ping_idle_seconds``; a connection the server dropped is still replaced before anyone gets it,
and a drop that slips through answers 503, not 500."""

import asyncio

import httpx
import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from splot.common import db
from splot.common.db import DEFAULT_POOL_SIZE, create_engine
from splot.common.settings import ServiceSettings
from splot.common.testing import trust_test_key, without_rate_limit

from sample.app import create_app


class Clock:
    """Stands in for ``time`` in :mod:`splot.common.db`: idleness without sleeping."""

    def __init__(self) -> None:
        self.now = 1000.0

    def monotonic(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch):
    clock = Clock()
    monkeypatch.setattr(db, "time", clock)
    return clock


@pytest.fixture
def postgres(database_url):
    if not database_url.startswith("postgresql"):
        pytest.skip("the asyncpg pool's ping: PostgreSQL only")
    return database_url


async def _queries_of_a_checkout(engine: AsyncEngine, queries: list[str]) -> tuple[int, list[str]]:
    """Check a connection out, run one statement, return it; what the driver was sent (the
    ping is the empty statement; a prepared statement's re-execution is not logged)."""
    queries.clear()
    async with engine.connect() as conn:
        pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar()
        await conn.commit()
    return pid, [q.strip().rstrip(";").upper() for q in queries]


async def _terminate(database_url: str, pid: int) -> None:
    killer = create_engine(database_url, null_pool=True)
    try:
        async with killer.connect() as conn:
            await conn.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
            await conn.commit()
    finally:
        await killer.dispose()


async def _backends_of_concurrent_checkouts(engine: AsyncEngine, count: int) -> set[int]:
    """The server processes of ``count`` connections checked out at the same time."""
    opened = asyncio.Barrier(count)

    async def hold() -> int:
        async with engine.connect() as conn:
            pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar()
            await conn.commit()
            await asyncio.wait_for(opened.wait(), timeout=10)  # all open at once
            return int(pid)

    return set(await asyncio.gather(*(hold() for _ in range(count))))


async def test_the_connections_a_burst_opened_are_kept_not_closed_on_return(postgres):
    """As many requests at once as the pool holds, twice: the second burst gets the first one's
    connections. Before, half of them were overflow, closed on return: a sustained load opened a
    new server process several times a second (129 in a 20 s run of accepts on the registry)."""
    assert ServiceSettings().database_pool_size == DEFAULT_POOL_SIZE
    engine = create_engine(postgres)  # the services' pool
    try:
        first = await _backends_of_concurrent_checkouts(engine, DEFAULT_POOL_SIZE)
        assert len(first) == DEFAULT_POOL_SIZE
        second = await _backends_of_concurrent_checkouts(engine, DEFAULT_POOL_SIZE)
        assert second == first
        assert engine.pool.checkedin() == DEFAULT_POOL_SIZE  # type: ignore[attr-defined]
    finally:
        await engine.dispose()


async def test_a_connection_returned_a_moment_ago_is_not_pinged_one_idle_longer_is(postgres, clock):
    engine = create_engine(postgres, pool_size=1, ping_idle_seconds=2.0)
    queries: list[str] = []
    try:
        async with engine.connect() as conn:
            raw = (await conn.get_raw_connection()).driver_connection
            raw.add_query_logger(lambda record: queries.append(record.query))
            first = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar()
            await conn.commit()
        clock.now += 1.9  # within the threshold: handed out as it is
        pid, sent = await _queries_of_a_checkout(engine, queries)
        assert pid == first
        assert "" not in sent and sent[0] == "BEGIN", sent
        clock.now += 2.1  # idle longer: pinged first, in one round trip (no BEGIN … ROLLBACK)
        pid, sent = await _queries_of_a_checkout(engine, queries)
        assert pid == first
        assert sent[0] == "" and sent.count("") == 1, sent
        assert "ROLLBACK" not in sent and sent.count("BEGIN") == 1, sent
    finally:
        await engine.dispose()


async def test_a_dropped_connection_idle_past_the_threshold_is_replaced_before_use(postgres, clock):
    engine = create_engine(postgres, pool_size=1, ping_idle_seconds=2.0)
    try:
        async with engine.connect() as conn:
            first = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar()
            await conn.commit()
        await _terminate(postgres, first)
        clock.now += 3
        for _ in range(2):
            async with engine.connect() as conn:
                pid = (await conn.execute(text("SELECT pg_backend_pid()"))).scalar()
                await conn.commit()
            assert pid != first
    finally:
        await engine.dispose()


async def test_a_drop_within_the_threshold_answers_503_once_then_the_pool_recovers(
    postgres, clock, test_key, tokens
):
    """A restart right after requests (no ping): the next request's statement meets a dead
    connection; the answer is a problem the client can retry, and SQLAlchemy replaces every pooled
    connection older than the failure, so the following requests work (one failure, not one per
    pooled connection)."""
    app = without_rate_limit(trust_test_key(create_app(postgres), test_key))
    app.state.run_background = False
    engine: AsyncEngine = app.state.engine
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            headers = tokens.headers()
            assert (await client.get("/v1/widgets", headers=headers)).status_code == 200
            async with engine.connect() as one, engine.connect() as two:  # two pooled connections
                pids = [(await c.execute(text("SELECT pg_backend_pid()"))).scalar() for c in (one, two)]
                await one.commit()
                await two.commit()
            for pid in pids:  # the server restarted: both are dead
                await _terminate(postgres, pid)
            clock.now += 0.5
            lost = await client.get("/v1/widgets", headers=headers)
            assert lost.status_code == 503, lost.text
            assert lost.headers["content-type"].startswith("application/problem+json")
            assert lost.json()["code"] == "database_unavailable"
            assert lost.headers["retry-after"] == "1"
            # the other dead connection is replaced too (the pool was invalidated), not met
            for _ in range(3):
                assert (await client.get("/v1/widgets", headers=headers)).status_code == 200
    finally:
        await engine.dispose()


async def test_single_statement_sessions_commit_each_statement_without_begin(postgres):
    engine = create_engine(postgres, pool_size=1)  # one connection: both makers use it
    maker = db.create_sessionmaker(engine)
    single = db.single_statement_sessions(maker)
    queries: list[str] = []
    xact = text("SELECT pg_current_xact_id()::text")
    try:
        async with engine.connect() as conn:
            raw = (await conn.get_raw_connection()).driver_connection
            raw.add_query_logger(lambda record: queries.append(record.query.strip().upper()))
        assert db.single_statement_sessions(maker) is single  # derived once per maker
        for sessions, each_its_own in ((single, True), (maker, False)):
            queries.clear()
            async with sessions() as session:
                # Autocommit: each statement is a transaction of its own.
                first, second = [(await session.execute(xact)).scalar() for _ in range(2)]
                assert (first != second) is each_its_own
                await session.commit()
            # No BEGIN and no COMMIT sent in autocommit: a statement is one round trip.
            framing = [q.split()[0].rstrip(";") for q in queries if q.startswith(("BEGIN", "COMMIT"))]
            assert framing == ([] if each_its_own else ["BEGIN", "COMMIT"]), queries
        # The connection went back to the pool in its usual mode for everyone else.
        async with maker() as session:
            first, second = [(await session.execute(xact)).scalar() for _ in range(2)]
            assert first == second
    finally:
        await engine.dispose()


async def test_single_statement_sessions_keep_a_maker_bound_to_a_connection(sessionmaker):
    # A test's maker (its rolled-back connection) or SQLite: the maker itself, savepoints and all.
    assert db.single_statement_sessions(sessionmaker) is sessionmaker
