"""The aggregate engine: measures × dimensions × equality filters × period granularity.

Every query is answered from the smallest cube holding all the columns it needs (grouping,
filters and the caller's scope); institution scopes are answered from their own facts, which
are few. SQL (:mod:`splot.reporting.cube_sql`) groups by cohort year and the first month of the
output period (portable to SQLite and PostgreSQL, no date functions); every value then goes
through the suppression :class:`~splot.reporting.suppression.Policy`, once per distinct input.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.reporting.catalogue import DIMENSIONS, MEASURES, Measure
from splot.reporting.cube_sql import grouped_sums
from splot.reporting.models import ServiceTypeRef
from splot.reporting.periods import (
    GRANULARITIES,
    MonthRange,
    Period,
    bucket_of,
    data_coverage,
    month_range,
    parse_period,
    periods_between,
)
from splot.reporting.scopes import Scope
from splot.reporting.suppression import UNDEFINED, Cell, Policy, published_ratio

MAX_ROWS = 20_000
MAX_DIMENSIONS = 4


# --- the query -----------------------------------------------------------------------------------


@dataclass
class AggregateQuery:
    measures: list[str]
    dimensions: list[str] = field(default_factory=list)
    granularity: str = "month"
    period_from: str | None = None
    period_to: str | None = None
    filters: dict[str, str] = field(default_factory=dict)


@dataclass
class ResultRow:
    period: str
    dimensions: dict[str, str]
    values: dict[str, Cell]


@dataclass
class AggregateResult:
    rows: list[ResultRow]
    sources: list[str]


def _validate(query: AggregateQuery) -> None:
    if query.granularity not in GRANULARITIES:
        raise Problem(422, "invalid_granularity", "granularity is month, quarter or year")
    if not query.measures:
        raise Problem(422, "no_measures", "ask for at least one measure")
    for name in query.measures:
        if name not in MEASURES:
            raise Problem(422, "unknown_measure", f"no published measure {name!r}")
    if len(set(query.dimensions)) != len(query.dimensions):
        raise Problem(422, "duplicate_dimension", "a dimension is listed twice")
    if len(query.dimensions) > MAX_DIMENSIONS:
        raise Problem(422, "too_many_dimensions", f"at most {MAX_DIMENSIONS} dimensions at a time")
    for name in [*query.dimensions, *query.filters]:
        if name not in DIMENSIONS:
            raise Problem(422, "unknown_dimension", f"no published dimension {name!r}")
    overlap = set(query.dimensions) & set(query.filters)
    if overlap or ("route" in query.dimensions and {"sender_type", "target_type"} & set(query.filters)):
        raise Problem(422, "dimension_also_filtered", "a dimension cannot be both grouped and filtered")
    for name, value in query.filters.items():
        dim = DIMENSIONS[name]
        if (dim.values is not None and value not in dim.values) or (
            dim.pattern is not None and not re.match(dim.pattern, value)
        ):
            raise Problem(422, "invalid_filter", f"{value!r} is not a value of {name}")


def group_columns(dimensions: Sequence[str]) -> list[str]:
    columns: list[str] = []
    for name in dimensions:
        for column in DIMENSIONS[name].columns:
            if column not in columns:
                columns.append(column)
    return columns


def dimension_values(
    dimensions: Sequence[str], columns: Sequence[str], row: Sequence[Any]
) -> tuple[str, ...]:
    by_column = {c: str(v) for c, v in zip(columns, row, strict=True)}
    out = []
    for name in dimensions:
        if name == "route":
            out.append(f"{by_column['sender_type']}->{by_column['target_type']}")
        else:
            out.append(by_column[DIMENSIONS[name].columns[0]])
    return tuple(out)


async def sensitive_service_types(session: AsyncSession, fallback: Iterable[str]) -> frozenset[str]:
    """Sensitive codes from the directory's catalogue; the fallback list for codes not yet known."""
    rows = (await session.execute(select(ServiceTypeRef.code, ServiceTypeRef.sensitive))).all()
    known = {code: bool(sensitive) for code, sensitive in rows}
    return frozenset({c for c, s in known.items() if s} | {c for c in fallback if c not in known})


