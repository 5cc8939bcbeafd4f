"""Surveys of institutions, the analyst's side: bundled templates and questionnaires.

Analysts only (role ``analyst`` with a territorial scope); everyone else 403 — institution
systems (client credentials) and Splot services included: surveys are designed by people."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Response, status
from fastapi import Path as Path_

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.reporting.surveys import questionnaires, templates
from splot.reporting.surveys.access import analyst_of
from splot.reporting.surveys.schemas import (
    QuestionnaireFromTemplate,
    QuestionnairePage,
    QuestionnaireRead,
    QuestionnaireStatus,
    QuestionnaireWrite,
    TemplateList,
    TemplateRead,
)

router = APIRouter(prefix="/v1", tags=["surveys"])


@router.get("/survey-templates", response_model=TemplateList, responses=LIST_RESPONSES)
async def list_templates(principal: CurrentPrincipal) -> dict[str, Any]:
    """The bundled questionnaire templates (analysts; institution systems and Splot services 403 on
    every survey operation: surveys are designed and answered by people)."""
    analyst_of(principal)
    return {
        "items": [
            {
                "code": code,
                "title": doc["title"],
                "description": doc["description"],
                "questions": templates.question_count(doc),
            }
            for code, doc in templates.TEMPLATES.items()
        ]
    }


@router.get("/survey-templates/{code}", response_model=TemplateRead, responses=READ_RESPONSES)
async def get_template(
    principal: CurrentPrincipal, code: Annotated[str, Path_(pattern=r"^[a-z0-9-]{1,64}$")]
) -> dict[str, Any]:
    """One template's questionnaire document, to start a questionnaire from or to preview."""
    analyst_of(principal)
    return {**templates.template(code), "code": code}


@router.post(
    "/questionnaires",
    response_model=QuestionnaireRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_questionnaire(
    session: SessionDep,
    principal: CurrentPrincipal,
    data: QuestionnaireWrite | QuestionnaireFromTemplate,
    response: Response,
) -> dict[str, Any]:
    """A new draft questionnaire owned by your analyst scope: a document, or `{template, title?}`
    to start from a bundled template. 422 `invalid_questionnaire` lists broken rules."""
    analyst = analyst_of(principal)
    q = await questionnaires.create(session, data, analyst)
    set_etag(response, q.id, q.version)
    response.headers["Location"] = f"questionnaires/{q.id}"
    return await questionnaires.read(session, q)


@router.get("/questionnaires", response_model=QuestionnairePage, responses=LIST_RESPONSES)
async def list_questionnaires(
    session: SessionDep,
    principal: CurrentPrincipal,
    status: QuestionnaireStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> dict[str, Any]:
    """Questionnaires of your scope and of the scopes within it, last changed first."""
    analyst = analyst_of(principal)
    items, next_cursor = await questionnaires.list_items(
        session, analyst, status=status.value if status else None, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/questionnaires/{questionnaire_id}", response_model=QuestionnaireRead, responses=READ_RESPONSES)
async def get_questionnaire(
    session: SessionDep, principal: CurrentPrincipal, questionnaire_id: uuid.UUID, response: Response
) -> dict[str, Any]:
    """One questionnaire (its scope must be yours or within yours)."""
    q = await questionnaires.readable(session, questionnaire_id, analyst_of(principal))
    set_etag(response, q.id, q.version)
    return await questionnaires.read(session, q)


@router.put("/questionnaires/{questionnaire_id}", response_model=QuestionnaireRead, responses=WRITE_RESPONSES)
async def update_questionnaire(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    questionnaire_id: uuid.UUID,
    data: QuestionnaireWrite,
    if_match: IfMatch = None,
    response: Response,
) -> dict[str, Any]:
    """Replace a draft's document (analysts of its own scope); 409 `questionnaire_frozen` once sent."""
    analyst = analyst_of(principal)
    q = await questionnaires.readable(session, questionnaire_id, analyst)
    q = await questionnaires.update(session, q, data, analyst, if_match)
    set_etag(response, q.id, q.version)
    return await questionnaires.read(session, q)


@router.post(
    "/questionnaires/{questionnaire_id}/copy",
    response_model=QuestionnaireRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def copy_questionnaire(
    session: SessionDep, principal: CurrentPrincipal, questionnaire_id: uuid.UUID, response: Response
) -> dict[str, Any]:
    """A new draft from this questionnaire: the next `version_no`, `previous_id` this one."""
    analyst = analyst_of(principal)
    q = await questionnaires.readable(session, questionnaire_id, analyst)
    new = await questionnaires.copy(session, q, analyst)
    set_etag(response, new.id, new.version)
    response.headers["Location"] = f"../{new.id}"
    return await questionnaires.read(session, new)


@router.delete(
    "/questionnaires/{questionnaire_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=WRITE_RESPONSES,
)
async def delete_questionnaire(
    session: SessionDep, principal: CurrentPrincipal, questionnaire_id: uuid.UUID, if_match: IfMatch = None
) -> Response:
    """Delete a draft never sent (analysts of its own scope)."""
    analyst = analyst_of(principal)
    q = await questionnaires.readable(session, questionnaire_id, analyst)
    await questionnaires.delete(session, q, analyst, if_match)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
