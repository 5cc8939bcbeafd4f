"""The partnership's meetings (whose decisions can create plan tasks) and its internal
evaluations (one party's self-assessment per period, never changed: history is kept)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import problem_areas
from splot.common.auth import Principal
from splot.common.errors import Problem, forbidden
from splot.common.events import emit
from splot.common.pagination import paginate
from splot.directory.partnerships import access, plan
from splot.directory.partnerships import schemas as ps
from splot.directory.partnerships.models import Evaluation, Meeting, Partnership


async def record_meeting(
    session: AsyncSession, *, partnership: Partnership, data: ps.MeetingCreate, actor: Principal, day: date
) -> Meeting:
    access.require_organiser(partnership, actor, day)
    known = {p.institution_id for p in partnership.parties if p.state == "party"}
    if not set(data.present_institution_ids) <= known:
        raise Problem(422, "not_a_party", "an institution present is not a party of the partnership")
    if data.next_meeting_on is not None and data.next_meeting_on <= data.held_on:
        raise Problem(422, "invalid_date", "the next meeting comes after this one")
    assert actor.institution_id is not None
    meeting = Meeting(
        partnership_id=partnership.id,
        held_on=data.held_on,
        present_institution_ids=sorted({str(i) for i in data.present_institution_ids}),
        agenda=data.agenda,
        decisions=[],
        minutes=data.minutes.model_dump(mode="json", exclude_none=True) if data.minutes else None,
        next_meeting_on=data.next_meeting_on,
        recorded_by_institution_id=actor.institution_id,
    )
    session.add(meeting)
    await session.flush()
    decisions: list[dict[str, Any]] = []
    for decision in data.decisions:
        task_id = None
        if decision.task is not None:
            task = plan.new_task(partnership, decision.task, day, meeting_id=meeting.id)
            session.add(task)
            await session.flush()
            task_id = str(task.id)
        decisions.append({"text": decision.text, "task_id": task_id})
    meeting.decisions = decisions
    await session.flush()
    return meeting


async def list_meetings(
    session: AsyncSession, *, partnership: Partnership, cursor: str | None, limit: int | None
) -> tuple[list[Meeting], str | None]:
    stmt: Select[Any] = select(Meeting).where(Meeting.partnership_id == partnership.id)
    return await paginate(
        session, stmt, order_by=[Meeting.held_on, Meeting.id], cursor=cursor, limit=limit, descending=True
    )


async def submit_evaluation(
    session: AsyncSession, *, partnership: Partnership, data: ps.EvaluationCreate, actor: Principal, day: date
) -> Evaluation:
    """The actor's own party's evaluation for a period (a new one for the same period is the
    newest; the earlier ones stay)."""
    if not access.is_signatory(partnership, actor, day):
        raise forbidden(
            "a party's administrator or coordinator evaluates the partnership for its institution"
        )
    assert actor.institution_id is not None
    if unknown := problem_areas.unknown(data.problem_areas):
        raise Problem(
            422, "unknown_problem_area", f"not a problem area of the catalogue: {', '.join(unknown)}"
        )
    evaluation = Evaluation(
        partnership_id=partnership.id,
        institution_id=actor.institution_id,
        submitted_by_subject=actor.subject,
        **{**data.model_dump(), "problem_areas": list(dict.fromkeys(data.problem_areas))},
    )
    session.add(evaluation)
    await session.flush()
    await emit(
        session,
        "evaluation.submitted",
        aggregate_type="evaluation",
        aggregate_id=evaluation.id,
        payload={
            "id": str(evaluation.id),
            "partnership_id": str(partnership.id),
            "institution_id": str(evaluation.institution_id),
            "period": evaluation.period,
            "score": evaluation.score,
            "problem_areas": list(evaluation.problem_areas),
            "submitted_at": evaluation.submitted_at.isoformat(),
        },
    )
    return evaluation


async def list_evaluations(
    session: AsyncSession,
    *,
    partnership: Partnership,
    period: str | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[Evaluation], str | None]:
    stmt: Select[Any] = select(Evaluation).where(Evaluation.partnership_id == partnership.id)
    if period is not None:
        stmt = stmt.where(Evaluation.period == period)
    return await paginate(
        session,
        stmt,
        order_by=[Evaluation.submitted_at, Evaluation.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def summary(session: AsyncSession, *, partnership: Partnership, period: str) -> ps.EvaluationSummary:
    rows = (
        await session.scalars(
            select(Evaluation)
            .where(Evaluation.partnership_id == partnership.id, Evaluation.period == period)
            .order_by(Evaluation.submitted_at, Evaluation.id)
        )
    ).all()
    newest: dict[Any, Evaluation] = {}
    history: dict[Any, int] = defaultdict(int)
    for row in rows:
        newest[row.institution_id] = row
        history[row.institution_id] += 1
    latest = sorted(newest.values(), key=lambda e: str(e.institution_id))
    return ps.EvaluationSummary(
        period=period,
        parties_answered=len(latest),
        mean_score=round(sum(e.score for e in latest) / len(latest), 2) if latest else None,
        latest=[ps.EvaluationRead.model_validate(e) for e in latest],
    )
