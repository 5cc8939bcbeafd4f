"""Surveys of institutions, the analyst's side: rounds, their response rate, protected results,
cross-tabs with the hard indicators, free texts and the export.

Analysts only: a round is read by any analyst whose scope covers its territory (others 404);
closing, reminders, marking free texts and the export with identities belong to its owner (the
analyst who opened it). Institution systems and Splot services: 403."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status
from sqlalchemy import select

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit, settings_of
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep, utcnow
from splot.common.errors import Problem, not_found
from splot.common.workdays import local_date
from splot.reporting import schemas as reporting_schemas
from splot.reporting.config import ReportingSettings
from splot.reporting.routes.common import EXPORT_RESPONSES, CurrentPolicy, download
from splot.reporting.surveys import export, rounds
from splot.reporting.surveys.access import analyst_of
from splot.reporting.surveys.crosstab import crosstab
from splot.reporting.surveys.models import SurveyTextAnswer
from splot.reporting.surveys.results import SurveyPolicy, round_results
from splot.reporting.surveys.schemas import (
    Crosstab,
    RateLevel,
    Reminded,
    ResponseRate,
    RoundCreate,
    RoundPage,
    RoundRead,
    RoundResults,
    RoundStatus,
    TextMark,
    TextMarkRead,
)

router = APIRouter(prefix="/v1", tags=["surveys"])
Settings = Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))]
FilterText = Annotated[str | None, Query(max_length=40, pattern=r"^[a-z0-9_]{1,40}$")]


@router.post(
    "/survey-rounds", response_model=RoundRead, status_code=status.HTTP_201_CREATED, responses=WRITE_RESPONSES
)
async def open_round(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    data: RoundCreate,
    response: Response,
) -> dict[str, Any]:
    """Send a questionnaire to the active institutions of the given types in a territory within
    your scope (403 `territory_out_of_scope`), with a deadline after today; 422 `no_recipients`
    when none matches. The questionnaire is frozen. Analysts only (systems and services 403)."""
    analyst = analyst_of(principal)
    today = local_date(utcnow(), settings.timezone)
    row = await rounds.open_round(session, data, analyst, today=today)
    response.headers["Location"] = f"survey-rounds/{row.id}"
    return await rounds.round_read(session, row, analyst)


@router.get("/survey-rounds", response_model=RoundPage, responses=LIST_RESPONSES)
async def list_rounds(
    session: SessionDep,
    principal: CurrentPrincipal,
    status: RoundStatus | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> dict[str, Any]:
    """Rounds whose territory is within your scope, newest first."""
    analyst = analyst_of(principal)
    items, next_cursor = await rounds.list_rounds(
        session, analyst, status=status.value if status else None, cursor=cursor, limit=limit
    )
    return {"items": items, "next_cursor": next_cursor}


@router.get("/survey-rounds/{round_id}", response_model=RoundRead, responses=READ_RESPONSES)
async def get_round(session: SessionDep, principal: CurrentPrincipal, round_id: uuid.UUID) -> dict[str, Any]:
    """One round with its live counts (institutions invited, drafts, submitted)."""
    analyst = analyst_of(principal)
    return await rounds.round_read(session, await rounds.readable_round(session, round_id, analyst), analyst)


@router.post("/survey-rounds/{round_id}/close", response_model=RoundRead, responses=WRITE_RESPONSES)
async def close_round(
    session: SessionDep, principal: CurrentPrincipal, round_id: uuid.UUID
) -> dict[str, Any]:
    """Close the round now (its owner): answers can no longer be changed."""
    analyst = analyst_of(principal)
    row = await rounds.owned_round(session, round_id, analyst)
    rounds.close(row, utcnow())
    await session.flush()
    return await rounds.round_read(session, row, analyst)


@router.post("/survey-rounds/{round_id}/reminders", response_model=Reminded, responses=WRITE_RESPONSES)
async def send_reminders(
    session: SessionDep, principal: CurrentPrincipal, round_id: uuid.UUID
) -> dict[str, Any]:
    """Remind now every invited institution that has not submitted (the owner; an open round)."""
    row = await rounds.owned_round(session, round_id, analyst_of(principal))
    if row.status != "open":
        raise Problem(409, "round_closed", "the round is closed")
    return {"reminded": await rounds.remind(session, row, utcnow())}


@router.get("/survey-rounds/{round_id}/response-rate", response_model=ResponseRate, responses=READ_RESPONSES)
async def response_rate(
    session: SessionDep, principal: CurrentPrincipal, round_id: uuid.UUID, level: RateLevel = RateLevel.powiat
) -> dict[str, Any]:
    """Institutions invited, with a draft and submitted, by voivodeship or powiat (exact: they are
    counts of institutions, not of answers)."""
    row = await rounds.readable_round(session, round_id, analyst_of(principal))
    return {
        "round_id": row.id,
        "level": level.value,
        "rows": await rounds.response_rate(session, row, level.value),
    }


@router.get("/survey-rounds/{round_id}/results", response_model=RoundResults, responses=READ_RESPONSES)
async def results(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    round_id: uuid.UUID,
    territory: Annotated[str | None, Query(pattern=r"^(\d{2}|\d{4})?$")] = None,
    question: FilterText = None,
    answer: FilterText = None,
) -> dict[str, Any]:
    """Aggregated answers of the submitted responses, protected (docs/indicators.md, "Surveys"):
    narrowed to a sub-territory and/or to the respondents who gave one answer to a single-choice
    or scale question. Free texts only for the round's owner (`texts` null for others)."""
    analyst = analyst_of(principal)
    row = await rounds.readable_round(session, round_id, analyst)
    return await round_results(
        session,
        row.id,
        scope=analyst.scope,
        policy=SurveyPolicy(settings.survey_suppression_threshold),
        territory=territory,
        question=question,
        answer=answer,
        owner=rounds.is_owner(row, analyst),
    )


