"""Aggregated, protected results of a round (:mod:`splot.reporting.surveys.protection`).

:func:`round_results` is also what the results report (published outputs) calls, with
``for_publication=True``: free texts then are only those the owner marked publishable, and
nothing identifies an institution."""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.reporting.suppression import SUPPRESSED, Cell, Policy
from splot.reporting.surveys import protection
from splot.reporting.surveys.design import answer_values, question_map, questions
from splot.reporting.surveys.models import (
    SurveyQuestionnaire,
    SurveyRecipient,
    SurveyResponse,
    SurveyRound,
    SurveyTextAnswer,
)
from splot.reporting.surveys.responses import is_answered

#: Questions whose answers may filter results (they partition the respondents).
FILTERABLE = ("single_choice", "scale")


@dataclass(frozen=True)
class SurveyPolicy:
    """The survey threshold (``survey_suppression_threshold``)."""

    threshold: int


@dataclass(frozen=True)
class Respondent:
    response_id: uuid.UUID
    institution_id: uuid.UUID
    name: str
    type: str
    teryt: str
    answers: dict[str, Any]
    submitted_at: datetime | None


def threshold_of(policy: SurveyPolicy | Policy | int) -> int:
    """The survey threshold; given the reporting :class:`Policy` instead, its (higher) one."""
    if isinstance(policy, int):
        return max(2, policy)
    return max(2, policy.threshold)


def _scope_code(scope: Any) -> str:
    if isinstance(scope, str):
        return scope
    if getattr(scope, "is_institution", False):
        raise not_found("survey round")
    for name in ("scope", "territory"):
        value = getattr(scope, name, None)
        if isinstance(value, str):
            return value
    raise not_found("survey round")


async def respondents(session: AsyncSession, round_id: uuid.UUID) -> list[Respondent]:
    """The round's submitted responses with their institutions, in a random (id) order."""
    rows = await session.execute(
        select(SurveyResponse, SurveyRecipient)
        .join(
            SurveyRecipient,
            (SurveyRecipient.round_id == SurveyResponse.round_id)
            & (SurveyRecipient.institution_id == SurveyResponse.institution_id),
        )
        .where(SurveyResponse.round_id == round_id, SurveyResponse.status == "submitted")
        .order_by(SurveyResponse.id)
    )
    return [
        Respondent(
            resp.id,
            rec.institution_id,
            rec.name,
            rec.institution_type,
            rec.teryt,
            resp.answers,
            resp.submitted_at,
        )
        for resp, rec in rows.all()
    ]


async def questionnaire_of(session: AsyncSession, row: SurveyRound) -> dict[str, Any]:
    q = await session.get(SurveyQuestionnaire, row.questionnaire_id)
    if q is None:  # pragma: no cover - a foreign key
        raise not_found("questionnaire")
    return {"title": q.title, "description": q.description, "sections": q.sections}


def block_of(question: dict[str, Any], value: Any) -> str | None:
    """The block of a single-choice or scale answer (None: not answered)."""
    return str(value) if is_answered(value) and question["type"] in FILTERABLE else None


def _matcher(question: dict[str, Any] | None, answer: str | None) -> Callable[[Respondent], bool]:
    if question is None or answer is None:
        return lambda r: True
    key = question["key"]
    return lambda r: block_of(question, r.answers.get(key)) == answer


def check_filters(
    row: SurveyRound,
    qmap: dict[str, dict[str, Any]],
    territory: str | None,
    question: str | None,
    answer: str | None,
) -> dict[str, Any] | None:
    if territory is not None and territory != row.territory:
        if not (
            territory.startswith(row.territory)
            and len(territory) in (2, 4)
            and len(territory) > len(row.territory)
        ):
            raise Problem(
                422, "invalid_filter", "territory must be a voivodeship or powiat within the round's"
            )
    if (question is None) != (answer is None):
        raise Problem(422, "invalid_filter", "give question and answer together")
    if question is None:
        return None
    q = qmap.get(question)
    if q is None:
        raise Problem(422, "unknown_question", "no such question")
    if q["type"] not in FILTERABLE:
        raise Problem(422, "invalid_filter", "filter by a single-choice or scale question only")
    if answer not in answer_values(q):
        raise Problem(422, "invalid_answer", "not an answer of that question")
    return q


