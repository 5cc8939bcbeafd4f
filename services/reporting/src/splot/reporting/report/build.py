"""Gathering the results report from the data: key indicators with charts, the map, the sections
other modules provide (survey results, problem areas, good practices) and methodology notes.

Every number comes from the aggregate engine (protected by the caller's policy) or from a
section provider that protects its own; this module only arranges them into a :class:`Report`.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.reporting import indicators
from splot.reporting.catalogue import MEASURES
from splot.reporting.config import ReportingSettings
from splot.reporting.periods import Period
from splot.reporting.query import AggregateQuery, aggregate
from splot.reporting.report import texts
from splot.reporting.report.lattice import MonthSpan, range_totals
from splot.reporting.report.model import (
    Bar,
    BarChart,
    Block,
    Definition,
    Definitions,
    Format,
    LineChart,
    MapArea,
    MapBlock,
    Report,
    Section,
    Table,
    Text,
    cell,
)
from splot.reporting.report.svg import region_names, territory_name
from splot.reporting.scopes import Scope, territory_scope
from splot.reporting.suppression import Policy

#: At most this many months in one report (ten years).
MAX_MONTHS = 120


@dataclass
class ReportRequest:
    territory: str
    span: MonthSpan
    policy: Policy
    title: str | None = None
    rounds: list[uuid.UUID] = field(default_factory=list)
    practices: list[uuid.UUID] = field(default_factory=list)
    settings: ReportingSettings | None = None
    #: Indicator codes the sections used (methodology notes list their definitions).
    used_measures: list[str] = field(default_factory=list)

    @property
    def scope(self) -> Scope:
        return territory_scope(self.territory)


#: A section other than the indicators: given the session and the request, a section or None
#: (nothing to show). Providers protect their own numbers (survey rule, problem-area counts).
SectionProvider = Callable[[AsyncSession, ReportRequest], Awaitable[Section | None]]


def parse_span(period_from: str, period_to: str) -> MonthSpan:
    """Two "YYYY-MM" months, the first not after the second (422 otherwise)."""

    def month(label: str) -> Period:
        year, _, m = label.partition("-")
        return Period(int(year), int(m), "month")

    first, last = month(period_from), month(period_to)
    if first > last:
        raise Problem(422, "invalid_period", "'from' is after 'to'")
    span = MonthSpan(first, last)
    if len(span.months) > MAX_MONTHS:
        raise Problem(422, "invalid_period", f"a report covers at most {MAX_MONTHS} months")
    return span


async def build_report(
    session: AsyncSession, request: ReportRequest, providers: Sequence[SectionProvider] = ()
) -> Report:
    sections = [await _indicators_section(session, request), await _map_section(session, request)]
    for provider in providers:
        section = await provider(session, request)
        if section is not None:
            sections.append(section)
    as_of = await indicators.as_of(session)
    data_as_of = as_of.get("data_as_of")
    sections.append(_methodology(request, data_as_of))
    name = territory_name(request.territory)
    period = f"{request.span.first.label} – {request.span.last.label}"
    return Report(
        title=request.title or f"Monitoring współpracy: {name}, {period}",
        territory=request.territory,
        territory_name=name,
        period_from=request.span.first.label,
        period_to=request.span.last.label,
        generated_at=utcnow().isoformat(timespec="seconds"),
        data_as_of=data_as_of.isoformat(timespec="seconds") if isinstance(data_as_of, datetime) else None,
        suppression_threshold=request.policy.threshold,
        sections=sections,
    )


def _format(measure: str) -> Format:
    kind = MEASURES[measure].kind
    return "ratio" if kind == "ratio" else "days" if kind == "percentile" else "count"


async def _indicators_section(session: AsyncSession, request: ReportRequest) -> Section:
    scope, policy, span = request.scope, request.policy, request.span
    measures = list(texts.KEY_INDICATORS)
    totals = (
        await range_totals(session, measures=measures, dimensions=(), span=span, scope=scope, policy=policy)
    ).get((), {})
    request.used_measures += measures
    blocks: list[Block] = [
        Text(text=texts.INDICATORS_INTRO),
        Table(
            title="Kluczowe wskaźniki w okresie",
            columns=["Wskaźnik", "Wartość"],
            formats=["count", "count"],
            row_formats=[_format(m) for m in measures],
            rows=[(texts.label(m), [cell(totals.get(m, {"value": None}))]) for m in measures],
        ),
    ]
    # the monthly series: one published cell per month (a gap where there is no data)
    monthly = await aggregate(
        session,
        query=AggregateQuery(
            measures=["referrals"],
            granularity="month",
            period_from=span.first.label,
            period_to=span.last.label,
        ),
        scope=scope,
        policy=policy,
    )
    blocks.append(
        LineChart(
            title="Skierowania w kolejnych miesiącach",
            points=[Bar(label=r.period, value=cell(r.values["referrals"])) for r in monthly.rows],
        )
    )
    route_measures = list(texts.ROUTE_INDICATORS)
    by_route = await range_totals(
        session, measures=route_measures, dimensions=("route",), span=span, scope=scope, policy=policy
    )
    request.used_measures += route_measures
    ordered = sorted(by_route.items(), key=lambda kv: (-(kv[1]["referrals"].value or 0), kv[0]))
    blocks.append(
        BarChart(
            title="Skierowania według ścieżki (nadawca → odbiorca)",
            bars=[Bar(label=_route(k[0]), value=cell(v["referrals"])) for k, v in ordered[:15]],
        )
    )
    blocks.append(
        Table(
            title="Wskaźniki według ścieżki",
            columns=["Ścieżka", *(texts.label(m) for m in route_measures)],
            formats=["count", *(_format(m) for m in route_measures)],
            rows=[(_route(k[0]), [cell(v[m]) for m in route_measures]) for k, v in ordered],
        )
    )
    if not ordered:
        blocks.append(Text(text="Brak skierowań w tym okresie.", style="note"))
    return Section(key="indicators", title="Kluczowe wskaźniki", blocks=blocks)


def _route(value: str) -> str:
    return value.replace("->", " → ")


async def _map_section(session: AsyncSession, request: ReportRequest) -> Section:
    territory = request.territory
    level: Any = "voivodeship" if territory == "" else "powiat"
    within = territory[:2]
    dimension = "sender_voivodeship" if level == "voivodeship" else "sender_powiat"
    values = await range_totals(
        session,
        measures=[texts.MAP_MEASURE],
        dimensions=(dimension,),
        span=request.span,
        scope=request.scope,
        policy=request.policy,
    )
    names = region_names(level, within)
    areas = [
        MapArea(code=code, name=names[code], value=cell(values[(code,)][texts.MAP_MEASURE]))
        for code in sorted(names)
        if (code,) in values
    ]
    where = "województw" if level == "voivodeship" else "powiatów"
    return Section(
        key="map",
        title="Mapa",
        blocks=[
            MapBlock(
                title=f"{texts.label(texts.MAP_MEASURE)} według {where} siedziby instytucji wysyłającej",
                level=level,
                within=within if level == "powiat" else "",
                format=_format(texts.MAP_MEASURE),
                areas=areas,
            ),
            Table(
                title="Wartości na mapie",
                columns=["Obszar", texts.label(texts.MAP_MEASURE)],
                formats=["count", _format(texts.MAP_MEASURE)],
                rows=[(a.name, [a.value]) for a in areas],
            ),
        ],
    )


def _survey_threshold(request: ReportRequest) -> int:
    settings = request.settings or ReportingSettings()
    return settings.survey_suppression_threshold


def _methodology(request: ReportRequest, data_as_of: object) -> Section:
    used = list(dict.fromkeys([*request.used_measures, texts.MAP_MEASURE]))
    definitions = [
        Definition(
            term=f"{texts.label(m)} ({m})",
            text=f"{MEASURES[m].definition} Wzór: {MEASURES[m].formula}.",
        )
        for m in used
        if m in MEASURES
    ]
    policy = request.policy
    as_of = data_as_of.isoformat(timespec="minutes") if isinstance(data_as_of, datetime) else "brak danych"
    return Section(
        key="methodology",
        title="Uwagi metodologiczne",
        blocks=[
            Text(text=texts.suppression_rule(policy.threshold, policy.rounding_base)),
            Text(text=texts.RANGE_RULE),
            Text(text=texts.survey_rule(_survey_threshold(request))),
            Text(text=f"Stan danych: {as_of} (ostatni odczyt zdarzeń ze wszystkich źródeł)."),
            Definitions(items=definitions),
        ],
    )
