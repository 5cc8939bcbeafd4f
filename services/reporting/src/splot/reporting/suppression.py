"""Statistical disclosure control: every number leaving the service passes through here.

The design (docs/indicators.md, "Privacy") in four rules:

1. **Fixed lattice.** Every published number is a cell of a fixed lattice: the cohort month rolled
   up to calendar quarters and years (nested, so no week/month overlaps), crossed with published
   dimensions at fixed levels (no gmina, no person), sliced only by equality filters on those
   dimensions. There are no free-form ranges, negations or lists a caller could subtract.
2. **Primary suppression.** A count from 1 to threshold-1 (5 by default; 10 when the cell is
   specific to a sensitive service type) is published as ``{"value": null, "suppressed": true}``;
   zero stays zero.
3. **Complementary protection by rounding.** Every other count — cells, margins and totals alike,
   in every query — is rounded to a multiple of ``rounding_base`` (5) from its true value. A cell
   has one published value whatever query returns it, and no linear combination of published
   values (row minus columns, total minus the rest, one filter minus an overlapping one) equals a
   suppressed value: each published term is off by up to ±2, so the difference leaves an interval
   of at least two possible values (tests/test_privacy.py attacks this).
4. **Derived values from protected inputs.** Ratios are computed from the *published* numerator
   and denominator and suppressed when either is; percentiles are published only above the
   threshold and when they are an interior order statistic (never the smallest or largest value).
   A viewer who may see the exact numbers (an institution looking at its own referrals, the
   parties of a partnership looking at their joint work) gets the exact counts, percentiles and
   ratios instead: they are operational data of its own work, not statistics leaving it. Either way a ratio whose true value lies strictly between
   0 and 1 is never published as 0 or 1 (rounding both terms to the same multiple of 5 would
   show "100 %" while rejections exist): it is kept within [0.0001, 0.9999]. That tells no more
   than a suppressed count does (that a difference is not zero).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass


@dataclass(frozen=True)
class Cell:
    value: float | int | None
    suppressed: bool

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "suppressed": self.suppressed}


SUPPRESSED = Cell(None, True)
#: The published bounds of a ratio strictly between 0 and 1 (4 decimals).
RATIO_FLOOR = 0.0001
RATIO_CEILING = 0.9999
UNDEFINED = Cell(None, False)  # e.g. a rate whose denominator is zero


@dataclass(frozen=True)
class Policy:
    threshold: int
    sensitive_threshold: int
    rounding_base: int
    sensitive_codes: frozenset[str]

    def is_sensitive(self, service_type: str | None) -> bool:
        return service_type is not None and service_type in self.sensitive_codes

    def threshold_for(self, sensitive: bool) -> int:
        return max(self.threshold, self.sensitive_threshold) if sensitive else self.threshold

    def round(self, n: int) -> int:
        base = self.rounding_base
        if base <= 1 or n == 0:
            return n
        return max(base, (2 * n + base) // (2 * base) * base)

    def count(self, n: int | None, *, sensitive: bool = False, exact: bool = False) -> Cell:
        """A count, protected; as it is when ``exact`` (the viewer may see the exact numbers)."""
        n = int(n or 0)
        if n == 0 or exact:
            return Cell(n, False)
        if n < self.threshold_for(sensitive):
            return SUPPRESSED
        return Cell(self.round(n), False)

    def ratio(
        self, numerator: int, denominator: int, *, sensitive: bool = False, exact: bool = False
    ) -> Cell:
        """numerator / denominator to 4 decimals: of the published (protected) terms, or of the
        exact ones when ``exact`` (the viewer may see them); never 0 or 1 unless it is."""
        if denominator == 0:
            return UNDEFINED
        if exact:
            return Cell(_strict_ratio(numerator, denominator), False)
        return published_ratio(
            self.count(numerator, sensitive=sensitive),
            self.count(denominator, sensitive=sensitive),
            0 < numerator < denominator,
        )

    def percentile(
        self,
        histogram: Counter[int] | dict[int, int],
        quantile: float,
        *,
        sensitive: bool = False,
        exact: bool = False,
    ) -> Cell:
        n = sum(histogram.values())
        if n == 0:
            return UNDEFINED
        value = percentile(histogram, quantile)
        if exact:
            return Cell(value, False)
        rank = max(1, math.ceil(quantile * n))
        if n < self.threshold_for(sensitive) or rank <= 1 or rank >= n:
            return SUPPRESSED
        return Cell(value, False)

    def describe(self) -> dict[str, object]:
        return {
            "threshold": self.threshold,
            "sensitive_threshold": max(self.threshold, self.sensitive_threshold),
            "rounding_base": self.rounding_base,
            "sensitive_service_types": sorted(self.sensitive_codes),
        }


def published_ratio(num: Cell, den: Cell, strictly_between: bool) -> Cell:
    """The ratio of two published counts (rule 4): suppressed when either is; kept within
    [RATIO_FLOOR, RATIO_CEILING] when the true ratio is ``strictly_between`` 0 and 1. It depends
    on nothing else, so an answer can compute it once per distinct (num, den, strictly_between)."""
    if den.suppressed or num.suppressed or not den.value:
        return SUPPRESSED
    value = _strict_ratio(num.value or 0, den.value)
    if strictly_between:
        value = min(max(value, RATIO_FLOOR), RATIO_CEILING)
    return Cell(value, False)


def _strict_ratio(numerator: float, denominator: float) -> float:
    """The ratio to 4 decimals, kept off 0 and 1 when it is strictly between them."""
    value = round(float(numerator) / float(denominator), 4)
    if 0 < numerator < denominator:
        value = min(max(value, RATIO_FLOOR), RATIO_CEILING)
    return value


def percentile(histogram: Counter[int] | dict[int, int], quantile: float) -> int | None:
    """Nearest-rank percentile of integer values given as {value: count}: the smallest value
    whose cumulative count reaches ceil(q * n)."""
    n = sum(histogram.values())
    if n == 0:
        return None
    rank = max(1, math.ceil(quantile * n))
    cumulative = 0
    for value in sorted(histogram):
        cumulative += histogram[value]
        if cumulative >= rank:
            return value
    return max(histogram)
