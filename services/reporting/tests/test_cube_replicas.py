"""Cubes stay exact when replicas ingest at once (issue #17, PostgreSQL): a month whose facts
change while another replica's refresh is under way stays dirty, and a page's deltas never
deadlock with a refresh."""

import asyncio

import pytest
from sqlalchemy import select, text, update
from sqlalchemy.ext.asyncio import async_sessionmaker
from test_cube_refresh import _assert_cubes_are_the_facts, _feed

from splot.reporting import cubes, rebuild
from splot.reporting.consumer import ingest_until_caught_up
from splot.reporting.ingestion import IngestContext
from splot.reporting.models import DirtyMonth, ReferralFact
from splot.reporting.sources import Sources

MARCH = (2025, 3)


@pytest.fixture
async def replicas(engine):
    """Sessions on connections of their own that really commit (the suite's sessions share one
    connection, rolled back at the end: no two of them run at once). The analytical store is
    emptied again afterwards."""
    if engine.dialect.name != "postgresql":
        pytest.skip("concurrent transactions need PostgreSQL")
    maker = async_sessionmaker(engine, expire_on_commit=False)
    try:
        yield maker
    finally:
        async with maker() as s, s.begin():
            await rebuild.reset(s)


@pytest.fixture
async def march(replicas, settings):
    """Four months of facts with exact cubes; the ids of March's referrals."""
    feeds = _feed(months=4)
    sources = Sources(feeds=[feeds.directory, feeds.clients, feeds.referrals], catalogue=None)
    await ingest_until_caught_up(replicas, sources, IngestContext.from_settings(settings), batch_size=1000)
    async with replicas() as s:
        await _assert_cubes_are_the_facts(s)
        ids = (
            await s.scalars(
                select(ReferralFact.referral_id).where(
                    ReferralFact.sent_year == 2025, ReferralFact.sent_month == 3
                )
            )
        ).all()
    assert ids
    return list(ids)


async def _dirty(replicas) -> list[tuple[int, int]]:
    async with replicas() as s:
        return [tuple(r) for r in (await s.execute(select(DirtyMonth.year, DirtyMonth.month))).all()]


async def _change_march(session, ids) -> None:
    """What a page of another source does: change March's facts and mark it dirty."""
    await session.execute(
        update(ReferralFact)
        .where(ReferralFact.referral_id == ids[0])
        .values(accepted=1 - ReferralFact.accepted)
    )
    await cubes.mark_dirty(session, [MARCH])


async def test_a_month_marked_again_during_a_refresh_stays_dirty(replicas, march, monkeypatch):
    async with replicas() as s, s.begin():
        await cubes.mark_dirty(s, [MARCH])
    original = cubes._refresh_months
    changed = []

    async def refresh_then_change(refreshing, cube, months):
        await original(refreshing, cube, months)
        if not changed:  # after the refresh read March and recomputed a cube: another replica commits
            async with replicas() as other, other.begin():
                await _change_march(other, march)
            changed.append(cube.name)

    monkeypatch.setattr(cubes, "_refresh_months", refresh_then_change)
    async with replicas() as refreshing, refreshing.begin():
        assert await cubes.refresh_dirty(refreshing) == 1
    assert changed and await _dirty(replicas) == [MARCH]  # what it recomputed missed the change

    monkeypatch.setattr(cubes, "_refresh_months", original)
    async with replicas() as s, s.begin():
        assert await cubes.refresh_dirty(s) == 1
    assert await _dirty(replicas) == []
    async with replicas() as s:
        await _assert_cubes_are_the_facts(s)


async def test_a_month_being_marked_is_not_cleared_and_the_refresh_does_not_wait(replicas, march):
    async with replicas() as s, s.begin():
        await cubes.mark_dirty(s, [MARCH])
    async with replicas() as writer:
        await writer.begin()
        await _change_march(writer, march)  # uncommitted: it holds March's dirty row
        async with replicas() as refreshing, refreshing.begin():
            assert await asyncio.wait_for(cubes.refresh_dirty(refreshing), 30) == 1
        await writer.commit()
    assert await _dirty(replicas) == [MARCH]
    async with replicas() as s, s.begin():
        await cubes.refresh_dirty(s)
    async with replicas() as s:
        await _assert_cubes_are_the_facts(s)


async def _waiting_for_a_lock(replicas, pid: int) -> bool:
    async with replicas() as s:
        event = await s.scalar(
            text("SELECT wait_event_type FROM pg_stat_activity WHERE pid = :pid"), {"pid": pid}
        )
    return event == "Lock"


async def test_a_page_with_deltas_and_a_refresh_do_not_deadlock(replicas, march):
    """The page writes cube rows by delta and refreshes at its end; meanwhile another source's
    page refreshes the month those rows are in. Without a common lock taken before the deltas,
    each waits for the other (PostgreSQL cancels one with a deadlock error)."""
    async with replicas() as s, s.begin():
        await cubes.mark_dirty(s, [MARCH])
    async with replicas() as page, replicas() as other:
        await page.begin()
        await cubes.apply_delta(page, march, -1)
        await page.execute(
            update(ReferralFact).where(ReferralFact.referral_id == march[0]).values(accepted=0)
        )
        await cubes.apply_delta(page, march, 1)
        await other.begin()
        pid = await other.scalar(text("SELECT pg_backend_pid()"))
        refresh = asyncio.create_task(cubes.refresh_dirty(other))
        for _ in range(300):
            if refresh.done() or await _waiting_for_a_lock(replicas, pid):
                break
            await asyncio.sleep(0.05)
        assert not refresh.done()  # it waits for the page (the lock, or cube rows the deltas hold)
        await cubes.refresh_dirty(page)
        await page.commit()
        assert await asyncio.wait_for(refresh, 30) == 0  # the page's own refresh cleared March
        await other.commit()
    async with replicas() as s:
        await _assert_cubes_are_the_facts(s)