def row_is_sensitive(policy: Policy, dims: dict[str, str], filters: dict[str, str]) -> bool:
    return policy.is_sensitive(dims.get("service_type") or filters.get("service_type"))


_Key = tuple[Period, tuple[str, ...]]


def _row_key(query: AggregateQuery, columns: Sequence[str], row: Sequence[Any]) -> _Key:
    """The output period and dimension values of a row of :func:`grouped_sums`."""
    return (
        bucket_of(row[0], row[1], query.granularity),
        dimension_values(query.dimensions, columns, row[2 : 2 + len(columns)]),
    )


def _key_maker(query: AggregateQuery, columns: Sequence[str]) -> Any:
    """:func:`_row_key` for many rows: periods cached, dimension positions resolved once."""
    periods: dict[tuple[int, int], Period] = {}
    positions: list[tuple[int, ...]] = []
    for name in query.dimensions:
        if name == "route":
            positions.append((2 + columns.index("sender_type"), 2 + columns.index("target_type")))
        else:
            positions.append((2 + columns.index(DIMENSIONS[name].columns[0]),))

    def key_of(row: Sequence[Any]) -> _Key:
        period = periods.get((row[0], row[1]))
        if period is None:
            period = periods[(row[0], row[1])] = bucket_of(row[0], row[1], query.granularity)
        return period, tuple(
            f"{row[p[0]]}->{row[p[1]]}" if len(p) == 2 else str(row[p[0]]) for p in positions
        )

    return key_of


async def _referral_sums(
    session: AsyncSession,
    query: AggregateQuery,
    *,
    columns: Sequence[str],
    sum_columns: Sequence[str],
    scope: Scope,
    months: MonthRange,
    force: str | None,
) -> tuple[dict[_Key, list[int]], str]:
    """Totals of the referral cubes' count columns (in the order of ``sum_columns``) per output
    period and dimension values: one SQL row per output cell, kept as one list."""
    rows, name = await grouped_sums(
        session,
        family="referral",
        group=columns,
        values=sum_columns,
        filters=query.filters,
        scope=scope,
        months=months,
        force=force,
        granularity=query.granularity,
    )
    sums: dict[_Key, list[int]] = {}
    first = 2 + len(columns)
    key_of = _key_maker(query, columns)
    for row in rows:
        key = key_of(row)
        values = [int(v or 0) for v in row[first:]]
        totals = sums.get(key)
        if totals is None:
            sums[key] = values
        else:  # one output cell from two source groups: added up
            for i, v in enumerate(values):
                totals[i] += v
    return sums, name


async def _duration_histograms(
    session: AsyncSession,
    query: AggregateQuery,
    *,
    columns: Sequence[str],
    metrics: Sequence[str],
    scope: Scope,
    months: MonthRange,
    force: str | None,
) -> tuple[dict[_Key, dict[str, Counter[int]]], str]:
    """Histograms (days -> count) of the duration metrics per output period and dimension values."""
    rows, name = await grouped_sums(
        session,
        family="duration",
        group=[*columns, "metric", "days"],
        values=["n"],
        filters=query.filters,
        scope=scope,
        months=months,
        force=force,
        granularity=query.granularity,
    )
    histograms: dict[_Key, dict[str, Counter[int]]] = defaultdict(lambda: defaultdict(Counter))
    width = len(columns)
    for row in rows:
        metric, days, n = row[2 + width], row[3 + width], row[4 + width]
        if metric not in metrics:
            continue
        histograms[_row_key(query, columns, row)][metric][int(days)] += int(n or 0)
    return histograms, name


