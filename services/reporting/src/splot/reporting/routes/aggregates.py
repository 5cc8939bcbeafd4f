"""Catalogue, status, generic aggregates and series, and the named indicators of flows,
timeliness, closed loop, responses and outcomes."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from splot.common.api import LIST_RESPONSES
from splot.common.db import SessionDep
from splot.reporting import indicators, programmes, schemas
from splot.reporting.catalogue import DIMENSIONS, MEASURES, MeasureName
from splot.reporting.query import (
    AggregateQuery,
    breakdown,
)
from splot.reporting.routes.common import (
    CurrentPolicy,
    Dimensions,
    ReportScope,
    SliceDep,
    aggregate_answer,
    json_answer,
    names_of,
)

router = APIRouter(prefix="/v1")


@router.get("/catalogue", response_model=schemas.CatalogueRead, tags=["catalogue"], responses=LIST_RESPONSES)
async def catalogue(session: SessionDep, _: ReportScope, policy: CurrentPolicy) -> dict[str, Any]:
    """Published measures and dimensions with their definitions (stable field names); the
    ``programme`` dimension with the names of the directory's programmes."""
    named = {"programme": await programmes.labels(session)}
    return {
        "measures": [
            {
                "name": m.name,
                "kind": m.kind,
                "definition": m.definition,
                "formula": m.formula,
                "numerator": list(m.numerator),
                "denominator": list(m.denominator),
            }
            for m in MEASURES.values()
        ],
        "dimensions": [
            {
                "name": d.name,
                "definition": d.definition,
                "values": list(d.values) if d.values else None,
                "pattern": d.pattern,
                "labels": named.get(d.name),
            }
            for d in DIMENSIONS.values()
        ],
        "granularities": list(schemas.Granularity),
        "suppression": policy.describe(),
    }


@router.get("/status", response_model=schemas.StatusRead, tags=["catalogue"], responses=LIST_RESPONSES)
async def ingestion_status(session: SessionDep, _: ReportScope) -> dict[str, Any]:
    """How current the data is: cursor, head and last successful poll per source."""
    return {"as_of": await indicators.as_of(session)}


@router.get("/aggregate", response_model=schemas.AggregateRead, tags=["aggregates"], responses=LIST_RESPONSES)
async def generic_aggregate(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
    dimensions: Dimensions = None,
) -> Response:
    """Any published measures by any published dimensions, per period, in your scope. Without
    dimensions, every period of the asked range has a row: values of a period outside the data
    (before the first referral, or in the future) are null, never 0."""
    body = await aggregate_answer(session, scope, policy, names_of(measures), names_of(dimensions), params)
    return json_answer(body, {"Content-Disposition": 'inline; filename="splot-aggregate.json"'})


@router.get("/series", response_model=schemas.SeriesRead, tags=["aggregates"], responses=LIST_RESPONSES)
async def series(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
) -> Response:
    """A time series of measures: one point per period of the range (of the granularity); a
    period outside the data (before the first referral, or in the future) has null values, a gap
    rather than a zero."""
    body = await aggregate_answer(session, scope, policy, names_of(measures), [], params)
    points = [{"period": r["period"], "values": r["values"]} for r in body.pop("rows")]
    body.pop("dimensions")
    return json_answer(
        {**body, "points": points}, {"Content-Disposition": 'inline; filename="splot-series.json"'}
    )


def _named(path: str, measures: tuple[str, ...], default_dimensions: tuple[str, ...], doc: str) -> None:
    async def endpoint(
        session: SessionDep,
        scope: ReportScope,
        policy: CurrentPolicy,
        params: SliceDep,
        dimensions: Dimensions = None,
    ) -> Response:
        dims = names_of(dimensions) or list(default_dimensions)
        return json_answer(await aggregate_answer(session, scope, policy, list(measures), dims, params))

    endpoint.__doc__ = doc
    name = path.strip("/").replace("/", "_").replace("-", "_")
    router.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        response_model=schemas.AggregateRead,
        tags=["indicators"],
        responses=LIST_RESPONSES,
        name=name,
        summary=doc.rstrip("."),
    )


_named(
    "/indicators/flows",
    ("referrals", "open", "completed", "failed", "cancelled", "rejected", "forwarded", "forwarded_share"),
    (),
    "Referrals by route, status, service type, territory and period.",
)
_named(
    "/indicators/timeliness",
    (
        "median_response_days",
        "p90_response_days",
        "median_start_days",
        "p90_start_days",
        "median_completion_days",
        "p90_completion_days",
        "sla_met",
        "sla_missed",
        "sla_compliance",
        "overdue",
    ),
    (),
    "Median and 90th-percentile working days to response, start and completion; SLA compliance.",
)
_named(
    "/indicators/closed-loop",
    ("ended", "closed_loop", "closed_loop_rate", "acknowledged", "acknowledgement_rate", "completion_rate"),
    (),
    "Closed-loop rate: ended referrals with an outcome reported back.",
)


@router.get(
    "/indicators/responses",
    response_model=schemas.ResponsesRead,
    tags=["indicators"],
    responses=LIST_RESPONSES,
)
async def responses_indicator(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    dimensions: Dimensions = None,
) -> Response:
    """Acceptance and rejection rates, with reasons split by who declined."""
    dims = names_of(dimensions)
    measures = [
        "responded",
        "accepted",
        "rejected",
        "rejected_by_client",
        "rejected_by_provider",
        "acceptance_rate",
        "rejection_rate",
        "client_declined_share",
    ]
    body = await aggregate_answer(session, scope, policy, measures, dims, params)
    query = AggregateQuery(
        measures=["referrals"],
        dimensions=dims,
        granularity=params.granularity,
        period_from=params.period_from,
        period_to=params.period_to,
        filters=params.filters,
    )
    reasons = await breakdown(
        session,
        family="reason",
        by=["status", "reason_code", "declined_by"],
        query=query,
        scope=scope,
        policy=policy,
    )
    body["reasons"] = [
        {"period": p, "dimensions": d, "codes": c, "count": cell.as_dict()} for p, d, c, cell in reasons
    ]
    return json_answer(body)


@router.get(
    "/indicators/outcomes", response_model=schemas.OutcomesRead, tags=["indicators"], responses=LIST_RESPONSES
)
async def outcomes_indicator(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    dimensions: Dimensions = None,
) -> Response:
    """Outcome rates (employment etc.) and follow-up at +3 and +6 months."""
    dims = names_of(dimensions)
    measures = [
        "completed",
        "employment_outcome",
        "employment_rate",
        "followup_3m_answered",
        "followup_3m_employed",
        "followup_3m_response_rate",
        "followup_3m_employment_rate",
        "followup_6m_answered",
        "followup_6m_employed",
        "followup_6m_response_rate",
        "followup_6m_employment_rate",
    ]
    body = await aggregate_answer(session, scope, policy, measures, dims, params)
    query = AggregateQuery(
        measures=["referrals"],
        dimensions=dims,
        granularity=params.granularity,
        period_from=params.period_from,
        period_to=params.period_to,
        filters=params.filters,
    )
    codes = await breakdown(
        session, family="outcome", by=["outcome_code"], query=query, scope=scope, policy=policy
    )
    body["outcome_codes"] = [
        {"period": p, "dimensions": d, "codes": c, "count": cell.as_dict()} for p, d, c, cell in codes
    ]
    return json_answer(body)
