"""The casework measures (issue #14): plans, goals, actions and reviews of the plans owned in the
caller's scope, exact for an institution's own plans and protected for everyone else (rules in
:mod:`splot.reporting.casework_measures`)."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter

from splot.common.api import READ_RESPONSES
from splot.common.db import SessionDep
from splot.reporting import casework_measures, schemas
from splot.reporting.indicators import period_end
from splot.reporting.partnership_measures import Publish
from splot.reporting.periods import month_range, parse_period
from splot.reporting.routes.common import CurrentPolicy, ReportScope, envelope
from splot.reporting.routes.partnerships import MonthFrom, MonthTo

router = APIRouter(prefix="/v1")


@router.get("/casework", response_model=schemas.CaseworkRead, tags=["casework"], responses=READ_RESPONSES)
async def casework_read(
    session: SessionDep, scope: ReportScope, policy: CurrentPolicy, period_from: MonthFrom, period_to: MonthTo
) -> dict[str, Any]:
    """Persons with a plan (by type) and with a joint plan, goals by problem area × assessment,
    actions delivered by another institution than the plan's owner, the median working days from
    diagnosis to a plan's first action and the share of plans reviewed on time, in the months."""
    months = month_range("month", period_from, period_to)
    assert months.first is not None
    window = casework_measures.Window(
        scope=scope, first=date(*months.first, 1), last=period_end(parse_period(period_to, "month"))
    )
    exact = scope.is_institution
    body = await casework_measures.measures(session, window, Publish(policy, exact))
    return {
        **await envelope(session, scope, policy),
        "period_from": period_from,
        "period_to": period_to,
        "exact": exact,
        **casework_measures.as_json(body),
    }