class _Protect:
    """The policy's cells, computed once per distinct (value, sensitivity) of one answer: a
    national table repeats the same few counts and ratios thousands of times."""

    def __init__(self, policy: Policy, exact: bool) -> None:
        self.policy = policy
        self.exact = exact
        self.counts: dict[tuple[int, bool], Cell] = {}
        self.ratios: dict[tuple[object, ...], Cell] = {}

    def count(self, n: int, sensitive: bool) -> Cell:
        cell = self.counts.get((n, sensitive))
        if cell is None:
            cell = self.counts[(n, sensitive)] = self.policy.count(n, sensitive=sensitive, exact=self.exact)
        return cell

    def ratio(self, numerator: int, denominator: int, sensitive: bool) -> Cell:
        if self.exact or denominator == 0:
            key: tuple[object, ...] = (numerator, denominator, sensitive)
            cell = self.ratios.get(key)
            if cell is None:
                cell = self.ratios[key] = self.policy.ratio(
                    numerator, denominator, sensitive=sensitive, exact=self.exact
                )
            return cell
        # A protected ratio depends only on the published terms (few distinct values, rounded)
        # and on whether the true ratio lies strictly between 0 and 1: cached by those.
        num, den = self.count(numerator, sensitive), self.count(denominator, sensitive)
        key = (num, den, 0 < numerator < denominator)
        cell = self.ratios.get(key)
        if cell is None:
            cell = self.ratios[key] = published_ratio(num, den, 0 < numerator < denominator)
        return cell


#: A measure with the positions of its numerator and denominator columns in the totals.
_Planned = tuple[Measure, tuple[int, ...], tuple[int, ...]]


def _plan(measures: Sequence[Measure], sum_columns: Sequence[str]) -> list[_Planned]:
    position = {c: i for i, c in enumerate(sum_columns)}
    return [
        (m, tuple(position[c] for c in m.numerator), tuple(position[c] for c in m.denominator))
        if m.kind != "percentile"
        else (m, (), ())
        for m in measures
    ]


def _result_row(
    query: AggregateQuery,
    planned: Sequence[_Planned],
    protect: _Protect,
    key: _Key,
    totals: Sequence[int],
    histograms: dict[_Key, dict[str, Counter[int]]],
) -> ResultRow:
    """Every requested measure of one period and dimension values, protected (exact when the
    viewer may see its own numbers)."""
    period, dim_values = key
    dims = dict(zip(query.dimensions, dim_values, strict=True))
    sensitive = row_is_sensitive(protect.policy, dims, query.filters)
    values: dict[str, Cell] = {}
    for m, numerator, denominator in planned:
        if m.kind == "count":
            values[m.name] = protect.count(totals[numerator[0]], sensitive)
        elif m.kind == "ratio":
            values[m.name] = protect.ratio(
                sum(totals[i] for i in numerator), sum(totals[i] for i in denominator), sensitive
            )
        else:
            histogram = histograms.get(key, {}).get(m.metric or "", Counter())
            values[m.name] = protect.policy.percentile(
                histogram, m.quantile or 0.5, sensitive=sensitive, exact=protect.exact
            )
    return ResultRow(period=period.label, dimensions=dims, values=values)


