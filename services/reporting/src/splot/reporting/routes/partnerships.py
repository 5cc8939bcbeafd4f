"""A partnership's measured values (issue #15): its parties' joint referral flows, exact for the
parties themselves and protected for analysts (rules in :mod:`splot.reporting.partnerships` and
:mod:`splot.reporting.partnership_measures`)."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from splot.common.api import READ_RESPONSES, settings_of
from splot.common.db import SessionDep
from splot.reporting import partnership_measures, partnerships, schemas
from splot.reporting.config import ReportingSettings
from splot.reporting.facts import Calendar
from splot.reporting.indicators import period_end
from splot.reporting.periods import month_range, parse_period
from splot.reporting.routes.common import CurrentPolicy, ReportScope, envelope

router = APIRouter(prefix="/v1")

MONTH = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"
MonthFrom = Annotated[str, Query(alias="from", pattern=MONTH, description="First month (YYYY-MM)")]
MonthTo = Annotated[str, Query(alias="to", pattern=MONTH, description="Last month (YYYY-MM)")]


@router.get(
    "/partnerships/{partnership_id}/measures",
    response_model=schemas.PartnershipMeasuresRead,
    tags=["partnerships"],
    responses=READ_RESPONSES,
)
async def partnership_measures_read(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    settings: Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))],
    partnership_id: uuid.UUID,
    period_from: MonthFrom,
    period_to: MonthTo,
) -> dict[str, Any]:
    """The joint referral flows of a partnership's parties in the months and one value per
    indicator a target may use: exact for a current party, suppressed and rounded for an
    analyst whose territory covers the partnership's area; 404 for anyone else."""
    months = month_range("month", period_from, period_to)
    calendar = Calendar.named(settings.timezone)
    today = datetime.now(calendar.zone).date()
    partnership, members, exact = await partnerships.viewer_of(
        session, partnership_id=partnership_id, scope=scope, today=today
    )
    body = await partnership_measures.measures(
        session,
        members=members,
        months=months,
        period_end=period_end(parse_period(period_to, "month")),
        calendar=calendar,
        publish=partnership_measures.Publish(policy, exact),
    )
    return {
        **await envelope(session, scope, policy),
        "partnership_id": partnership.id,
        "status": await partnerships.status_on(session, partnership, today),
        "period_from": period_from,
        "period_to": period_to,
        "exact": exact,
        "flows": [
            {**row, "values": {k: v.as_dict() for k, v in row["values"].items()}} for row in body["flows"]
        ],
        "indicators": {k: v.as_dict() for k, v in body["indicators"].items()},
    }
