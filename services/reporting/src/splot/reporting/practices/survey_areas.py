"""Problem areas named in institutions' survey answers: an option of a choice question may be
mapped to a problem area (``problem_area`` in the questionnaire); an institution names the area
when its submitted response to a round overlapping the months chose such an option."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.reporting.surveys.models import SurveyQuestionnaire, SurveyRecipient, SurveyResponse, SurveyRound


def option_areas(sections: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    """(question key, option value) → problem area, for the options mapped to one."""
    found: dict[tuple[str, str], str] = {}
    for section in sections or []:
        for question in section.get("questions") or []:
            for option in question.get("options") or []:
                if option.get("problem_area"):
                    found[(str(question["key"]), str(option["value"]))] = str(option["problem_area"])
    return found


def chosen_areas(answers: dict[str, Any], mapping: dict[tuple[str, str], str]) -> set[str]:
    areas: set[str] = set()
    for (key, value), area in mapping.items():
        answer = answers.get(key)
        chosen = (
            [str(a) for a in answer]
            if isinstance(answer, list)
            else [str(answer)]
            if answer is not None
            else []
        )
        if value in chosen:
            areas.add(area)
    return areas


async def institutions_by_area(
    session: AsyncSession, *, institution_id: uuid.UUID | None, territory: str | None, first: date, last: date
) -> dict[str, int]:
    """Distinct institutions per area: ``institution_id`` alone, or those seated in ``territory``."""
    first_label, last_label = f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"
    stmt = (
        select(SurveyResponse.institution_id, SurveyResponse.answers, SurveyQuestionnaire.sections)
        .join(SurveyRound, SurveyRound.id == SurveyResponse.round_id)
        .join(SurveyQuestionnaire, SurveyQuestionnaire.id == SurveyRound.questionnaire_id)
        .join(
            SurveyRecipient,
            (SurveyRecipient.round_id == SurveyResponse.round_id)
            & (SurveyRecipient.institution_id == SurveyResponse.institution_id),
        )
        .where(
            SurveyResponse.status == "submitted",
            SurveyRound.period_from <= last_label,
            SurveyRound.period_to >= first_label,
        )
    )
    if institution_id is not None:
        stmt = stmt.where(SurveyResponse.institution_id == institution_id)
    elif territory:
        stmt = stmt.where(SurveyRecipient.teryt.startswith(territory))
    institutions: dict[str, set[uuid.UUID]] = defaultdict(set)
    for inst, answers, sections in (await session.execute(stmt)).all():
        for area in chosen_areas(dict(answers or {}), option_areas(list(sections or []))):
            institutions[area].add(inst)
    return {area: len(ids) for area, ids in institutions.items()}