async def aggregate(
    session: AsyncSession,
    *,
    query: AggregateQuery,
    scope: Scope,
    policy: Policy,
    force: str | None = None,
) -> AggregateResult:
    """Answer a generic aggregate query; every value protected."""
    _validate(query)
    months = month_range(query.granularity, query.period_from, query.period_to)
    columns = group_columns(query.dimensions)
    measures = [MEASURES[m] for m in query.measures]
    sum_columns = sorted({c for m in measures if m.kind != "percentile" for c in m.columns})
    metrics = sorted({m.metric for m in measures if m.kind == "percentile" and m.metric})
    sums: dict[_Key, list[int]] = {}
    histograms: dict[_Key, dict[str, Counter[int]]] = {}
    used: list[str] = []
    if sum_columns:
        sums, name = await _referral_sums(
            session,
            query,
            columns=columns,
            sum_columns=sum_columns,
            scope=scope,
            months=months,
            force=force,
        )
        used.append(name)
    if metrics:
        histograms, name = await _duration_histograms(
            session, query, columns=columns, metrics=metrics, scope=scope, months=months, force=force
        )
        used.append(name)
    keys = sorted(set(sums) | set(histograms))
    if len(keys) > MAX_ROWS:
        raise Problem(422, "result_too_large", f"more than {MAX_ROWS} rows: filter or use fewer dimensions")
    # An institution looking at its own referrals sees the exact numbers (its outbox's count).
    exact = scope.is_institution
    protect = _Protect(policy, exact)
    planned = _plan(measures, sum_columns)
    zero = [0] * len(sum_columns)
    rows = [_result_row(query, planned, protect, key, sums.get(key, zero), histograms) for key in keys]
    if not query.dimensions and (query.period_from or query.period_to):
        rows = _every_period(query, measures, rows, await data_coverage(session))
    return AggregateResult(rows=rows, sources=used)


# --- periods without data ------------------------------------------------------------------------


def _every_period(
    query: AggregateQuery,
    measures: Sequence[Measure],
    rows: list[ResultRow],
    coverage: tuple[Period, Period] | None,
) -> list[ResultRow]:
    """One row per period of the asked range (without dimensions): a period within the data the
    store holds and without referrals is answered with its values (zero counts, undefined rates);
    a period outside it (before the first referral, or in the future) has no data: every value is
    null (a gap in a chart, never a zero)."""
    by_period = {row.period: row for row in rows}
    g = query.granularity
    known = [parse_period(r.period, g) for r in rows]
    first = parse_period(query.period_from, g) if query.period_from else min(known, default=None)
    last = parse_period(query.period_to, g) if query.period_to else max(known, default=None)
    if first is None or last is None:
        return rows
    out = []
    for period in periods_between(first, last):
        row = by_period.get(period.label)
        if row is None:
            covered = coverage is not None and (
                period.last_month >= (coverage[0].year, coverage[0].index)
                and period.first_month <= (coverage[1].year, coverage[1].index)
            )
            zero = Cell(0, False)
            values = {m.name: zero if covered and m.kind == "count" else UNDEFINED for m in measures}
            row = ResultRow(period=period.label, dimensions={}, values=values)
        out.append(row)
    return out


async def breakdown(
    session: AsyncSession,
    *,
    family: str,
    by: Sequence[str],
    query: AggregateQuery,
    scope: Scope,
    policy: Policy,
) -> list[tuple[str, dict[str, str], dict[str, str], Cell]]:
    """Counts of reason or outcome codes per period and dimensions: (period, dims, codes, cell)."""
    _validate(
        AggregateQuery(
            measures=["referrals"],
            dimensions=query.dimensions,
            granularity=query.granularity,
            filters=query.filters,
        )
    )
    months = month_range(query.granularity, query.period_from, query.period_to)
    columns = group_columns(query.dimensions)
    rows, _ = await grouped_sums(
        session,
        family=family,
        group=[*columns, *by],
        values=["n"],
        filters=query.filters,
        scope=scope,
        months=months,
        granularity=query.granularity,
    )
    totals: Counter[tuple[Period, tuple[str, ...], tuple[str, ...]]] = Counter()
    width = len(columns)
    for row in rows:
        key = (
            bucket_of(row[0], row[1], query.granularity),
            dimension_values(query.dimensions, columns, row[2 : 2 + width]),
            tuple(str(v) for v in row[2 + width : 2 + width + len(by)]),
        )
        totals[key] += int(row[-1] or 0)
    out = []
    for (period, dim_values, codes), n in sorted(totals.items()):
        dims = dict(zip(query.dimensions, dim_values, strict=True))
        cell = policy.count(
            n, sensitive=row_is_sensitive(policy, dims, query.filters), exact=scope.is_institution
        )
        out.append((period.label, dims, dict(zip(by, codes, strict=True)), cell))
    return out
