"""HTTP layer of a partnership's work: plan tasks, client selection criteria, the service
standard (and its deadline between two parties, read by the referrals service), targets,
meetings and internal evaluations. Parties only (others: 404)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit, responses
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles
from splot.common.db import SessionDep, utcnow
from splot.common.errors import forbidden
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.directory.partnerships import access, meetings, plan
from splot.directory.partnerships import schemas as ps
from splot.directory.partnerships.models import Partnership

router = APIRouter(prefix="/v1")
Staff = Annotated[Principal, Depends(require_roles(*Role))]
PeriodQuery = Annotated[str, Query(pattern=r"^\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?$")]

#: A partnership's lists: 404 when the partnership is not the caller's.
LIST_RESPONSES = responses(400, 401, 403, 404, 422)
#: The scope the referrals service reads the directory with.
READ_SCOPE = "directory:read"


async def _party_view(session: SessionDep, partnership_id: uuid.UUID, actor: Principal) -> Partnership:
    partnership, _ = await access.visible(
        session, partnership_id, actor, utcnow().date(), at_least=access.Relation.party
    )
    return partnership


@router.get(
    "/partnerships/standard-deadline",
    response_model=ps.StandardDeadline,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def get_standard_deadline(
    session: SessionDep,
    actor: CurrentPrincipal,
    sender_institution_id: uuid.UUID,
    receiver_institution_id: uuid.UUID,
    service_type: Annotated[str, Query(pattern=r"^[a-z][a-z0-9_]{0,47}$")],
) -> ps.StandardDeadline:
    """The working-day deadline the standard of an in-force partnership of both institutions sets
    for the receiver's answer on this service type (404 when none applies). For the referrals
    service (a service token with ``directory:read``) and staff."""
    if actor.is_service:
        if not actor.has_scope(READ_SCOPE):
            raise forbidden("the token lacks directory:read")
    elif not actor.roles:
        raise forbidden("staff or the referrals service only")
    return await plan.standard_deadline(
        session,
        sender_id=sender_institution_id,
        receiver_id=receiver_institution_id,
        service_type=service_type,
        day=utcnow().date(),
    )


@router.get(
    "/partnerships/{partnership_id}/tasks",
    response_model=ps.TaskPage,
    tags=["partnerships"],
    responses=LIST_RESPONSES,
)
async def list_tasks(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> ps.TaskPage:
    """The action plan's tasks."""
    partnership = await _party_view(session, partnership_id, actor)
    items, next_cursor = await plan.list_tasks(session, partnership=partnership, cursor=cursor, limit=limit)
    return ps.TaskPage(items=[ps.TaskRead.model_validate(t) for t in items], next_cursor=next_cursor)


