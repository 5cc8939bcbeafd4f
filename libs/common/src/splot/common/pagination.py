"""Cursor (keyset) pagination: ``?cursor=&limit=`` in, ``{items, next_cursor}`` out.

The cursor is an opaque base64url token holding the sort key of the last item returned, so pages
stay stable while rows are inserted, and deep pages cost the same as the first.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import Select, and_, or_
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from splot.common.errors import Problem

T = TypeVar("T")

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class Page(BaseModel, Generic[T]):
    """A page of a list: its items and the cursor of the next page (``None`` on the last one).

    Each list declares its page as a named subclass, ``class PersonPage(Page[PersonListItem])``,
    so that the contract names it (``PersonPage``) rather than after the generic."""

    items: list[T]
    next_cursor: str | None = None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, date):
        return {"d": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if len(value) != 1:
            raise ValueError("cursor value")
        ((tag, raw),) = value.items()
        if not isinstance(raw, str):
            raise ValueError("cursor value")
        if tag == "t":
            moment = datetime.fromisoformat(raw)
            if moment.tzinfo is None:
                raise ValueError("cursor value")
            return moment
        if tag == "d":
            return date.fromisoformat(raw)
        if tag == "u":
            return uuid.UUID(raw)
        raise ValueError("cursor value")
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise ValueError("cursor value")


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def invalid_cursor() -> Problem:
    return Problem(
        422,
        "invalid_cursor",
        "the cursor is not valid for this list; start again without it",
        errors=[{"loc": ["query", "cursor"], "msg": "not a cursor of this list", "type": "invalid_cursor"}],
    )


def decode_cursor(cursor: str, arity: int, types: Sequence[type | None] | None = None) -> list[Any]:
    """The sort-key values in ``cursor``; each must have the type of its column (``types``), so
    a cursor that decodes but carries, say, a string where a timestamp belongs is refused (422)
    instead of reaching the database."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != arity:
            raise ValueError
        decoded = [_decode_value(v) for v in values]
    except (ValueError, TypeError, UnicodeDecodeError, RecursionError) as exc:
        raise invalid_cursor() from exc
    for value, expected in zip(decoded, types or [None] * arity, strict=True):
        if expected is not None and value is not None and not _fits(value, expected):
            raise invalid_cursor()
    return decoded


def _fits(value: Any, expected: type) -> bool:
    if expected is datetime:
        return isinstance(value, datetime)
    if expected is date:
        return isinstance(value, date) and not isinstance(value, datetime)
    if expected is bool:
        return isinstance(value, bool)
    if expected is int:
        return isinstance(value, int) and not isinstance(value, bool) and abs(value) < 2**63
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, expected)


def _column_type(column: InstrumentedAttribute[Any]) -> type | None:
    try:
        found = column.type.python_type
    except (NotImplementedError, AttributeError):
        return None
    return None if found is object else found


def clamp_limit(limit: int | None) -> int:
    if limit is None:
        return DEFAULT_LIMIT
    return max(1, min(MAX_LIMIT, limit))


async def paginate(
    session: AsyncSession,
    stmt: Select[Any],
    *,
    order_by: Sequence[InstrumentedAttribute[Any]],
    cursor: str | None,
    limit: int | None,
    descending: bool = False,
) -> tuple[list[Any], str | None]:
    """Run ``stmt`` one page at a time, ordered by ``order_by`` (last column must be unique).

    Returns the rows (scalars) and the cursor of the next page, or ``None`` on the last page.
    """
    size = clamp_limit(limit)
    if cursor:
        values = decode_cursor(cursor, len(order_by), [_column_type(col) for col in order_by])
        stmt = stmt.where(_after(order_by, values, descending))
    ordering = [col.desc() if descending else col.asc() for col in order_by]
    rows = list((await session.scalars(stmt.order_by(*ordering).limit(size + 1))).all())
    next_cursor = None
    if len(rows) > size:
        rows = rows[:size]
        last = rows[-1]
        next_cursor = encode_cursor([getattr(last, col.key) for col in order_by])
    return rows, next_cursor


def _after(order_by: Sequence[InstrumentedAttribute[Any]], values: Sequence[Any], desc: bool) -> Any:
    # (a, b) > (x, y)  ==  a > x OR (a = x AND b > y), spelled out for SQLite's benefit.
    clauses = []
    for i, col in enumerate(order_by):
        equal_prefix = [order_by[j] == values[j] for j in range(i)]
        step = col < values[i] if desc else col > values[i]
        clauses.append(and_(*equal_prefix, step))
    return or_(*clauses)
