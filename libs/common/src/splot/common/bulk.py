"""Bulk inserts of many new rows: PostgreSQL's ``COPY`` (binary, through asyncpg, in the
session's transaction), an ``executemany`` INSERT elsewhere.

``COPY`` skips what makes a big INSERT slow at both ends: SQLAlchemy's per-row parameter
processing and statement rendering, and the server's parsing of multi-row ``VALUES`` (issue #17:
the registry's bulk import, the reporting service's ingestion). The stored values are those an
INSERT stores: each column's own bind processing is applied (JSON serialised, timestamps checked
and kept in UTC), and a column the rows leave out gets its Python-side default as an INSERT would
give it (its server default otherwise). A failure is raised as SQLAlchemy's own error
(:class:`~sqlalchemy.exc.IntegrityError` for a constraint), so callers handle both paths alike.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

import asyncpg
from sqlalchemy import Table, insert
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

Row = dict[str, Any]


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
