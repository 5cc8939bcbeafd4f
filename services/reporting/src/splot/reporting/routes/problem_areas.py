"""Problem areas of cooperation (issue #16): the shared catalogue, and the areas counted from
referrals, partnership evaluations and surveys (rules in
:mod:`splot.reporting.practices.problem_areas`)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from splot.common import problem_areas as catalogue
from splot.common.api import READ_RESPONSES, settings_of
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.reporting.config import ReportingSettings
from splot.reporting.practices import access
from splot.reporting.practices import problem_areas as counting
from splot.reporting.practices import schemas as ps
from splot.reporting.routes.common import CurrentPolicy, ReportScope, envelope
from splot.reporting.routes.partnerships import MonthFrom, MonthTo

router = APIRouter(prefix="/v1")


@router.get(
    "/problem-areas/catalogue",
    response_model=ps.ProblemAreaCatalogue,
    tags=["problem-areas"],
    responses=READ_RESPONSES,
)
async def problem_area_catalogue(actor: CurrentPrincipal) -> dict[str, Any]:
    """The problem areas of cooperation (codes, names, descriptions) and the referral reasons
    mapped to them (every signed-in staff user)."""
    access.require_staff(actor)
    return {"items": [a.as_dict() for a in catalogue.areas()], "referral_reasons": catalogue.reason_mapping()}


@router.get(
    "/problem-areas", response_model=ps.ProblemAreasRead, tags=["problem-areas"], responses=READ_RESPONSES
)
async def problem_areas_read(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    settings: Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))],
    period_from: MonthFrom,
    period_to: MonthTo,
    territory: Annotated[
        str | None, Query(pattern=r"^(\d{2}|\d{4})?$", description="Analysts: a territory within yours")
    ] = None,
) -> dict[str, Any]:
    """Per problem area: rejected or failed referrals whose reason maps to it (protected by the
    policy), parties whose partnership evaluation names it and institutions whose survey answer
    chose it (protected by the institutions' threshold), and the total. Analysts: a territory
    within theirs (403 ``territory_out_of_scope``); institution staff: their own institution,
    exactly."""
    rows = await counting.problem_area_counts(
        session,
        scope=scope,
        policy=policy,
        territory=territory,
        month_from=period_from,
        month_to=period_to,
        settings=settings,
    )
    for row in rows:
        for key in ("referrals", "evaluations", "surveys", "total"):
            if key in row:
                row[key] = row[key].as_dict()
    return {
        **await envelope(session, scope, policy),
        "territory": None
        if scope.is_institution
        else (territory if territory is not None else scope.territory),
        "period_from": period_from,
        "period_to": period_to,
        "exact": scope.is_institution,
        "institution_threshold": counting.institution_policy(settings).threshold,
        "items": rows,
    }
