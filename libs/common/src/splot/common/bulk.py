"""Bulk writes of many rows: new rows by PostgreSQL's ``COPY`` (binary, through asyncpg, in the
session's transaction; an ``executemany`` INSERT elsewhere), and upserts (:func:`upsert_rows`:
``COPY`` into a temporary stage and one ``INSERT … SELECT … ON CONFLICT`` from it).

``COPY`` skips what makes a big INSERT slow at both ends: SQLAlchemy's per-row parameter
processing and statement rendering, and the server's parsing of multi-row ``VALUES`` (issue #17:
the registry's bulk import, the reporting service's ingestion). The stored values are those an
INSERT stores: each column's own bind processing is applied (JSON serialised, timestamps checked
and kept in UTC), and a column the rows leave out gets its Python-side default as an INSERT would
give it (its server default otherwise). A failure is raised as SQLAlchemy's own error
(:class:`~sqlalchemy.exc.IntegrityError` for a constraint), so callers handle both paths alike.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from operator import itemgetter
from typing import Any

import asyncpg
from sqlalchemy import MetaData, Table, delete, insert, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import dialect_insert, is_postgresql

Row = dict[str, Any]
#: What to set on a conflict, given the ``INSERT`` (for its ``excluded`` row); None: do nothing.
OnConflict = Callable[[Any], Mapping[str, Any]] | None


async def copy_rows(session: AsyncSession, table: Table, rows: Sequence[Row]) -> None:
    """Insert ``rows`` (dicts with the same keys, column keys of ``table``), in the session's
    transaction. Rows must be new: an existing key fails the whole statement."""
    if not rows:
        return
    connection = await session.connection()
    dialect = connection.dialect
    plan = _copy_plan(table, list(rows[0]), dialect) if dialect.name == "postgresql" else None
    if plan is None:
        await session.execute(insert(table), list(rows))
        return
    raw = await connection.get_raw_connection()
    driver = raw.driver_connection
    if driver is None or not driver.is_in_transaction():
        # The driver starts the session's transaction with its first statement: a COPY before any
        # would run (and commit) outside it.
        await session.execute(insert(table), list(rows))
        return
    columns, convert = plan
    records = [convert(row) for row in rows]
    try:
        await driver.copy_records_to_table(
            table.name, records=records, columns=columns, schema_name=table.schema
        )
    except asyncpg.PostgresError as exc:
        error = IntegrityError if isinstance(exc, asyncpg.IntegrityConstraintViolationError) else DBAPIError
        raise error(f"COPY {table.name}", None, exc) from exc


def _copy_plan(
    table: Table, keys: list[str], dialect: Any
) -> tuple[list[str], Callable[[Row], tuple[Any, ...]]] | None:
    """The columns to copy and a row → record conversion; none when a key is not a column, or a
    left-out column's default is not a plain value or function (an SQL expression, a sequence):
    then the INSERT is used."""
    if len([c for c in table.columns if c.key in keys]) != len(keys):
        return None  # a key that is not a column: let the INSERT report it
    # The rows' own columns first (one C-level item lookup per row, then the columns that have a
    # bind step), the left-out columns with a default after them: COPY names its columns.
    present = [column for column in table.columns if column.key in keys]
    processors = [column.type._cached_bind_processor(dialect) for column in present]  # noqa: SLF001
    processed = [(index, processor) for index, processor in enumerate(processors) if processor is not None]
    defaults: list[Callable[[Row], Any]] = []
    default_columns: list[str] = []
    for column in table.columns:
        if column.key in keys or column.default is None:
            continue
        processor = column.type._cached_bind_processor(dialect)  # noqa: SLF001 - the type's own bind step
        default = column.default
        if getattr(default, "is_scalar", False):
            value = default.arg  # type: ignore[attr-defined]
            defaults.append(_constant(processor(value) if processor else value))
        elif getattr(default, "is_callable", False):
            defaults.append(_default_of(default.arg, processor))  # type: ignore[attr-defined]
        else:
            return None
        default_columns.append(column.name)
    extract = itemgetter(*(column.key for column in present)) if present else None
    single = len(present) == 1

    def convert(row: Row) -> tuple[Any, ...]:
        values = [] if extract is None else [extract(row)] if single else list(extract(row))
        for index, processor in processed:
            values[index] = processor(values[index])
        for default in defaults:
            values.append(default(row))
        return tuple(values)

    return [column.name for column in present] + default_columns, convert


def _constant(value: Any) -> Callable[[Row], Any]:
    return lambda _row: value


def _default_of(
    function: Callable[[Any], Any], processor: Callable[[Any], Any] | None
) -> Callable[[Row], Any]:
    # SQLAlchemy wraps a column default's function to take the execution context; none is needed
    # by a default that only makes a value (an id, a timestamp).
    if processor is None:
        return lambda _row: function(None)
    return lambda _row: processor(function(None))


async def upsert_rows(
    session: AsyncSession, table: Table, rows: Sequence[Row], *, key: Sequence[str], update: OnConflict
) -> None:
    """``INSERT … ON CONFLICT (key) DO UPDATE SET update(insert)`` (``DO NOTHING`` without
    ``update``) of many rows, in the session's transaction. With ``DO UPDATE`` the rows' keys must
    be unique (PostgreSQL refuses to update a row twice in one statement).

    PostgreSQL: the rows are copied (:func:`copy_rows`) into a temporary stage of the table, made
    on first use in the connection and emptied at commit, and one statement moves them from the
    stage into the table (``WITH s AS (DELETE FROM stage RETURNING …) INSERT … SELECT … FROM s ON
    CONFLICT …``) — three statements whatever the number of rows, where an ``executemany`` sends
    (and SQLAlchemy processes) one per row. Elsewhere: ``executemany``."""
    if not rows:
        return
    upsert = dialect_insert(session, table)
    if is_postgresql(session):
        stage = _stage_of(table)
        await session.execute(_create_stage(table, stage))
        await copy_rows(session, stage, rows)
        names = [column.name for column in table.columns]
        staged = delete(stage).returning(*(stage.c[name] for name in names)).cte("staged")
        upsert = upsert.from_select(names, select(*(staged.c[name] for name in names))).add_cte(staged)
    index = [table.c[name] for name in key]
    statement = (
        upsert.on_conflict_do_nothing(index_elements=index)
        if update is None
        else upsert.on_conflict_do_update(index_elements=index, set_=dict(update(upsert)))
    )
    if is_postgresql(session):
        await session.execute(statement)
    else:
        await session.execute(statement, list(rows))


def every_column_but(key: Sequence[str]) -> Callable[[Any], dict[str, Any]]:
    """The ``update`` of :func:`upsert_rows` that overwrites every column but the key's."""
    return lambda upsert: {c.name: upsert.excluded[c.name] for c in upsert.table.columns if c.name not in key}


_STAGES: dict[Table, Table] = {}


def _stage_of(table: Table) -> Table:
    """The temporary stage of ``table`` (its columns, with the Python-side defaults that
    :func:`copy_rows` fills in)."""
    stage = _STAGES.get(table)
    if stage is None:
        columns = (column._copy() for column in table.columns)  # noqa: SLF001 - SQLAlchemy's own copy
        stage = _STAGES[table] = Table(f"{table.name}_upsert_stage", MetaData(), *columns)
    return stage


def _create_stage(table: Table, stage: Table) -> Any:
    # INCLUDING DEFAULTS: a column the rows leave out gets the table's server default in the stage.
    return text(
        f"CREATE TEMPORARY TABLE IF NOT EXISTS {stage.name} "
        f"(LIKE {table.name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS"
    )
