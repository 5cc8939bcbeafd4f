"""The measures of a partnership's joint work (issue #15): the referrals between its parties.

A referral is **joint work** of a partnership when its sender and its receiver were both parties
on the day it was sent (its local cohort date): flows by route and service type, every published
measure of the catalogue over them (counts, rates, working-day durations) and the cooperation
components of the pairs of parties, so that each indicator a partnership's target may name has
one measured value.

For the partnership's own parties these are operational data of their own work: exact counts,
rates of the exact counts and exact percentiles (:class:`Publish` with ``exact``). Everyone else
who may see them (an analyst whose territory covers the partnership) gets them through the
suppression policy like any statistic: small counts suppressed, the rest rounded, rates of the
rounded counts, percentiles only as interior order statistics of a large enough cell.
"""

from __future__ import annotations

import uuid
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.reporting.catalogue import MEASURES
from splot.reporting.cube_sources import DURATION_METRICS
from splot.reporting.facts import Calendar
from splot.reporting.indicators import Node, _agreements_in_force, _cooperation_components, _institutions
from splot.reporting.models import MEASURE_COLUMNS, UNKNOWN, PartnershipPartyDim, ReferralFact
from splot.reporting.periods import MonthRange
from splot.reporting.suppression import Cell, Policy

#: The counts given per flow (route × service type).
FLOW_MEASURES = ("referrals", "responded", "accepted", "completed", "employment_outcome")
#: The cooperation indicators of the pairs of parties (docs/indicators.md, "Cooperation index").
COOPERATION_CODES = (
    "cooperation_index",
    "sector_coverage",
    "reciprocity",
    "ngo_involvement",
    "agreement_coverage",
    "agreements_in_force",
)
#: Every indicator code a partnership's target may use (the directory keeps the same list in
#: ``splot.directory.partnerships.indicators``): one measured value each.
INDICATOR_CODES: tuple[str, ...] = (*MEASURES, *COOPERATION_CODES)


@dataclass(frozen=True)
class Publish:
    """How the numbers leave: exact for the partnership's parties, else through the policy."""

    policy: Policy
    exact: bool

    def count(self, n: int, *, sensitive: bool = False) -> Cell:
        return self.policy.count(n, sensitive=sensitive, exact=self.exact)

    def ratio(self, numerator: int, denominator: int) -> Cell:
        return self.policy.ratio(numerator, denominator, exact=self.exact)

    def percentile(self, histogram: Counter[int], quantile: float) -> Cell:
        return self.policy.percentile(histogram, quantile, exact=self.exact)


@dataclass
class JointWork:
    """The joint referrals of a period, summed: totals, duration histograms, per flow, per pair."""

    totals: Counter[str] = field(default_factory=Counter)
    histograms: dict[str, Counter[int]] = field(default_factory=lambda: defaultdict(Counter))
    flows: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    edges: Counter[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=Counter)


async def joint_work(
    session: AsyncSession,
    *,
    members: list[PartnershipPartyDim],
    months: MonthRange,
    calendar: Calendar,
) -> tuple[JointWork, dict[uuid.UUID, Node]]:
    """The counted referrals of the months between institutions that were both parties on the
    day each was sent, and the institutions (for their types)."""
    membership = {m.institution_id: m for m in members}
    work = JointWork()
    if not membership:
        return work, {}
    f = ReferralFact.__table__
    metric_columns = [f.c[c] for c in DURATION_METRICS.values()]
    rows = await session.execute(
        select(
            f.c.sender_institution_id,
            f.c.target_institution_id,
            f.c.service_type,
            f.c.sent_at,
            *metric_columns,
            *(f.c[c] for c in MEASURE_COLUMNS),
        ).where(
            f.c.referrals == 1,
            f.c.sender_institution_id.in_(membership),
            f.c.target_institution_id.in_(membership),
            months.clause(f.c.sent_year, f.c.sent_month),
        )
    )
    institutions = await _institutions(session, set(membership))
    for row in rows.all():
        sender, target, service_type, sent_at = row[0], row[1], row[2], row[3]
        day = calendar.local_date(sent_at)
        if not (membership[sender].is_party_on(day) and membership[target].is_party_on(day)):
            continue
        _add(work, row[4:], sender, target, service_type, institutions)
    return work, institutions


