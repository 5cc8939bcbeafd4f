"""Bulk writes (splot.common.bulk): ``copy_rows`` and ``upsert_rows``, on the suite's database
(SQLite, and PostgreSQL when ``SPLOT_TEST_DATABASE_URL`` names one)."""

from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import Boolean, Column, Integer, MetaData, String, Table, event, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.bulk import copy_rows, upsert_rows

_META = MetaData()
WIDGETS = Table(
    "bulk_widget",
    _META,
    Column("key", String(16), primary_key=True),
    Column("size", Integer, nullable=True),
    Column("owner", String(16), nullable=True),
    Column("flagged", Boolean, nullable=False, default=False),
)


@pytest.fixture
async def widgets(session: AsyncSession) -> AsyncIterator[AsyncSession]:
    """The table, made inside the test's transaction (rolled back with it)."""
    connection = await session.connection()
    await connection.run_sync(_META.create_all)
    yield session


def _merge(upsert: Any) -> dict[str, Any]:
    """The size from the new row; the owner kept when the new row has none; flagged once flagged."""
    return {
        "size": upsert.excluded.size,
        "owner": func.coalesce(upsert.excluded.owner, WIDGETS.c.owner),
        "flagged": WIDGETS.c.flagged | upsert.excluded.flagged,
    }


async def _stored(session: AsyncSession) -> dict[str, tuple[Any, ...]]:
    rows = await session.execute(select(WIDGETS).order_by(WIDGETS.c.key))
    return {row.key: (row.size, row.owner, row.flagged) for row in rows}


async def test_upsert_inserts_new_rows_and_merges_stored_ones(widgets: AsyncSession) -> None:
    await copy_rows(
        widgets,
        WIDGETS,
        [
            {"key": "a", "size": 1, "owner": "ops", "flagged": True},
            {"key": "b", "size": 2, "owner": "pup", "flagged": False},
        ],
    )
    await upsert_rows(
        widgets,
        WIDGETS,
        [
            {"key": "a", "size": 10, "owner": None, "flagged": False},  # owner kept, still flagged
            {"key": "b", "size": 20, "owner": "ngo", "flagged": True},
            {"key": "c", "size": 30, "owner": None, "flagged": False},  # new
        ],
        key=["key"],
        update=_merge,
    )
    assert await _stored(widgets) == {
        "a": (10, "ops", True),
        "b": (20, "ngo", True),
        "c": (30, None, False),
    }


async def test_upsert_fills_defaults_of_left_out_columns(widgets: AsyncSession) -> None:
    await upsert_rows(widgets, WIDGETS, [{"key": "d", "size": 4, "owner": None}], key=["key"], update=_merge)
    assert await _stored(widgets) == {"d": (4, None, False)}


async def test_do_nothing_keeps_stored_rows_and_takes_duplicates_once(widgets: AsyncSession) -> None:
    await copy_rows(widgets, WIDGETS, [{"key": "a", "size": 1, "owner": "ops", "flagged": False}])
    await upsert_rows(
        widgets,
        WIDGETS,
        [
            {"key": "a", "size": 9, "owner": "x", "flagged": True},
            {"key": "b", "size": 2, "owner": None, "flagged": False},
            {"key": "b", "size": 2, "owner": None, "flagged": False},
        ],
        key=["key"],
        update=None,
    )
    assert await _stored(widgets) == {"a": (1, "ops", False), "b": (2, None, False)}


async def test_a_second_upsert_in_the_transaction_writes_only_its_own_rows(widgets: AsyncSession) -> None:
    """The stage is emptied by the statement that reads it, not only at commit: rows of an earlier
    upsert in the same transaction must not be written again."""
    await upsert_rows(widgets, WIDGETS, [{"key": "a", "size": 1, "owner": None}], key=["key"], update=_merge)
    await widgets.execute(WIDGETS.update().where(WIDGETS.c.key == "a").values(size=5))
    await upsert_rows(widgets, WIDGETS, [{"key": "b", "size": 2, "owner": None}], key=["key"], update=_merge)
    assert await _stored(widgets) == {"a": (5, None, False), "b": (2, None, False)}


async def test_upsert_of_no_rows_does_nothing(widgets: AsyncSession) -> None:
    await upsert_rows(widgets, WIDGETS, [], key=["key"], update=_merge)
    assert await _stored(widgets) == {}


async def test_on_postgresql_many_rows_are_one_statement_not_one_per_row(widgets: AsyncSession) -> None:
    """An ``executemany`` sends the statement once per row (and SQLAlchemy processes each row's
    parameters); the staged upsert is the same three statements for 3 rows or 300."""
    connection = await widgets.connection()
    if connection.dialect.name != "postgresql":
        pytest.skip("the staged path is PostgreSQL's")
    seen: list[tuple[str, bool]] = []

    def record(
        _conn: Any, _cursor: Any, statement: str, _params: Any, _context: Any, executemany: bool
    ) -> None:
        seen.append((statement.split()[0].upper(), executemany))

    sync_engine = connection.sync_engine
    event.listen(sync_engine, "before_cursor_execute", record)
    try:
        for n in (3, 300):
            seen.clear()
            rows = [{"key": f"{n}-{i}", "size": i, "owner": None, "flagged": False} for i in range(n)]
            await upsert_rows(widgets, WIDGETS, rows, key=["key"], update=_merge)
            assert [executemany for _, executemany in seen] == [False, False]  # CREATE stage, WITH … INSERT
            assert [verb for verb, _ in seen] == ["CREATE", "WITH"]
    finally:
        event.remove(sync_engine, "before_cursor_execute", record)
    stored = await _stored(widgets)
    assert len(stored) == 303
    assert stored["300-299"] == (299, None, False)
