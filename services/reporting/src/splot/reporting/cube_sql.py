"""The SQL side of the aggregate engine: which source answers a query (the smallest cube holding
every column it needs, or an institution's own facts) and the grouped sums read from it.

Sums are grouped by cohort year and by the first month of the output period (the month itself,
the first month of its quarter, or January for a year: plain integer arithmetic, portable to
SQLite and PostgreSQL), so that a quarterly or yearly answer arrives with one row per output
cell instead of one per month.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import FromClause, Integer, func, literal_column, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from splot.common.errors import Problem
from splot.reporting import cube_sources, cubes
from splot.reporting.catalogue import DIMENSIONS, route_parts
from splot.reporting.models import ReferralFact
from splot.reporting.periods import MonthRange
from splot.reporting.scopes import Scope


def filter_pairs(filters: dict[str, str]) -> list[tuple[str, str]]:
    pairs: list[tuple[str, str]] = []
    for name, value in filters.items():
        dim = DIMENSIONS.get(name)
        if dim is None:
            raise Problem(422, "unknown_dimension", f"no published dimension {name!r}")
        if name == "route":
            sender, target = route_parts(value)
            pairs += [("sender_type", sender), ("target_type", target)]
        else:
            pairs.append((dim.columns[0], value))
    return pairs


def scope_columns(scope: Scope) -> tuple[str, ...]:
    if scope.kind == "voivodeship":
        return ("sender_voivodeship", "target_voivodeship")
    if scope.kind == "powiat":
        return ("sender_powiat", "target_powiat")
    return ()


def _scope_clause(src: FromClause, scope: Scope) -> ColumnElement[bool]:
    columns = scope_columns(scope)
    if not columns:
        return true()
    return or_(*(src.c[c] == scope.territory for c in columns))


def _institution_clause(scope: Scope) -> list[ColumnElement[bool]]:
    f = ReferralFact.__table__
    if not scope.is_institution:
        return []
    return [
        or_(
            f.c.sender_institution_id == scope.institution_id,
            f.c.target_institution_id == scope.institution_id,
        )
    ]


_FAMILY_CUBES = {
    "referral": cubes.REFERRAL_CUBES,
    "duration": (cubes.DURATION,),
    "reason": (cubes.REASON,),
    "outcome": (cubes.OUTCOME,),
}


def choose_source(
    family: str, needed: Iterable[str], scope: Scope, months: MonthRange, force: str | None = None
) -> tuple[FromClause, str]:
    # The lattice is the same for every caller: a combination no cube publishes is refused also
    # when the answer would be computed from the facts (institution scopes, benchmarks). The raw
    # row sources carry exactly the columns of their family's cubes, so this also keeps a query
    # from naming a column its source does not have.
    needed_set = set(needed)
    cube = next((c for c in _FAMILY_CUBES[family] if needed_set <= set(c.keys)), None)
    if cube is None:
        raise Problem(
            422,
            "unpublished_combination",
            "these dimensions are not published together for these measures: "
            + ", ".join(sorted(needed_set - set(_FAMILY_CUBES[family][-1].keys))),
        )
    if scope.is_institution or force == "raw":
        f = ReferralFact.__table__
        pushdown = [*_institution_clause(scope), months.clause(f.c.sent_year, f.c.sent_month)]
        return cube_sources.RAW_SOURCES[family](*pushdown).subquery("src"), "facts"
    return cube.table, cube.name


def _first_month(month: ColumnElement[int], granularity: str) -> ColumnElement[int]:
    """The first month of the output period a cohort month falls in (constants inlined, so that
    the expression is the same text in the select list and the GROUP BY)."""
    if granularity == "month":
        return month
    one = literal_column("1", Integer)
    if granularity == "quarter":
        three = literal_column("3", Integer)
        return (month - one) // three * three + one
    return one


async def grouped_sums(
    session: AsyncSession,
    *,
    family: str,
    group: Sequence[str],
    values: Sequence[str],
    filters: dict[str, str],
    scope: Scope,
    months: MonthRange,
    force: str | None = None,
    granularity: str = "month",
) -> tuple[list[Any], str]:
    """SUM(values) by cohort year, the first month of the output period and ``group`` columns,
    in scope and filtered."""
    pairs = filter_pairs(filters)
    needed = {*group, *(c for c, _ in pairs), *scope_columns(scope)}
    src, name = choose_source(family, needed, scope, months, force)
    first_month = _first_month(src.c.month, granularity)
    period_cols: list[ColumnElement[int]] = (
        [src.c.year] if granularity == "year" else [src.c.year, first_month]
    )
    group_cols = [*period_cols, *(src.c[c] for c in group)]
    statement = (
        select(src.c.year, first_month.label("month"), *(src.c[c] for c in group))
        .add_columns(*(func.sum(src.c[v]).label(v) for v in values))
        .where(
            months.clause(src.c.year, src.c.month),
            _scope_clause(src, scope),
            *(src.c[c] == v for c, v in pairs),
        )
        .group_by(*group_cols)
    )
    rows = (await session.execute(statement)).all()
    return list(rows), name
