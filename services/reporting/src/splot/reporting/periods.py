"""Periods of the cohort: months rolled up to quarters and years, their labels and ranges, and
the months the store holds data for."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from splot.common.errors import Problem
from splot.reporting.models import ReferralFact

GRANULARITIES = ("month", "quarter", "year")
PERIOD_LABEL = r"^(19|20)\d{2}(-(0[1-9]|1[0-2])|-Q[1-4])?$"
MAX_PERIODS = 20_000
WARSAW = ZoneInfo("Europe/Warsaw")


# --- labels and ranges -------------------------------------------------------------------------------------


@dataclass(frozen=True, order=True)
class Period:
    year: int
    index: int  # month 1-12, quarter 1-4, 0 for a year
    granularity: str = field(compare=False)

    @property
    def label(self) -> str:
        if self.granularity == "month":
            return f"{self.year:04d}-{self.index:02d}"
        if self.granularity == "quarter":
            return f"{self.year:04d}-Q{self.index}"
        return f"{self.year:04d}"

    @property
    def first_month(self) -> tuple[int, int]:
        if self.granularity == "month":
            return self.year, self.index
        if self.granularity == "quarter":
            return self.year, 3 * self.index - 2
        return self.year, 1

    @property
    def last_month(self) -> tuple[int, int]:
        if self.granularity == "month":
            return self.year, self.index
        if self.granularity == "quarter":
            return self.year, 3 * self.index
        return self.year, 12


def granularity_of(label: str) -> str:
    if "-Q" in label:
        return "quarter"
    return "month" if "-" in label else "year"


def parse_period(label: str, granularity: str | None = None) -> Period:
    if not re.match(PERIOD_LABEL, label):
        raise Problem(422, "invalid_period", "a period is YYYY, YYYY-Qn or YYYY-MM")
    found = granularity_of(label)
    if granularity is not None and found != granularity:
        raise Problem(
            422,
            "period_granularity_mismatch",
            f"with granularity={granularity} periods are written as a {granularity}",
        )
    year = int(label[:4])
    if found == "month":
        return Period(year, int(label[5:7]), "month")
    if found == "quarter":
        return Period(year, int(label[6]), "quarter")
    return Period(year, 0, "year")


def bucket_of(year: int, month: int, granularity: str) -> Period:
    if granularity == "month":
        return Period(year, month, "month")
    if granularity == "quarter":
        return Period(year, (month + 2) // 3, "quarter")
    return Period(year, 0, "year")


@dataclass(frozen=True)
class MonthRange:
    first: tuple[int, int] | None
    last: tuple[int, int] | None

    def clause(self, year: ColumnElement[int], month: ColumnElement[int]) -> ColumnElement[bool]:
        # Plain comparisons on the key columns (no expressions), so that the planner estimates
        # them well; whole years need no month condition at all.
        parts: list[ColumnElement[bool]] = []
        same_year = self.first is not None and self.last is not None and self.first[0] == self.last[0]
        if self.first:
            parts.append(year >= self.first[0])
            if self.first[1] > 1:
                parts.append(
                    month >= self.first[1] if same_year else or_(year > self.first[0], month >= self.first[1])
                )
        if self.last:
            parts.append(year <= self.last[0])
            if self.last[1] < 12:
                parts.append(
                    month <= self.last[1] if same_year else or_(year < self.last[0], month <= self.last[1])
                )
        return and_(true(), *parts)


def month_range(granularity: str, period_from: str | None, period_to: str | None) -> MonthRange:
    first = parse_period(period_from, granularity) if period_from else None
    last = parse_period(period_to, granularity) if period_to else None
    if first and last and last < first:
        raise Problem(422, "invalid_period", "period_to is before period_from")
    return MonthRange(first.first_month if first else None, last.last_month if last else None)


# --- coverage ------------------------------------------------------------------------------------


async def data_coverage(session: AsyncSession) -> tuple[Period, Period] | None:
    """The months the store holds data for: from the first cohort month of any counted referral
    (in any scope) to the current month (Europe/Warsaw); None when there is no referral yet."""
    f = ReferralFact.__table__
    first = (
        await session.execute(
            select(f.c.sent_year, func.min(f.c.sent_month))
            .where(f.c.sent_year == select(func.min(f.c.sent_year)).scalar_subquery())
            .group_by(f.c.sent_year)
        )
    ).first()
    if first is None or first[0] is None:
        return None
    today = datetime.now(WARSAW).date()
    return Period(int(first[0]), int(first[1]), "month"), Period(today.year, today.month, "month")


def next_period(period: Period) -> Period:
    if period.granularity == "year":
        return Period(period.year + 1, 0, "year")
    per_year = 4 if period.granularity == "quarter" else 12
    if period.index == per_year:
        return Period(period.year + 1, 1, period.granularity)
    return Period(period.year, period.index + 1, period.granularity)


def periods_between(first: Period, last: Period) -> list[Period]:
    out: list[Period] = []
    current = first
    while current <= last:
        if len(out) >= MAX_PERIODS:
            raise Problem(422, "result_too_large", f"more than {MAX_PERIODS} rows: ask for a shorter range")
        out.append(current)
        current = next_period(current)
    return out