def _groups(
    row: SurveyRound,
    rows: list[Respondent],
    territory: str | None,
    fq: dict[str, Any] | None,
    answer: str | None,
) -> tuple[list[Respondent], list[list[Respondent]], str | None]:
    """The view's group, its parents, and whether the view is too small to show."""
    base = row.territory
    t = territory if territory and territory != base else None
    here = t or base
    match = _matcher(fq, answer)

    def within(prefix: str, filtered: bool) -> list[Respondent]:
        return [r for r in rows if r.teryt.startswith(prefix) and (match(r) if filtered else True)]

    group = within(here, True)
    parents: list[list[Respondent]] = []
    if t is not None:
        parents.append(within(base, True))
        if base == "" and len(t) == 4:
            parents.append(within(t[:2], True))
    if fq is not None:
        parents.append(within(here, False))
    return group, parents, t


def _too_small(
    row: SurveyRound,
    rows: list[Respondent],
    group: list[Respondent],
    parents: list[list[Respondent]],
    t: str | None,
    fq: dict[str, Any] | None,
    answer: str | None,
    k: int,
) -> bool:
    if not protection.ok(len(group), k) or any(not protection.ok(len(p) - len(group), k) for p in parents):
        return True
    match = _matcher(fq, answer)
    bases = [rows] + ([[r for r in rows if match(r)]] if fq is not None else [])
    levels: list[tuple[str, int]] = []
    if t is not None:
        if row.territory == "":
            levels.append(("", 2))
        if len(t) == 4:
            levels.append((t[:2], 4))
    for prefix, width in levels:
        for base in bases:
            members = [r for r in base if r.teryt.startswith(prefix)]
            if not protection.blocks_ok(members, _teryt_prefix(width), k):
                return True
    if fq is not None:
        key = fq["key"]
        for prefix in {row.territory, t or row.territory, *([t[:2]] if t and len(t) == 4 else [])}:
            members = [r for r in rows if r.teryt.startswith(prefix)]
            if not protection.blocks_ok(members, lambda r: block_of(fq, r.answers.get(key)), k):
                return True
    return False


Test = Callable[[dict[str, Any]], bool]


def _teryt_prefix(width: int) -> Callable[[Respondent], str]:
    return lambda r: r.teryt[:width]


def _equals(key: str, value: object) -> Test:
    return lambda a: a.get(key) == value


def _contains(key: str, value: str) -> Test:
    return lambda a: isinstance(a.get(key), list) and value in a[key]


def _month_is(key: str, month: str) -> Test:
    return lambda a: str(a.get(key) or "")[:7] == month


def _count(group: list[Respondent], test: Callable[[dict[str, Any]], bool]) -> int:
    return sum(1 for r in group if test(r.answers))


