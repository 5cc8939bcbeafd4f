"""Surveys of institutions, the institution's side: the rounds to fill in, and the response.

A ``coordinator`` or ``institution_admin`` of an invited institution only (other staff 403; a
round the institution was not invited to 404). Institution systems and Splot services: 403."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from sqlalchemy import select

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, settings_of
from splot.common.auth import CurrentPrincipal
from splot.common.contract.headers import IF_MATCH_TO_REPLACE
from splot.common.db import SessionDep, utcnow
from splot.common.etag import IfMatch, set_etag
from splot.common.workdays import local_date
from splot.reporting.config import ReportingSettings
from splot.reporting.surveys import responses
from splot.reporting.surveys.access import institution_of
from splot.reporting.surveys.models import SurveyRecipient, SurveyResponse, SurveyRound
from splot.reporting.surveys.schemas import ResponseRead, ResponseWrite, TaskFilter, TaskList

router = APIRouter(prefix="/v1", tags=["surveys"])
Settings = Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))]


@router.get("/survey-tasks", response_model=TaskList, responses=LIST_RESPONSES)
async def list_tasks(
    session: SessionDep, principal: CurrentPrincipal, settings: Settings, status: TaskFilter = TaskFilter.open
) -> dict[str, Any]:
    """The rounds your institution was invited to, by deadline (`open`: those still editable),
    with your response's state and when you were last reminded. A coordinator or administrator
    only (other roles, institution systems and Splot services 403)."""
    institution_id = institution_of(principal)
    today = local_date(utcnow(), settings.timezone)
    rows = await session.execute(
        select(SurveyRound, SurveyRecipient, SurveyResponse)
        .join(SurveyRecipient, SurveyRecipient.round_id == SurveyRound.id)
        .outerjoin(
            SurveyResponse,
            (SurveyResponse.round_id == SurveyRound.id) & (SurveyResponse.institution_id == institution_id),
        )
        .where(SurveyRecipient.institution_id == institution_id)
        .order_by(SurveyRound.deadline, SurveyRound.id)
        .limit(500)
    )
    items = []
    for row, recipient, response in rows.all():
        if status is TaskFilter.open and not responses.editable(row, today):
            continue
        items.append(
            {
                "round_id": row.id,
                "title": row.title,
                "territory": row.territory,
                "owner_scope": row.owner_scope,
                "deadline": row.deadline,
                "days_left": max(0, (row.deadline - today).days),
                "status": response.status if response is not None else "not_started",
                "submitted_at": response.submitted_at if response is not None else None,
                "updated_at": response.updated_at if response is not None else None,
                "reminded_at": recipient.reminded_at,
                "round_status": row.status,
            }
        )
    return {"items": items}


async def _read(
    session: SessionDep, row: SurveyRound, institution_id: uuid.UUID, today: Any
) -> dict[str, Any]:
    response = await responses.response_of(session, row.id, institution_id)
    return {
        "round_id": row.id,
        "status": response.status if response is not None else "not_started",
        "answers": response.answers if response is not None else {},
        "submitted_at": response.submitted_at if response is not None else None,
        "updated_at": response.updated_at if response is not None else None,
        "deadline": row.deadline,
        "editable": responses.editable(row, today),
        "questionnaire": await responses.document_of(session, row),
    }


@router.get("/survey-rounds/{round_id}/response", response_model=ResponseRead, responses=READ_RESPONSES)
async def get_response(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    round_id: uuid.UUID,
    response: Response,
) -> dict[str, Any]:
    """Your institution's response with the questionnaire (`not_started` before the first save)."""
    institution_id = institution_of(principal)
    row = await responses.recipient_of(session, round_id, institution_id)
    body = await _read(session, row, institution_id, local_date(utcnow(), settings.timezone))
    current = await responses.response_of(session, row.id, institution_id)
    set_etag(response, row.id, responses.etag_version(current))
    return body


@router.put(
    "/survey-rounds/{round_id}/response",
    response_model=ResponseRead,
    responses=WRITE_RESPONSES,
    openapi_extra={
        IF_MATCH_TO_REPLACE: "The ETag you last read: needed once a response was saved (428 without it, 412 when stale)"
    },
)
async def save_response(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    round_id: uuid.UUID,
    data: ResponseWrite,
    if_match: IfMatch = None,
    response: Response,
) -> dict[str, Any]:
    """Save the answers: a draft stays a draft; a submitted response is re-validated (all required
    answers) and stays submitted. 409 `round_closed` after the deadline day or the closure."""
    institution_id = institution_of(principal)
    row = await responses.recipient_of(session, round_id, institution_id)
    now = utcnow()
    today = local_date(now, settings.timezone)
    saved = await responses.save(
        session, row, institution_id, data.answers, if_match=if_match, today=today, now=now
    )
    set_etag(response, row.id, saved.version)
    return await _read(session, row, institution_id, today)


@router.post(
    "/survey-rounds/{round_id}/response/submit", response_model=ResponseRead, responses=WRITE_RESPONSES
)
async def submit_response(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    round_id: uuid.UUID,
    if_match: IfMatch = None,
    response: Response,
) -> dict[str, Any]:
    """Submit the saved answers; 422 `answer_required` lists the required questions unanswered."""
    institution_id = institution_of(principal)
    row = await responses.recipient_of(session, round_id, institution_id)
    now = utcnow()
    today = local_date(now, settings.timezone)
    saved = await responses.submit_existing(
        session, row, institution_id, if_match=if_match, today=today, now=now
    )
    set_etag(response, row.id, saved.version)
    return await _read(session, row, institution_id, today)
