"""The report's sections fed by other modules, each through one provider (see
:data:`~splot.reporting.report.build.SectionProvider`): survey results (splot.reporting.surveys),
problem areas and good practices (splot.reporting.practices). A provider only arranges what its
module publishes (already protected, publishable texts only) into blocks."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.reporting.practices.problem_areas import problem_area_counts
from splot.reporting.practices.search import published_practices
from splot.reporting.report.build import ReportRequest, SectionProvider
from splot.reporting.report.model import (
    Bar,
    BarChart,
    Block,
    Definition,
    Definitions,
    Section,
    Table,
    Text,
    cell,
    format_cell,
)
from splot.reporting.surveys.models import SurveyRound
from splot.reporting.surveys.results import SurveyPolicy, round_results
from splot.reporting.surveys.rounds import rounds_for

#: Free-text answers shown per question at most (publishable ones only).
MAX_TEXTS = 10
#: Good practices shown when the analyst chose none: the newest in the territory.
DEFAULT_PRACTICES = 5


async def _rounds(session: AsyncSession, request: ReportRequest) -> list[SurveyRound]:
    return await rounds_for(
        session,
        territory=request.territory,
        month_from=request.span.first.label,
        month_to=request.span.last.label,
    )


async def _practices(session: AsyncSession, request: ReportRequest) -> list[dict[str, Any]]:
    if request.practices:
        return await published_practices(
            session, territory=request.territory, ids=request.practices, limit=len(request.practices)
        )
    return await published_practices(session, territory=request.territory, limit=DEFAULT_PRACTICES)


async def validate_choices(session: AsyncSession, request: ReportRequest) -> None:
    """Rounds and practices the analyst chose must be in the report's territory (and, rounds,
    overlap its period; practices, be published): 422 ``unknown_round`` / ``unknown_practice``."""
    if request.rounds:
        known = {r.id for r in await _rounds(session, request)}
        missing = [str(i) for i in request.rounds if i not in known]
        if missing:
            raise Problem(
                422,
                "unknown_round",
                "no survey round of the report's territory and period has this id",
                rounds=missing,
            )
    if request.practices:
        found = {p["id"] for p in await _practices(session, request)}
        missing = [str(i) for i in request.practices if i not in found]
        if missing:
            raise Problem(
                422,
                "unknown_practice",
                "no published good practice of the report's territory has this id",
                practices=missing,
            )


def _survey_policy(request: ReportRequest) -> SurveyPolicy:
    threshold = request.settings.survey_suppression_threshold if request.settings else 2
    return SurveyPolicy(threshold)


async def surveys_section(session: AsyncSession, request: ReportRequest) -> Section | None:
    rounds = await _rounds(session, request)
    if request.rounds:
        chosen = set(request.rounds)
        rounds = [r for r in rounds if r.id in chosen]
    blocks: list[Block] = []
    if not rounds:
        blocks.append(
            Text(text="W tym okresie nie przeprowadzono na tym obszarze badań ankietowych.", style="note")
        )
    for r in rounds:
        results = await round_results(
            session, r.id, scope=request.territory, policy=_survey_policy(request), for_publication=True
        )
        blocks += _round_blocks(r, results)
    return Section(key="surveys", title="Wyniki ankiet", blocks=blocks)


def _round_blocks(r: SurveyRound, results: dict[str, Any]) -> list[Block]:
    k = int(results["suppression"]["threshold"])
    respondents = format_cell(cell(results["respondents"]), "count", threshold=k)
    blocks: list[Block] = [
        Text(
            text=f"Badanie „{r.title}”: okres odniesienia {r.period_from} – {r.period_to}, "
            f"instytucje, które odpowiedziały: {respondents}."
        )
    ]
    for q in results["questions"]:
        title = f"{q['text']} (odpowiedzi: {format_cell(cell(q['answered']), 'count', threshold=k)})"
        kind = q["type"]
        if kind in ("single_choice", "multiple_choice"):
            bars = [Bar(label=o["label"], value=cell(o["count"])) for o in q.get("options") or []]
            blocks.append(BarChart(title=title, bars=bars, threshold=k))
        elif kind == "scale":
            bars = [Bar(label=str(d["value"]), value=cell(d["count"])) for d in q.get("distribution") or []]
            blocks.append(BarChart(title=title, bars=bars, threshold=k))
            blocks.append(Text(text=f"Średnia: {format_cell(cell(q.get('mean')), 'number', threshold=k)}."))
        elif kind == "number":
            blocks.append(
                Table(
                    title=title,
                    columns=["Miara", "Wartość"],
                    formats=["number", "number"],
                    rows=[("Średnia", [cell(q.get("mean"))]), ("Mediana", [cell(q.get("median"))])],
                    threshold=k,
                )
            )
        elif kind == "date":
            bars = [Bar(label=m["month"], value=cell(m["count"])) for m in q.get("months") or []]
            blocks.append(BarChart(title=title, bars=bars, threshold=k))
        elif kind == "text":
            texts = [t for t in q.get("texts") or [] if t.get("publishable")][:MAX_TEXTS]
            if texts:
                blocks.append(Text(text=title))
                blocks += [Text(text=f"„{t['text']}”", style="note") for t in texts]
    return blocks


async def problem_areas_section(session: AsyncSession, request: ReportRequest) -> Section | None:
    rows: list[dict[str, Any]] = await problem_area_counts(
        session,
        scope=request.scope,
        policy=request.policy,
        territory=request.territory,
        month_from=request.span.first.label,
        month_to=request.span.last.label,
        settings=request.settings,
    )
    columns = ["Obszar problemowy", "Skierowania", "Oceny partnerstw"]
    keys = ["referrals", "evaluations"]
    if any("surveys" in r for r in rows):
        columns.append("Ankiety")
        keys.append("surveys")
    columns.append("Razem")
    keys.append("total")
    ordered = sorted(rows, key=lambda r: (-(cell(r["total"]).value or 0), r["code"]))
    blocks: list[Block] = [
        Text(
            text="Bariery współpracy policzone z trzech źródeł: kodów przyczyn odrzuconych i "
            "nieudanych skierowań, ocen partnerstw oraz odpowiedzi w ankietach."
        ),
        BarChart(
            title="Obszary problemowe (razem)",
            bars=[Bar(label=r["name_pl"], value=cell(r["total"])) for r in ordered],
        ),
        Table(
            title="Obszary problemowe według źródła",
            columns=columns,
            formats=["count"] * len(columns),
            rows=[(r["name_pl"], [cell(r.get(k, {"value": None})) for k in keys]) for r in ordered],
        ),
    ]
    if any(r.get("partial") for r in rows):
        blocks.append(
            Text(text="Suma „Razem” pomija składniki ukryte z powodu małej liczebności.", style="note")
        )
    return Section(key="problem_areas", title="Obszary problemowe", blocks=blocks)


async def practices_section(session: AsyncSession, request: ReportRequest) -> Section | None:
    practices = await _practices(session, request)
    if not practices:
        blocks: list[Block] = [
            Text(text="Brak opublikowanych dobrych praktyk na tym obszarze.", style="note")
        ]
    else:
        blocks = [
            Definitions(
                items=[
                    Definition(
                        term=p["title"],
                        text=(
                            f"{p.get('institution_name') or p['institution_type']} ({p['institution_type']}), "
                            f"od {p['since']}: {p['summary']}"
                        ),
                    )
                    for p in practices
                ]
            )
        ]
    return Section(key="practices", title="Dobre praktyki", blocks=blocks)


PROVIDERS: tuple[SectionProvider, ...] = (surveys_section, problem_areas_section, practices_section)
