"""Questionnaires: create (from a document or a bundled template), read within the analyst's
scope (its own or a covering one), edit only a draft of one's own scope, copy to a new version,
delete a draft never sent."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.reporting.surveys import templates
from splot.reporting.surveys.access import Analyst
from splot.reporting.surveys.design import validate
from splot.reporting.surveys.models import SurveyQuestionnaire, SurveyRound
from splot.reporting.surveys.schemas import QuestionnaireFromTemplate, QuestionnaireWrite


async def round_counts(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, int]:
    if not ids:
        return {}
    rows = await session.execute(
        select(SurveyRound.questionnaire_id, func.count())
        .where(SurveyRound.questionnaire_id.in_(ids))
        .group_by(SurveyRound.questionnaire_id)
    )
    return {qid: int(n) for qid, n in rows.all()}


async def read(session: AsyncSession, q: SurveyQuestionnaire) -> dict[str, Any]:
    return {
        "id": q.id,
        "title": q.title,
        "description": q.description,
        "sections": q.sections,
        "status": q.status,
        "version_no": q.version_no,
        "previous_id": q.previous_id,
        "template": q.template,
        "owner_scope": q.owner_scope,
        "created_at": q.created_at,
        "updated_at": q.updated_at,
        "rounds": (await round_counts(session, [q.id])).get(q.id, 0),
    }


async def readable(
    session: AsyncSession, questionnaire_id: uuid.UUID, analyst: Analyst
) -> SurveyQuestionnaire:
    q = await session.get(SurveyQuestionnaire, questionnaire_id)
    if q is None or not analyst.covers(q.owner_scope):
        raise not_found("questionnaire")
    return q


def _editable(q: SurveyQuestionnaire, analyst: Analyst) -> None:
    if q.owner_scope != analyst.scope:
        raise Problem(403, "forbidden", "only analysts of the questionnaire's own scope change it")


async def create(
    session: AsyncSession, data: QuestionnaireWrite | QuestionnaireFromTemplate, analyst: Analyst
) -> SurveyQuestionnaire:
    template_code: str | None = None
    if isinstance(data, QuestionnaireFromTemplate):
        document = templates.template(data.template)
        template_code = data.template
        if data.title:
            document["title"] = data.title
        data = QuestionnaireWrite.model_validate(document)
    stored = validate(data)
    now = utcnow()
    q = SurveyQuestionnaire(
        id=uuid.uuid4(),
        title=stored["title"],
        description=stored["description"],
        sections=stored["sections"],
        status="draft",
        version_no=1,
        template=template_code,
        owner_scope=analyst.scope,
        created_by=analyst.subject,
        created_at=now,
        updated_at=now,
        version=1,
    )
    session.add(q)
    await session.flush()
    return q


async def update(
    session: AsyncSession,
    q: SurveyQuestionnaire,
    data: QuestionnaireWrite,
    analyst: Analyst,
    if_match: str | None,
) -> SurveyQuestionnaire:
    _editable(q, analyst)
    check_if_match(if_match, q.id, q.version)
    if q.status != "draft":
        raise Problem(409, "questionnaire_frozen", "the questionnaire was sent: copy it to change it")
    stored = validate(data)
    q.title, q.description, q.sections = stored["title"], stored["description"], stored["sections"]
    q.version += 1
    q.updated_at = utcnow()
    await session.flush()
    return q


async def copy(session: AsyncSession, q: SurveyQuestionnaire, analyst: Analyst) -> SurveyQuestionnaire:
    _editable(q, analyst)
    now = utcnow()
    new = SurveyQuestionnaire(
        id=uuid.uuid4(),
        title=q.title,
        description=q.description,
        sections=q.sections,
        status="draft",
        version_no=q.version_no + 1,
        previous_id=q.id,
        template=q.template,
        owner_scope=analyst.scope,
        created_by=analyst.subject,
        created_at=now,
        updated_at=now,
        version=1,
    )
    session.add(new)
    await session.flush()
    return new


async def delete(
    session: AsyncSession, q: SurveyQuestionnaire, analyst: Analyst, if_match: str | None
) -> None:
    _editable(q, analyst)
    check_if_match(if_match, q.id, q.version)
    if q.status != "draft" or (await round_counts(session, [q.id])).get(q.id, 0):
        raise Problem(409, "questionnaire_frozen", "a questionnaire that was sent cannot be deleted")
    await session.delete(q)
    await session.flush()


async def list_items(
    session: AsyncSession, analyst: Analyst, *, status: str | None, cursor: str | None, limit: int | None
) -> tuple[list[dict[str, Any]], str | None]:
    stmt = select(SurveyQuestionnaire).where(
        SurveyQuestionnaire.owner_scope.startswith(analyst.scope, autoescape=True)
    )
    if status is not None:
        stmt = stmt.where(SurveyQuestionnaire.status == status)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[SurveyQuestionnaire.updated_at, SurveyQuestionnaire.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    counts = await round_counts(session, [r.id for r in rows])
    items = [
        {
            "id": r.id,
            "title": r.title,
            "status": r.status,
            "version_no": r.version_no,
            "template": r.template,
            "owner_scope": r.owner_scope,
            "updated_at": r.updated_at,
            "rounds": counts.get(r.id, 0),
        }
        for r in rows
    ]
    return items, next_cursor
