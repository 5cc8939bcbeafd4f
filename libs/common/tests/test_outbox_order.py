"""The outbox feed's order: positions given after commit (splot.common.events).

The concurrency tests need PostgreSQL (real concurrent transactions); the sequencing rules also
run on SQLite."""

import asyncio
import uuid

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker

from splot.common.db import create_engine, utcnow
from splot.common.events import (
    SEQUENCER_LOCK_KEY,
    emit,
    emit_event,
    emit_many,
    outbox_event,
    read_events,
    sequence_outbox,
)


def _payload() -> dict[str, str]:
    return {"id": str(uuid.uuid4())}


async def _emit(maker: async_sessionmaker, n: int = 1) -> list[uuid.UUID]:
    async with maker() as s:
        ids = [
            await emit(s, "widget.created", aggregate_type="widget", aggregate_id=1, payload=_payload())
            for _ in range(n)
        ]
        await s.commit()
    return ids


async def _read_all(maker: async_sessionmaker, after: int) -> list:
    items = []
    while True:
        async with maker() as s:
            page = await read_events(s, after=after, limit=3)
            await s.commit()
        items += page.items
        if not page.items:
            return items
        after = page.last_seq


@pytest.fixture
async def committed(committed_database_url: str):
    engine = create_engine(committed_database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


async def _head(engine: AsyncEngine) -> int:
    async with engine.connect() as conn:
        return int(
            (await conn.execute(select(func.coalesce(func.max(outbox_event.c.position), 0)))).scalar_one()
        )


async def test_written_rows_wait_for_the_sequencer_and_are_numbered_in_order(session):
    first = await emit_event(
        session, "widget.created", aggregate_type="widget", aggregate_id=1, payload=_payload()
    )
    await emit_many(
        session,
        [
            {
                "id": uuid.uuid4(),
                "type": "widget.created",
                "aggregate_type": "widget",
                "aggregate_id": str(i),
                "occurred_at": utcnow(),
                "payload": _payload(),
            }
            for i in range(3)
        ],
    )
    pending = (
        (await session.execute(select(outbox_event.c.seq).where(outbox_event.c.position.is_(None))))
        .scalars()
        .all()
    )
    assert len(pending) == 4 and first.seq == min(pending)
    head = (await session.execute(select(func.coalesce(func.max(outbox_event.c.position), 0)))).scalar_one()
    assert await sequence_outbox(session) == 4
    rows = (
        await session.execute(
            select(outbox_event.c.seq, outbox_event.c.position)
            .where(outbox_event.c.seq.in_(pending))
            .order_by(outbox_event.c.seq)
        )
    ).all()
    assert [r.position for r in rows] == [head + 1, head + 2, head + 3, head + 4]
    assert await sequence_outbox(session) == 0  # nothing left to number
    page = await read_events(session, after=head, limit=10)
    assert [e.seq for e in page.items] == [head + 1, head + 2, head + 3, head + 4]
    assert page.last_seq == page.head_seq == head + 4


async def test_a_rolled_back_sequencer_leaves_the_rows_to_the_next(session):
    await emit(session, "widget.created", aggregate_type="widget", aggregate_id=1, payload=_payload())
    nested = await session.begin_nested()
    assert await sequence_outbox(session) == 1
    await nested.rollback()  # e.g. the sequencer's connection died before COMMIT
    assert (
        await session.scalar(
            select(func.count()).select_from(outbox_event).where(outbox_event.c.position.is_(None))
        )
        == 1
    )
    assert await sequence_outbox(session) == 1


async def test_rows_loaded_with_a_position_are_kept(session):
    """A bulk loader (COPY) may give positions itself: the sequencer numbers after them."""
    top = (await session.execute(select(func.coalesce(func.max(outbox_event.c.position), 0)))).scalar_one()
    await session.execute(
        insert(outbox_event),
        [
            {
                "id": uuid.uuid4(),
                "type": "widget.created",
                "aggregate_type": "widget",
                "aggregate_id": "x",
                "occurred_at": utcnow(),
                "payload": _payload(),
                "position": top + 100,
            }
        ],
    )
    await emit(session, "widget.created", aggregate_type="widget", aggregate_id=1, payload=_payload())
    await sequence_outbox(session)
    page = await read_events(session, after=top, limit=10)
    assert [e.seq for e in page.items] == [top + 100, top + 101]


def _needs_postgres(url: str) -> None:
    if not url.startswith("postgresql"):
        pytest.skip("concurrent transactions: PostgreSQL only (SQLite serialises writers)")


async def test_an_event_committed_late_comes_after_what_a_reader_already_passed(
    committed, committed_database_url
):
    _needs_postgres(committed_database_url)
    maker = async_sessionmaker(bind=committed, expire_on_commit=False)
    await _read_all(maker, 0)  # number whatever earlier tests left
    start = await _head(committed)
    async with maker() as a:
        a_id = await emit(a, "widget.created", aggregate_type="widget", aggregate_id="a", payload=_payload())
        a_seq = (await a.execute(select(outbox_event.c.seq).where(outbox_event.c.id == a_id))).scalar_one()
        (b_id,) = await _emit(maker)  # B inserts after A but commits first
        first = await _read_all(maker, start)
        assert [e.id for e in first] == [b_id]  # A is not visible yet, nor numbered
        cursor = first[-1].seq
        await a.commit()
    second = await _read_all(maker, cursor)
    assert [e.id for e in second] == [a_id]  # not skipped though its seq is below B's
    assert second[0].seq > cursor
    async with maker() as s:
        b_seq = (await s.execute(select(outbox_event.c.seq).where(outbox_event.c.id == b_id))).scalar_one()
    assert a_seq < b_seq
    everything = await _read_all(maker, start)
    assert [e.id for e in everything] == [b_id, a_id]


async def test_a_reader_does_not_wait_for_another_sequencer(committed, committed_database_url):
    _needs_postgres(committed_database_url)
    maker = async_sessionmaker(bind=committed, expire_on_commit=False)
    await _read_all(maker, 0)
    start = await _head(committed)
    (event_id,) = await _emit(maker)
    async with committed.connect() as holder:
        await holder.begin()
        await holder.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SEQUENCER_LOCK_KEY})
        async with maker() as s:
            assert await sequence_outbox(s) == 0  # does not block: another one is numbering
            page = await read_events(s, after=start, limit=10)
        assert page.items == []  # not numbered yet: nothing to skip later
        await holder.rollback()
    page = await _read_all(maker, start)
    assert [e.id for e in page] == [event_id]


async def test_concurrent_writers_and_sequencers_never_duplicate_or_skip(committed, committed_database_url):
    _needs_postgres(committed_database_url)
    maker = async_sessionmaker(bind=committed, expire_on_commit=False)
    await _read_all(maker, 0)
    start = await _head(committed)
    written: list[uuid.UUID] = []
    seen: list = []

    async def writer() -> None:
        for _ in range(15):
            written.extend(await _emit(maker, 2))

    async def reader() -> None:
        cursor = start
        for _ in range(30):
            async with maker() as s:
                page = await read_events(s, after=cursor, limit=1000)
                await s.commit()
            seen.extend(page.items)
            cursor = page.last_seq
            await asyncio.sleep(0)

    await asyncio.gather(writer(), writer(), writer(), reader(), reader())
    everything = await _read_all(maker, start)
    assert sorted(e.id for e in everything) == sorted(written)
    positions = [e.seq for e in everything]
    assert positions == list(range(start + 1, start + 1 + len(written)))  # unique, no gaps
    by_id = {e.id: e.seq for e in everything}
    assert all(by_id[e.id] == e.seq for e in seen)  # a position, once read, never changes
