"""Totals of a month range from published cells of the fixed lattice (never a new cell).

The suppression design publishes months, quarters and years only (docs/indicators.md, "Privacy").
A report covers any range of months, so its totals are sums of *published* cells: the range is cut
into the fewest lattice periods (whole years, then whole quarters, then the months left over),
each period is answered by the aggregate engine (already protected), and counts are added up. A
total with a suppressed term is suppressed; a ratio is recomputed from the summed published
numerator and denominator (one period: its own published ratio). Anyone could add the published
cells up the same way, so the report tells nothing the lattice does not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from splot.reporting.catalogue import MEASURES
from splot.reporting.periods import Period, next_period
from splot.reporting.query import AggregateQuery, aggregate
from splot.reporting.scopes import Scope
from splot.reporting.suppression import (
    RATIO_CEILING,
    RATIO_FLOOR,
    SUPPRESSED,
    UNDEFINED,
    Cell,
    Policy,
    _strict_ratio,
)


@dataclass(frozen=True)
class MonthSpan:
    first: Period  # month periods
    last: Period

    @property
    def months(self) -> list[Period]:
        out, current = [], self.first
        while current <= self.last:
            out.append(current)
            current = next_period(current)
        return out


def cover(span: MonthSpan) -> list[Period]:
    """The fewest lattice periods covering exactly the months of ``span``, in order."""
    out: list[Period] = []
    months = span.months
    i = 0
    while i < len(months):
        m = months[i]
        rest = len(months) - i
        if m.index == 1 and rest >= 12:
            out.append(Period(m.year, 0, "year"))
            i += 12
        elif (m.index - 1) % 3 == 0 and rest >= 3:
            out.append(Period(m.year, (m.index + 2) // 3, "quarter"))
            i += 3
        else:
            out.append(m)
            i += 1
    return out


def _add(a: Cell, b: Cell) -> Cell:
    if a.suppressed or b.suppressed:
        return SUPPRESSED
    if a.value is None and b.value is None:
        return UNDEFINED
    return Cell((a.value or 0) + (b.value or 0), False)


async def range_totals(
    session: AsyncSession,
    *,
    measures: Sequence[str],
    dimensions: Sequence[str],
    span: MonthSpan,
    scope: Scope,
    policy: Policy,
    filters: dict[str, str] | None = None,
) -> dict[tuple[str, ...], dict[str, Cell]]:
    """{dimension values: {measure: cell}} over the whole span (counts and ratios only)."""
    wanted = [MEASURES[m] for m in measures]
    counts = sorted({c for m in wanted for c in (m.columns if m.kind == "ratio" else (m.name,))})
    pieces = cover(span)
    asked = list(dict.fromkeys([*measures, *counts]))
    sums: dict[tuple[str, ...], dict[str, Cell]] = defaultdict(dict)
    single: dict[tuple[str, ...], dict[str, Cell]] = {}
    #: the published ratios of the pieces: whether one is above 0, whether one is below 1
    bounds: dict[tuple[tuple[str, ...], str], tuple[bool, bool]] = {}
    for piece in pieces:
        query = AggregateQuery(
            measures=asked,
            dimensions=list(dimensions),
            granularity=piece.granularity,
            period_from=piece.label,
            period_to=piece.label,
            filters=dict(filters or {}),
        )
        result = await aggregate(session, query=query, scope=scope, policy=policy)
        for row in result.rows:
            key = tuple(row.dimensions.get(d, "") for d in dimensions)
            if len(pieces) == 1:
                single[key] = dict(row.values)
            for name in counts:
                previous = sums[key].get(name, Cell(0, False))
                sums[key][name] = _add(previous, row.values.get(name, UNDEFINED))
            for m in wanted:
                value = row.values.get(m.name, UNDEFINED).value
                if m.kind == "ratio" and value is not None:
                    above, below = bounds.get((key, m.name), (False, False))
                    bounds[(key, m.name)] = (above or value > 0, below or value < 1)
    out: dict[tuple[str, ...], dict[str, Cell]] = {}
    for key, values in sums.items():
        row_out: dict[str, Cell] = {}
        for m in wanted:
            if len(pieces) == 1 and key in single:
                row_out[m.name] = single[key].get(m.name, UNDEFINED)
            elif m.kind == "ratio":
                above, below = bounds.get((key, m.name), (False, False))
                row_out[m.name] = _ratio(values, m.numerator, m.denominator, above=above, below=below)
            else:
                row_out[m.name] = values.get(m.name, UNDEFINED)
        out[key] = row_out
    return out


def _ratio(
    values: dict[str, Cell], numerator: Sequence[str], denominator: Sequence[str], *, above: bool, below: bool
) -> Cell:
    """The ratio of the summed published terms; like every published ratio, never 0 when a piece's
    was above 0 and never 1 when a piece's was below 1 (the true ratio is strictly between)."""
    terms = [values.get(c, UNDEFINED) for c in (*numerator, *denominator)]
    if any(t.suppressed for t in terms):
        return SUPPRESSED
    num = sum(values.get(c, UNDEFINED).value or 0 for c in numerator)
    den = sum(values.get(c, UNDEFINED).value or 0 for c in denominator)
    if not den:
        return UNDEFINED
    value = _strict_ratio(num, den)
    if below:
        value = min(value, RATIO_CEILING)
    if above:
        value = max(value, RATIO_FLOOR)
    return Cell(value, False)
