"""Bulk writes with PostgreSQL ``COPY`` (asyncpg ``copy_records_to_table``): only the columns a
table really has are written (other helpers may add nullable columns meanwhile), sequences are
moved past what was loaded, and every loaded table is ANALYZEd (autovacuum may be off).

For speed the load's connections commit asynchronously (``synchronous_commit = off``: a crash
loses the last commits, never consistency), skip the foreign-key triggers where the role may
(``session_replication_role = replica``: the generator writes parents before children), and a
table's secondary indexes (those backing no constraint) are dropped before its first COPY and
built again, once and sorted, by :meth:`Loader.finish`. A load that fails half-way leaves
databases to be created afresh anyway (a second load is refused)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Coroutine, Sequence
from operator import itemgetter
from typing import Any

import asyncpg
from sqlalchemy.engine import make_url


async def connect(url: str) -> asyncpg.Connection:
    """An asyncpg connection from a ``postgresql+asyncpg://`` URL, prepared for the load."""
    u = make_url(url)
    if not u.drivername.startswith("postgresql"):
        raise ValueError("the synthetic country needs PostgreSQL (COPY); this database is " + u.drivername)
    conn = await asyncpg.connect(
        user=u.username or "postgres",
        password=u.password,
        host=u.host or "127.0.0.1",
        port=u.port or 5432,
        database=u.database,
    )
    await prepare(conn)
    return conn


_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))


def dumps(value: Any) -> str:
    """Compact JSON text (one encoder for millions of payloads: ``json.dumps`` makes one a call)."""
    return _ENCODER.encode(value)


async def prepare(conn: asyncpg.Connection) -> None:
    """The load's session settings (see the module's docstring)."""
    await conn.execute("SET synchronous_commit = off")
    await conn.execute("SET maintenance_work_mem = '256MB'")
    try:
        await conn.execute("SET session_replication_role = replica")
    except asyncpg.InsufficientPrivilegeError:
        pass  # not a superuser: the foreign keys are checked row by row


