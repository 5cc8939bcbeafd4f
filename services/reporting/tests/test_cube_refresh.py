"""Cube maintenance at ingestion (issue #17): a refresh recomputes runs of dirty months with a
few statements per cube, not a dozen per month; the cubes stay the GROUP BY of the facts."""

from sqlalchemy import delete, func, select

from splot.common.statement_log import recorded_statements
from splot.reporting import cube_sources, cubes
from splot.reporting.models import DirtyMonth

from sample import Feeds, ingest


class _Feed(Feeds):
    """Referrals sent month after month, most of them answered and some completed."""

    def __init__(self) -> None:
        super().__init__()
        self.pup = self.institution("PUP", "1219053")
        self.targets = (self.institution("NGO", "1219053"), self.institution("OPS", "1261011"))
        self.clients_ = (
            self.person(1958, "M", "1261011", self.pup),
            self.person(1990, "F", "1219053", self.pup),
        )

    def month(self, month: int, referrals: int = 3) -> "_Feed":
        for n in range(referrals):
            ref = self.referral(self.pup, self.targets[n % 2], self.clients_[n % 2], "debt_counselling")
            ref.send(f"2025-{month:02d}-{n + 3:02d}", due=f"2025-{month:02d}-{n + 10:02d}")
            if n:
                ref.accept(f"2025-{month:02d}-{n + 4:02d}").start(f"2025-{month:02d}-{n + 5:02d}")
            if n == 2:
                ref.complete(f"2025-{month:02d}-{n + 15:02d}", ["employed"])
        return self


def _feed(months: int) -> _Feed:
    feeds = _Feed()
    for month in range(1, months + 1):
        feeds.month(month)
    return feeds


async def _assert_cubes_are_the_facts(session) -> None:
    for cube in cubes.CUBES:
        raw = cube_sources.RAW_SOURCES[cube.family]().subquery()
        groups = [raw.c.year, raw.c.month, *(raw.c[k] for k in cube.keys)]
        query = select(*groups, *(func.sum(raw.c[v]) for v in cube.values)).group_by(*groups)
        expected = sorted(tuple(r) for r in (await session.execute(query)).all())
        actual = sorted(tuple(r) for r in (await session.execute(select(cube.table))).all())
        assert actual == expected, cube.name


def test_months_are_packed_in_order_up_to_the_limit():
    counts = [(2025, 1, 40), (2025, 2, 50), (2025, 3, 200), (2025, 4, 0), (2025, 5, 10), (2026, 1, 95)]
    assert cubes.month_chunks(counts, 100) == [
        [(2025, 1), (2025, 2)],
        [(2025, 3)],  # over the limit: alone
        [(2025, 4), (2025, 5)],
        [(2026, 1)],
    ]
    assert cubes.month_chunks([], 100) == []
    assert cubes.month_chunks(counts, 10_000) == [[(y, m) for y, m, _ in counts]]


async def test_a_refresh_of_many_months_runs_a_few_statements_per_cube(
    sessionmaker, session, settings, engine, monkeypatch
):
    await ingest(sessionmaker, _feed(months=6), settings, batch_size=1000)
    await _assert_cubes_are_the_facts(session)
    for chunk_facts in (cubes.REFRESH_CHUNK_FACTS, 1):  # all months together; each month alone
        monkeypatch.setattr(cubes, "REFRESH_CHUNK_FACTS", chunk_facts)
        for cube in cubes.CUBES:
            await session.execute(delete(cube.table))
        await cubes.mark_all_dirty(session)
        assert await session.scalar(select(func.count()).select_from(DirtyMonth)) == 6
        with recorded_statements(engine) as seen:
            assert await cubes.refresh_dirty(session) == 6
        writes = [s for s in seen if s.upper().startswith(("DELETE FROM AGG_", "INSERT INTO AGG_"))]
        chunks = 1 if chunk_facts > 1 else 6
        assert len(writes) == 2 * len(cubes.CUBES) * chunks
        assert len(seen) <= len(writes) + 4  # the lock, the dirty months, their removal, a flush
        assert await session.scalar(select(func.count()).select_from(DirtyMonth)) == 0
        await _assert_cubes_are_the_facts(session)
