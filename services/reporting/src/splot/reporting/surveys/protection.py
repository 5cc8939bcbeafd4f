"""Small-cell protection of survey results (institutions' declarations, not persons).

With ``k`` the survey threshold (``survey_suppression_threshold``, 2 by default: one
institution's answer is never visible on its own):

* **Groups.** A view (the round's respondents, optionally narrowed to a sub-territory and/or to
  those who gave one answer to a single-choice or scale question) is shown only if its size n is
  0 or ≥ k, the complement within each *parent* view (the same view with one filter relaxed:
  the round's whole territory; for a powiat in a national round also its voivodeship; the view
  without the answer filter) is 0 or ≥ k, and every *block* of the partitions the filters cut
  (the territories of the filtered level within their parent, the answers of the filter question
  plus "not answered") is 0 or ≥ k — so that no sum or difference of views a caller may ask for
  isolates fewer than k institutions. Otherwise every number of the view is suppressed.
* **Cells.** A count c is shown iff c is 0 or ≥ k and, for each parent, the parent's count of the
  same cell minus c is 0 or ≥ k. Shares are of shown counts only; means and medians need the
  answering group's n ≥ k with the same complement rule (a median also n ≥ 3: never one
  institution's own value as the smallest or largest).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

from splot.reporting.suppression import SUPPRESSED, Cell

RULE = (
    "A count is shown when it is 0 or at least the threshold, and differs by 0 or at least the "
    "threshold from the same count in every wider view; a filtered view whose group or whose "
    "complement is smaller than the threshold is suppressed whole."
)


def ok(n: int, k: int) -> bool:
    return n == 0 or n >= k


def cell(count: int, parent_counts: Iterable[int], k: int, *, hidden: bool = False) -> Cell:
    if hidden or not ok(count, k) or any(not ok(p - count, k) for p in parent_counts):
        return SUPPRESSED
    return Cell(count, False)


def share(count: Cell, total: Cell) -> Cell:
    if count.suppressed or total.suppressed or not total.value:
        return SUPPRESSED if (count.suppressed or total.suppressed) else Cell(None, False)
    return Cell(round(float(count.value or 0) / float(total.value), 4), False)


def blocks_ok(rows: Iterable[Any], key: Callable[[Any], object], k: int) -> bool:
    """Every block of the partition of ``rows`` by ``key`` has 0 or ≥ k members."""
    return all(ok(n, k) for n in Counter(key(r) for r in rows).values())