class Loader:
    """One database's connection, the columns of its tables and what was loaded into them."""

    def __init__(
        self, conn: asyncpg.Connection, *, url: str | None = None, owns_indexes: bool = True
    ) -> None:
        self.conn = conn
        #: Where ``conn`` connects (other processes open their own connections there).
        self.url = url
        #: False for a loader another process's loader defers the indexes for.
        self.owns_indexes = owns_indexes
        self.counts: dict[str, int] = {}
        self._columns: dict[str, set[str]] = {}
        self._seq: int | None = None
        self._position: int | None = None
        #: Secondary indexes dropped before the first COPY into their table, built by finish().
        self._deferred: dict[str, list[str]] = {}
        #: Constraints dropped by defer_constraints(): (table, definition), keys before foreign keys.
        self._keys: list[tuple[str, str]] = []
        self._foreign: list[tuple[str, str]] = []
        self._unkeyed: set[str] = set()

    async def defer_indexes(self, table: str) -> None:
        """Drop ``table``'s indexes that back no constraint (their definitions kept)."""
        if table in self._deferred or not await self.columns(table):
            return  # done, or a table this version of the schema does not have
        rows = await self.conn.fetch(
            "SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition"
            " FROM pg_index i WHERE i.indrelid = $1::regclass"
            " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)"
            " ORDER BY 1",
            table,
        )
        self._deferred[table] = [r["definition"] for r in rows]
        for r in rows:
            # A name from the catalogue (regclass text is already quoted where it must be).
            await self.conn.execute(f"DROP INDEX {r['name']}")

    async def defer_constraints(self, table: str) -> None:
        """Drop ``table``'s primary key and unique constraints, and the foreign keys that lean on
        them, until :meth:`finish` adds them back (built once, sorted, then checked): a random
        key's B-tree grown past the server's buffers makes every COPY slower than the last.
        Also defers its other indexes. The load's tables only (they start empty but for the
        demo's rows, and the generator keeps its keys unique)."""
        await self.defer_indexes(table)
        if table in self._unkeyed or not await self.columns(table):
            return
        self._unkeyed.add(table)
        rows = await self.conn.fetch(
            "SELECT c.conname, c.conrelid::regclass::text AS owner, c.contype::text AS contype,"
            " pg_get_constraintdef(c.oid) AS definition FROM pg_constraint c"
            " WHERE (c.conrelid = $1::regclass AND c.contype IN ('p', 'u'))"
            " OR (c.confrelid = $1::regclass AND c.contype = 'f')"
            " ORDER BY c.contype = 'f' DESC, c.conname",
            table,
        )
        for r in rows:
            # Names from the catalogue (regclass text is already quoted where it must be).
            await self.conn.execute(f'ALTER TABLE {r["owner"]} DROP CONSTRAINT "{r["conname"]}"')
            added = f'ALTER TABLE {r["owner"]} ADD CONSTRAINT "{r["conname"]}" {r["definition"]}'
            (self._foreign if r["contype"] == "f" else self._keys).append((r["owner"], added))

    async def build_indexes(self) -> None:
        """Build the indexes dropped by :meth:`defer_indexes` again, then add the constraints
        dropped by :meth:`defer_constraints` (keys first, then the foreign keys, checked)."""
        deferred, self._deferred = self._deferred, {}
        for definitions in deferred.values():
            for definition in definitions:
                await self.conn.execute(definition)
        keys, foreign, self._keys, self._foreign = self._keys, self._foreign, [], []
        for _, statement in keys + foreign:
            await self.conn.execute(statement)

    async def columns(self, table: str) -> set[str]:
        if table not in self._columns:
            rows = await self.conn.fetch(
                "SELECT column_name FROM information_schema.columns"
                " WHERE table_schema = current_schema() AND table_name = $1",
                table,
            )
            self._columns[table] = {r["column_name"] for r in rows}
        return self._columns[table]

    async def copy(self, table: str, rows: Sequence[dict[str, Any]]) -> int:
        """COPY dict rows (all with the same keys); keys the table lacks are dropped."""
        if not rows:
            return 0
        present = await self.columns(table)
        if self.owns_indexes:
            await self.defer_indexes(table)
        names = [k for k in rows[0] if k in present]
        if len(names) == 1:
            records: list[tuple[Any, ...]] = [(r[names[0]],) for r in rows]
        else:
            records = list(map(itemgetter(*names), rows))
        await self.conn.copy_records_to_table(table, records=records, columns=names)
        self.counts[table] = self.counts.get(table, 0) + len(rows)
        return len(rows)

    async def max_seq(self) -> int:
        return int(await self.conn.fetchval("SELECT coalesce(max(seq), 0) FROM outbox_event"))

    async def head(self) -> int:
        """The feed's head: the highest position (or ``seq`` where the outbox has no positions)."""
        column = "position" if "position" in await self.columns("outbox_event") else "seq"
        return int(await self.conn.fetchval(f"SELECT coalesce(max({column}), 0) FROM outbox_event"))  # noqa: S608

    async def numbered(self) -> tuple[int, int | None]:
        """The last ``seq`` and feed ``position`` given so far (None: the outbox has no positions);
        read from the outbox the first time."""
        if self._seq is None:
            self._seq = await self.max_seq()
            if "position" in await self.columns("outbox_event"):
                self._position = await self.head()
        return self._seq, self._position

    def numbered_up_to(self, seq: int, position: int | None) -> None:
        """Rows numbered elsewhere (another process) up to these numbers: number after them."""
        self._seq, self._position = seq, position

    async def number(self, rows: list[dict[str, Any]]) -> None:
        """Give outbox rows their ``seq`` and, where the outbox has it, their feed ``position``
        (normally assigned after commit by the sequencer: loaded rows get theirs at once, after
        the rows already numbered), in the order given."""
        await self.numbered()
        assert self._seq is not None
        for row in rows:
            self._seq += 1
            row["seq"] = self._seq
            if self._position is not None:
                self._position += 1
                row["position"] = self._position

    async def copy_outbox(self, rows: list[dict[str, Any]]) -> int:
        """Outbox rows numbered by :meth:`number`, their payloads already JSON text."""
        return await self.copy("outbox_event", rows)

    async def finish(self) -> None:
        """Build the deferred indexes, move the sequences past the loaded rows and ANALYZE what
        was loaded."""
        await self.build_indexes()
        for table in self.counts:
            for column in ("seq",):
                if column not in await self.columns(table):
                    continue
                sequence = await self.conn.fetchval("SELECT pg_get_serial_sequence($1, $2)", table, column)
                if sequence:
                    # Identifiers from the catalogue and this module, never from input.
                    last = f'SELECT coalesce(max("{column}"), 0) + 1 FROM "{table}"'  # noqa: S608
                    await self.conn.execute(f"SELECT setval($1::regclass, ({last}), false)", sequence)
        for table in self.counts:
            await self.conn.execute(f'ANALYZE "{table}"')


class Pipeline:
    """Overlap generating a chunk with writing the previous one: each step's writes (one task per
    database connection) run while the caller builds the next chunk; ``submit`` waits for the
    previous step first, so a connection never has two COPYs at once."""

    def __init__(self) -> None:
        self._pending: list[asyncio.Task[Any]] = []

    async def submit(self, *writes: Coroutine[Any, Any, Any]) -> None:
        await self.drain()
        self._pending = [asyncio.create_task(w) for w in writes]

    async def drain(self) -> None:
        pending, self._pending = self._pending, []
        if pending:
            await asyncio.gather(*pending)
