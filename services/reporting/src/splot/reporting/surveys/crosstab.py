"""Cross-tabulation of a question's answers with a hard indicator (:mod:`.indicators`): for each
answer, the indicator over the referrals of the institutions that gave it, in the round's
reference period. The number of institutions is protected by the survey threshold (with the
blocks rule of :mod:`.protection` for single-choice and scale questions); the indicator, a
statistic of persons' referrals, by the reporting :class:`Policy` like every other statistic."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import and_, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem
from splot.reporting.models import ReferralFact
from splot.reporting.suppression import SUPPRESSED, UNDEFINED, Cell, Policy
from splot.reporting.surveys import protection
from splot.reporting.surveys.design import CONDITIONAL, question_map
from splot.reporting.surveys.indicators import INDICATORS, CrossIndicator
from splot.reporting.surveys.models import SurveyRound
from splot.reporting.surveys.responses import is_answered
from splot.reporting.surveys.results import FILTERABLE, block_of, questionnaire_of, respondents


def _month_index(label: str) -> int:
    year, month = label.split("-")
    return int(year) * 12 + int(month) - 1


async def _indicator(
    session: AsyncSession, ind: CrossIndicator, ids: list[uuid.UUID], row: SurveyRound, policy: Policy
) -> Cell:
    column = (
        ReferralFact.sender_institution_id if ind.side == "sender" else ReferralFact.target_institution_id
    )
    cohort = ReferralFact.sent_year * 12 + ReferralFact.sent_month - 1
    names = sorted(set(ind.numerator) | set(ind.denominator))
    stmt = select(*(func.coalesce(func.sum(getattr(ReferralFact, n)), 0) for n in names)).where(
        column.in_(ids),
        ReferralFact.sent_year.is_not(None),
        and_(cohort >= _month_index(row.period_from), cohort <= _month_index(row.period_to)),
    )
    sums = dict(zip(names, (int(v or 0) for v in (await session.execute(stmt)).one()), strict=True))
    numerator = sum(sums[n] for n in ind.numerator)
    if not ind.denominator:
        return policy.count(numerator)
    return policy.ratio(numerator, sum(sums[n] for n in ind.denominator))


async def crosstab(
    session: AsyncSession,
    row: SurveyRound,
    *,
    question: str,
    indicator: str | None,
    threshold: int,
    policy: Policy,
) -> dict[str, Any]:
    document = await questionnaire_of(session, row)
    q = question_map(document).get(question)
    if q is None:
        raise Problem(422, "unknown_question", "no such question")
    if q["type"] not in CONDITIONAL:
        raise Problem(422, "invalid_filter", "cross-tabulate a choice or scale question")
    code = indicator or q.get("indicator")
    if code is None or code not in INDICATORS:
        raise Problem(
            422, "unknown_indicator", "choose an indicator of the cross-tab", indicators=sorted(INDICATORS)
        )
    ind = INDICATORS[code]
    rows = await respondents(session, row.id)
    key = q["key"]
    blocks_ok = q["type"] not in FILTERABLE or protection.blocks_ok(
        rows, lambda r: block_of(q, r.answers.get(key)), threshold
    )
    if q["type"] in ("single_choice", "multiple_choice"):
        values = [(o["value"], o["label"]) for o in q["options"]]
    else:
        spec = q["scale"]
        values = [(str(v), str(v)) for v in range(spec["min"], spec["max"] + 1)]
    out = []
    for value, label in values:
        members = [
            r
            for r in rows
            if is_answered(r.answers.get(key))
            and (
                value in r.answers[key] if isinstance(r.answers[key], list) else str(r.answers[key]) == value
            )
        ]
        institutions = protection.cell(len(members), [len(rows)], threshold, hidden=not blocks_ok)
        if institutions.suppressed:
            measured: Cell = SUPPRESSED
        elif not members:
            measured = UNDEFINED
        else:
            measured = await _indicator(session, ind, [r.institution_id for r in members], row, policy)
        out.append(
            {
                "value": value,
                "label": label,
                "institutions": institutions.as_dict(),
                "indicator": measured.as_dict(),
            }
        )
    return {
        "round_id": row.id,
        "question": key,
        "indicator": code,
        "period_from": row.period_from,
        "period_to": row.period_to,
        "rows": out,
    }