@router.post(
    "/partnerships/{partnership_id}/tasks",
    response_model=ps.TaskRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_task(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, data: ps.TaskCreate, response: Response
) -> ps.TaskRead:
    """Add a task with its owner party, dates and status."""
    partnership = await _party_view(session, partnership_id, actor)
    task = await plan.create_task(
        session, partnership=partnership, data=data, actor=actor, day=utcnow().date()
    )
    set_etag(response, task.id, task.version)
    response.headers["Location"] = f"tasks/{task.id}"  # PATCH it there
    return ps.TaskRead.model_validate(task)


@router.patch(
    "/partnerships/{partnership_id}/tasks/{task_id}",
    response_model=ps.TaskRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def update_task(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    task_id: uuid.UUID,
    data: ps.TaskUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> ps.TaskRead:
    """Change a task (organisers, or the owner party's administrator or coordinator)."""
    partnership = await _party_view(session, partnership_id, actor)
    task = await plan.update_task(
        session,
        partnership=partnership,
        task_id=task_id,
        data=data,
        actor=actor,
        if_match=if_match,
        day=utcnow().date(),
    )
    set_etag(response, task.id, task.version)
    return ps.TaskRead.model_validate(task)


@router.get(
    "/partnerships/{partnership_id}/plan",
    response_model=ps.PlanRead,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def get_plan(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, response: Response
) -> ps.PlanRead:
    """Client selection criteria, the service standard and targets."""
    partnership = await _party_view(session, partnership_id, actor)
    set_etag(response, partnership.id, partnership.version)
    return await plan.read_plan(session, partnership)


async def _after_change(session: SessionDep, partnership: Partnership, response: Response) -> ps.PlanRead:
    await session.refresh(partnership)
    set_etag(response, partnership.id, partnership.version)
    return await plan.read_plan(session, partnership)


@router.put(
    "/partnerships/{partnership_id}/criteria",
    response_model=ps.PlanRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def put_criteria(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.Criteria,
    if_match: IfMatch = None,
    response: Response,
) -> ps.PlanRead:
    """Replace the client selection criteria (If-Match: the partnership's ETag)."""
    partnership = await _party_view(session, partnership_id, actor)
    await plan.set_criteria(
        session, partnership=partnership, data=data, actor=actor, if_match=if_match, day=utcnow().date()
    )
    return await _after_change(session, partnership, response)


@router.put(
    "/partnerships/{partnership_id}/standard",
    response_model=ps.PlanRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def put_standard(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.Standard,
    if_match: IfMatch = None,
    response: Response,
) -> ps.PlanRead:
    """Replace the service standard's ordered steps (If-Match: the partnership's ETag)."""
    partnership = await _party_view(session, partnership_id, actor)
    await plan.set_standard(
        session, partnership=partnership, data=data, actor=actor, if_match=if_match, day=utcnow().date()
    )
    return await _after_change(session, partnership, response)


@router.put(
    "/partnerships/{partnership_id}/targets",
    response_model=ps.PlanRead,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
)
async def put_targets(
    *,
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    data: ps.Targets,
    if_match: IfMatch = None,
    response: Response,
) -> ps.PlanRead:
    """Replace the targets: reporting indicators with a baseline and a target per period."""
    partnership = await _party_view(session, partnership_id, actor)
    await plan.set_targets(
        session, partnership=partnership, data=data, actor=actor, if_match=if_match, day=utcnow().date()
    )
    return await _after_change(session, partnership, response)


@router.get(
    "/partnerships/{partnership_id}/meetings",
    response_model=ps.MeetingPage,
    tags=["partnerships"],
    responses=LIST_RESPONSES,
)
async def list_meetings(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> ps.MeetingPage:
    """Meetings, newest first."""
    partnership = await _party_view(session, partnership_id, actor)
    items, next_cursor = await meetings.list_meetings(
        session, partnership=partnership, cursor=cursor, limit=limit
    )
    return ps.MeetingPage(items=[ps.MeetingRead.model_validate(m) for m in items], next_cursor=next_cursor)


@router.post(
    "/partnerships/{partnership_id}/meetings",
    response_model=ps.MeetingRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
    openapi_extra={"x-no-location": "a meeting is read in the partnership's list (GET …/meetings)"},
)
async def record_meeting(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, data: ps.MeetingCreate, response: Response
) -> ps.MeetingRead:
    """Record a meeting: parties present, agenda, decisions (each may create a plan task),
    the minutes' attachment metadata and the next meeting's date."""
    partnership = await _party_view(session, partnership_id, actor)
    meeting = await meetings.record_meeting(
        session, partnership=partnership, data=data, actor=actor, day=utcnow().date()
    )
    set_etag(response, meeting.id, meeting.version)
    return ps.MeetingRead.model_validate(meeting)


@router.get(
    "/partnerships/{partnership_id}/evaluations",
    response_model=ps.EvaluationPage,
    tags=["partnerships"],
    responses=LIST_RESPONSES,
)
async def list_evaluations(
    session: SessionDep,
    actor: Staff,
    partnership_id: uuid.UUID,
    period: PeriodQuery | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> ps.EvaluationPage:
    """Every evaluation submitted (history included), newest first."""
    partnership = await _party_view(session, partnership_id, actor)
    items, next_cursor = await meetings.list_evaluations(
        session, partnership=partnership, period=period, cursor=cursor, limit=limit
    )
    return ps.EvaluationPage(
        items=[ps.EvaluationRead.model_validate(e) for e in items], next_cursor=next_cursor
    )


@router.post(
    "/partnerships/{partnership_id}/evaluations",
    response_model=ps.EvaluationRead,
    status_code=status.HTTP_201_CREATED,
    tags=["partnerships"],
    responses=WRITE_RESPONSES,
    openapi_extra={"x-no-location": "an evaluation is read in the partnership's list (GET …/evaluations)"},
)
async def submit_evaluation(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, data: ps.EvaluationCreate
) -> ps.EvaluationRead:
    """Your party's self-assessment for a period: what works, barriers, proposals, a 1-5 score."""
    partnership = await _party_view(session, partnership_id, actor)
    evaluation = await meetings.submit_evaluation(
        session, partnership=partnership, data=data, actor=actor, day=utcnow().date()
    )
    return ps.EvaluationRead.model_validate(evaluation)


@router.get(
    "/partnerships/{partnership_id}/evaluations/summary",
    response_model=ps.EvaluationSummary,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def evaluation_summary(
    session: SessionDep, actor: Staff, partnership_id: uuid.UUID, period: PeriodQuery
) -> ps.EvaluationSummary:
    """The partnership's evaluation for a period: each party's newest answer and the mean score."""
    partnership = await _party_view(session, partnership_id, actor)
    return await meetings.summary(session, partnership=partnership, period=period)