@router.get("/survey-rounds/{round_id}/crosstab", response_model=Crosstab, responses=READ_RESPONSES)
async def get_crosstab(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    policy: CurrentPolicy,
    round_id: uuid.UUID,
    question: Annotated[str, Query(max_length=40, pattern=r"^[a-z][a-z0-9_]{0,39}$")],
    indicator: Annotated[str | None, Query(max_length=64, pattern=r"^[a-z0-9_]{1,64}$")] = None,
) -> dict[str, Any]:
    """For each answer of a choice or scale question, a hard indicator over the referrals of the
    institutions that gave it, in the round's reference period (`referrals` sent;
    `sla_compliance`, `acceptance_rate`, `closed_loop_rate`, `completion_rate` of the referrals
    they received). Without `indicator`, the question's own."""
    row = await rounds.readable_round(session, round_id, analyst_of(principal))
    return await crosstab(
        session,
        row,
        question=question,
        indicator=indicator,
        threshold=settings.survey_suppression_threshold,
        policy=policy,
    )


@router.patch(
    "/survey-rounds/{round_id}/texts/{answer_id}", response_model=TextMarkRead, responses=WRITE_RESPONSES
)
async def mark_text(
    session: SessionDep,
    principal: CurrentPrincipal,
    round_id: uuid.UUID,
    answer_id: uuid.UUID,
    data: TextMark,
) -> dict[str, Any]:
    """Mark a free-text answer publishable or not (the owner): published outputs use only
    publishable ones. A text changed by its institution loses the mark."""
    row = await rounds.owned_round(session, round_id, analyst_of(principal))
    mark = (
        await session.scalars(
            select(SurveyTextAnswer).where(
                SurveyTextAnswer.id == answer_id, SurveyTextAnswer.round_id == row.id
            )
        )
    ).one_or_none()
    if mark is None:
        raise not_found("answer")
    mark.publishable = data.publishable
    await session.flush()
    return {"answer_id": mark.id, "publishable": mark.publishable}


@router.get("/survey-rounds/{round_id}/export", responses=EXPORT_RESPONSES, response_class=Response)
async def export_round(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: Settings,
    round_id: uuid.UUID,
    format: reporting_schemas.ExportFormat = reporting_schemas.ExportFormat.csv,
) -> Response:
    """The submitted answers as CSV or XLSX, one row per response. The owner gets the
    institutions' identity and every free text; other analysts neither (publishable texts only),
    and only when at least the threshold of institutions answered (422 `group_too_small`)."""
    analyst = analyst_of(principal)
    row = await rounds.readable_round(session, round_id, analyst)
    header, lines = await export.table(
        session, row, owner=rounds.is_owner(row, analyst), threshold=settings.survey_suppression_threshold
    )
    content: bytes | str = (
        export.to_csv(header, lines) if format.value == "csv" else export.to_xlsx(header, lines, row.title)
    )
    return download(content, format.value, f"splot-survey-{row.id}")
