"""Many-key lookups (``splot.common.db.among`` and ``select_each``) on the suite's database: the
same rows either way, and on PostgreSQL ``select_each`` probes the index once per key where
``among``'s custom plan scans the table (issue #17, bulk import: one institution's rows filling
the registry)."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from sqlalchemy import Column, Index, Integer, MetaData, Select, String, Table, Uuid, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import among, is_postgresql, select_each

_META = MetaData()
OWNED = Table(
    "probe_owned",
    _META,
    Column("id", Integer, primary_key=True),
    Column("owner", Uuid, nullable=False),
    Column("key", Uuid, nullable=False),
    Column("note", String(100), nullable=True),  # as wide as a registration row
    Index("ix_probe_owned_owner_key", "owner", "key"),
)
OWNER = uuid.UUID(int=1)
#: Where ``= ANY``'s custom plan prefers scanning the whole table to 500 probes of the index.
ROWS_POSTGRESQL, ROWS_SQLITE = 50_000, 2_000


@pytest.fixture
async def owned(session: AsyncSession) -> AsyncIterator[list[uuid.UUID]]:
    """One owner's rows (every row of the table), made and analysed inside the test's transaction."""
    connection = await session.connection()
    await connection.run_sync(_META.create_all)
    if is_postgresql(session):
        keys = [uuid.UUID(int=n + 1000) for n in range(ROWS_POSTGRESQL)]
        await session.execute(
            text(
                "INSERT INTO probe_owned (id, owner, key, note) SELECT n, :owner,"
                " lpad(to_hex(n + 1000), 32, '0')::uuid, repeat('x', 60) FROM generate_series(0, :last) AS n"
            ),
            {"owner": OWNER, "last": ROWS_POSTGRESQL - 1},
        )
        await session.execute(text("ANALYZE probe_owned"))
    else:
        keys = [uuid.UUID(int=n + 1000) for n in range(ROWS_SQLITE)]
        rows = [{"id": n, "owner": OWNER, "key": k} for n, k in enumerate(keys)]
        await session.execute(OWNED.insert(), rows)
    yield keys


def _lookup(session: AsyncSession, keys: list[uuid.UUID], *, each: bool) -> Select[Any]:
    if each:
        return select_each(
            session, (OWNED.c.key,), key=OWNED.c.key, values=keys, where=OWNED.c.owner == OWNER
        )
    return select(OWNED.c.key).where(OWNED.c.owner == OWNER, among(session, OWNED.c.key, keys))


async def test_select_each_finds_the_same_rows_as_among(
    session: AsyncSession, owned: list[uuid.UUID]
) -> None:
    wanted = owned[::40] + [owned[0], uuid.uuid4()]  # stored keys, one twice, and one not stored
    for each in (False, True):
        found = (await session.scalars(_lookup(session, wanted, each=each))).all()
        assert set(found) == set(owned[::40])
    assert (await session.scalars(_lookup(session, [], each=True))).all() == []


async def test_on_postgresql_select_each_probes_the_index_where_among_scans_the_table(
    session: AsyncSession, owned: list[uuid.UUID]
) -> None:
    if not is_postgresql(session):
        pytest.skip("query plans: PostgreSQL only")
    wanted = owned[:: len(owned) // 500]  # a batch of the import: 500 keys
    plans = {}
    for each in (False, True):
        compiled = _lookup(session, wanted, each=each).compile(session.get_bind())
        params = compiled.construct_params()
        raw = (await (await session.connection()).get_raw_connection()).driver_connection
        rows = await raw.fetch(f"EXPLAIN {compiled}", *(params[name] for name in compiled.positiontup or ()))
        plans[each] = "\n".join(r[0] for r in rows)
    assert "Seq Scan on probe_owned" in plans[False], plans[False]  # what the import met
    assert "Seq Scan on probe_owned" not in plans[True], plans[True]
    assert "ix_probe_owned_owner_key" in plans[True], plans[True]
