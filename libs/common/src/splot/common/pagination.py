"""Cursor (keyset) pagination: ``?cursor=&limit=`` in, ``{items, next_cursor}`` out.

The cursor is an opaque base64url token holding the sort key of the last item returned, so pages
stay stable while rows are inserted, and deep pages cost the same as the first.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Sequence
from datetime import datetime
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
    items: list[T]
    next_cursor: str | None = None


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    if isinstance(value, uuid.UUID):
        return {"u": str(value)}
    return value


def _decode_value(value: Any) -> Any:
    if isinstance(value, dict):
        if "t" in value:
            return datetime.fromisoformat(value["t"])
        if "u" in value:
            return uuid.UUID(value["u"])
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_encode_value(v) for v in values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, arity: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != arity:
            raise ValueError
        return [_decode_value(v) for v in values]
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise Problem(400, "invalid_cursor", "the cursor is not valid for this list") from exc


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
        values = decode_cursor(cursor, len(order_by))
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