def _question_result(
    section: dict[str, Any],
    q: dict[str, Any],
    group: list[Respondent],
    parents: list[list[Respondent]],
    hidden: bool,
    k: int,
    texts: list[dict[str, Any]] | None,
) -> dict[str, Any]:
    key, kind = q["key"], q["type"]

    def protected(test: Callable[[dict[str, Any]], bool]) -> Cell:
        return protection.cell(_count(group, test), [_count(p, test) for p in parents], k, hidden=hidden)

    answered_test: Callable[[dict[str, Any]], bool] = lambda a: is_answered(a.get(key))  # noqa: E731
    answered = protected(answered_test)
    result: dict[str, Any] = {
        "key": key,
        "text": q["text"],
        "type": kind,
        "section": section["key"],
        "answered": answered.as_dict(),
        "texts": None,
    }
    values = [r.answers[key] for r in group if is_answered(r.answers.get(key))]
    stats_ok = (
        not hidden
        and len(values) >= k
        and all(protection.ok(_count(p, answered_test) - len(values), k) for p in parents)
    )
    if kind in ("single_choice", "multiple_choice"):
        options = []
        for option in q["options"]:
            v = option["value"]
            if kind == "single_choice":
                count = protected(_equals(key, v))
            else:
                count = protected(_contains(key, v))
            options.append(
                {
                    "value": v,
                    "label": option["label"],
                    "count": count.as_dict(),
                    "share": protection.share(count, answered).as_dict(),
                }
            )
        result["options"] = options
    elif kind == "scale":
        spec = q["scale"]
        result["distribution"] = [
            {"value": v, "count": protected(_equals(key, v)).as_dict()}
            for v in range(spec["min"], spec["max"] + 1)
        ]
        result["mean"] = (
            Cell(round(statistics.fmean(values), 2), False) if stats_ok else SUPPRESSED
        ).as_dict()
    elif kind == "number":
        result["mean"] = (
            Cell(round(statistics.fmean(values), 2), False) if stats_ok else SUPPRESSED
        ).as_dict()
        median_ok = stats_ok and len(values) >= 3
        result["median"] = (Cell(statistics.median(values), False) if median_ok else SUPPRESSED).as_dict()
    elif kind == "date":
        months = sorted(
            {
                str(v)[:7]
                for r in [*group, *(x for p in parents for x in p)]
                for v in [r.answers.get(key)]
                if is_answered(v)
            }
        )
        result["months"] = [{"month": m, "count": protected(_month_is(key, m)).as_dict()} for m in months]
    elif kind == "text":
        result["texts"] = texts
    return result


async def round_results(
    session: AsyncSession,
    round_id: uuid.UUID,
    *,
    scope: Any,
    policy: SurveyPolicy | Policy | int,
    territory: str | None = None,
    question: str | None = None,
    answer: str | None = None,
    for_publication: bool = False,
    owner: bool = False,
    now: datetime | None = None,
) -> dict[str, Any]:
    """The round's results as plain dicts (the contract's RoundResults). ``scope``: the reader's
    territorial scope (a code, an analyst or a reporting Scope) — a round outside it is 404.
    ``owner``: the reader opened the round (all free texts of the group); ``for_publication``:
    only publishable free texts (and none of a suppressed view); otherwise ``texts`` is null."""
    row = await session.get(SurveyRound, round_id)
    if row is None or not row.territory.startswith(_scope_code(scope)):
        raise not_found("survey round")
    k = threshold_of(policy)
    document = await questionnaire_of(session, row)
    qmap = question_map(document)
    fq = check_filters(row, qmap, territory, question, answer)
    rows = await respondents(session, row.id)
    group, parents, t = _groups(row, rows, territory, fq, answer)
    hidden = _too_small(row, rows, group, parents, t, fq, answer, k)
    marks = {
        (m.response_id, m.question_key): m
        for m in (
            await session.scalars(select(SurveyTextAnswer).where(SurveyTextAnswer.round_id == row.id))
        ).all()
    }
    out_questions = []
    for section, q in questions(document):
        texts: list[dict[str, Any]] | None = None
        if q["type"] == "text" and (owner or for_publication):
            texts = []
            for r in group:
                mark = marks.get((r.response_id, q["key"]))
                value = r.answers.get(q["key"])
                if mark is None or not is_answered(value):
                    continue
                if for_publication and (hidden or not mark.publishable):
                    continue
                texts.append({"answer_id": mark.id, "text": value, "publishable": mark.publishable})
            texts.sort(key=lambda x: str(x["answer_id"]))
        out_questions.append(_question_result(section, q, group, parents, hidden, k, texts))
    respondents_cell = protection.cell(len(group), [len(p) for p in parents], k, hidden=hidden)
    return {
        "round_id": row.id,
        "as_of": now or utcnow(),
        "respondents": respondents_cell.as_dict(),
        "filters": {"territory": territory, "question": question, "answer": answer},
        "suppression": {"threshold": k, "rule": protection.RULE},
        "questions": out_questions,
    }