def _add(
    work: JointWork,
    values: Any,
    sender: uuid.UUID,
    target: uuid.UUID,
    service_type: str,
    institutions: dict[uuid.UUID, Node],
) -> None:
    days = values[: len(DURATION_METRICS)]
    flags = dict(zip(MEASURE_COLUMNS, values[len(DURATION_METRICS) :], strict=True))
    for metric, n in zip(DURATION_METRICS, days, strict=True):
        if n is not None:
            work.histograms[metric][int(n)] += 1
    work.totals.update({k: int(v or 0) for k, v in flags.items()})
    route = f"{_type_of(institutions, sender)}->{_type_of(institutions, target)}"
    work.flows[(route, service_type)].update({k: int(flags[k] or 0) for k in FLOW_MEASURES})
    work.edges[(sender, target)] += 1


def _type_of(institutions: dict[uuid.UUID, Node], inst: uuid.UUID) -> str:
    node = institutions.get(inst)
    return node.type if node else UNKNOWN


def catalogue_values(work: JointWork, publish: Publish) -> dict[str, Cell]:
    """Every published measure of the catalogue over the joint referrals."""
    values: dict[str, Cell] = {}
    for m in MEASURES.values():
        if m.kind == "count":
            values[m.name] = publish.count(work.totals[m.numerator[0]])
        elif m.kind == "ratio":
            values[m.name] = publish.ratio(
                sum(work.totals[c] for c in m.numerator), sum(work.totals[c] for c in m.denominator)
            )
        else:
            histogram = work.histograms.get(m.metric or "", Counter())
            values[m.name] = publish.percentile(histogram, m.quantile or 0.5)
    return values


def cooperation_values(
    work: JointWork,
    publish: Publish,
    *,
    institutions: dict[uuid.UUID, Node],
    agreements: Iterable[set[uuid.UUID]],
    parties_at_end: set[uuid.UUID],
) -> dict[str, Cell]:
    """The cooperation components of the pairs of parties (as for a powiat, over the joint
    referrals); blank when the referral count is not published. ``agreements_in_force``: the
    agreements in force on the last day of the period between at least two of its parties."""
    among_parties = [parties for parties in agreements if len(parties & parties_at_end) >= 2]
    referrals = sum(work.edges.values())
    published = publish.count(referrals)
    out = {"agreements_in_force": Cell(len(among_parties), False)}
    if referrals == 0 or published.suppressed:
        blank = Cell(None, published.suppressed)
        return out | {code: blank for code in COOPERATION_CODES if code != "agreements_in_force"}
    edges = {pair: n for pair, n in work.edges.items()}
    _, components = _cooperation_components(edges, institutions, among_parties)
    index = round(100 * sum(components.values()) / len(components), 1)
    return (
        out
        | {"cooperation_index": Cell(index, False)}
        | {k: Cell(round(v, 4), False) for k, v in components.items()}
    )


def flow_rows(work: JointWork, publish: Publish) -> list[dict[str, Any]]:
    """Counts per route and service type (sensitive types protected with their own threshold)."""
    return [
        {
            "route": route,
            "service_type": service_type,
            "values": {
                name: publish.count(counts[name], sensitive=publish.policy.is_sensitive(service_type))
                for name in FLOW_MEASURES
            },
        }
        for (route, service_type), counts in sorted(work.flows.items())
    ]


async def measures(
    session: AsyncSession,
    *,
    members: list[PartnershipPartyDim],
    months: MonthRange,
    period_end: date,
    calendar: Calendar,
    publish: Publish,
) -> dict[str, Any]:
    """The answer's ``flows`` and ``indicators`` (one value per indicator code)."""
    work, institutions = await joint_work(session, members=members, months=months, calendar=calendar)
    parties_at_end = {m.institution_id for m in members if m.is_party_on(period_end)}
    indicators = catalogue_values(work, publish) | cooperation_values(
        work,
        publish,
        institutions=institutions,
        agreements=await _agreements_in_force(session, period_end),
        parties_at_end=parties_at_end,
    )
    return {
        "flows": flow_rows(work, publish),
        "indicators": {code: indicators[code] for code in INDICATOR_CODES},
    }
