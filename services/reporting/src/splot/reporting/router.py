"""HTTP layer of the reporting service: aggregates, named indicators, exports, editions."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response, status
from fastapi import Path as Path_

from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.errors import LIST_ERRORS, READ_ERRORS, WRITE_ERRORS, Problem, not_found, problem_responses
from splot.common.etag import IfMatch, set_etag
from splot.reporting import editions, exports, indicators, schemas
from splot.reporting.catalogue import DIMENSIONS, MEASURES, DimensionName, MeasureName
from splot.reporting.config import ReportingSettings
from splot.reporting.models import Edition, InstitutionDim
from splot.reporting.query import (
    PERIOD_LABEL,
    AggregateQuery,
    aggregate,
    breakdown,
    parse_period,
    sensitive_service_types,
)
from splot.reporting.scopes import Scope, require_analyst, resolve_scope
from splot.reporting.suppression import Policy

router = APIRouter(prefix="/v1")

LIST = problem_responses(*LIST_ERRORS)
ONE = problem_responses(*READ_ERRORS)
WRITE = problem_responses(*WRITE_ERRORS)
EXPORT_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The export (CSV or XLSX)",
        "content": {
            EXPORT_MEDIA["csv"]: {"schema": {"type": "string"}},
            EXPORT_MEDIA["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
        },
    },
    **problem_responses(*READ_ERRORS),
}


async def current_scope(principal: CurrentPrincipal) -> Scope:
    return resolve_scope(principal)


async def current_policy(request: Request, session: SessionDep) -> Policy:
    settings: ReportingSettings = request.app.state.settings
    return Policy(
        threshold=settings.suppression_threshold,
        sensitive_threshold=settings.sensitive_suppression_threshold,
        rounding_base=settings.rounding_base,
        sensitive_codes=await sensitive_service_types(session, settings.fallback_sensitive_service_types),
    )


ReportScope = Annotated[Scope, Depends(current_scope)]
CurrentPolicy = Annotated[Policy, Depends(current_policy)]
PeriodParam = Annotated[str, Query(pattern=PERIOD_LABEL, description="YYYY-MM, YYYY-Qn or YYYY")]


def _pattern(name: str) -> str:
    dim = DIMENSIONS[name]
    if dim.values is not None:
        return "^(" + "|".join(re.escape(v) for v in dim.values) + ")$"
    return dim.pattern or ".*"


@dataclass
class Slice:
    granularity: str
    period_from: str | None
    period_to: str | None
    filters: dict[str, str]


def _filter(name: str) -> Any:
    return Query(pattern=_pattern(name), max_length=48, description=f"Only {name} equal to this")


async def slice_params(
    granularity: schemas.Granularity = schemas.Granularity.month,
    period_from: Annotated[
        str | None, Query(pattern=PERIOD_LABEL, description="First period (of the granularity)")
    ] = None,
    period_to: Annotated[
        str | None, Query(pattern=PERIOD_LABEL, description="Last period (of the granularity)")
    ] = None,
    sender_voivodeship: Annotated[str | None, _filter("sender_voivodeship")] = None,
    sender_powiat: Annotated[str | None, _filter("sender_powiat")] = None,
    target_voivodeship: Annotated[str | None, _filter("target_voivodeship")] = None,
    target_powiat: Annotated[str | None, _filter("target_powiat")] = None,
    sender_type: Annotated[str | None, _filter("sender_type")] = None,
    target_type: Annotated[str | None, _filter("target_type")] = None,
    route: Annotated[str | None, _filter("route")] = None,
    service_type: Annotated[str | None, _filter("service_type")] = None,
    priority: Annotated[str | None, _filter("priority")] = None,
    status: Annotated[str | None, _filter("status")] = None,
    age_band: Annotated[str | None, _filter("age_band")] = None,
    sex: Annotated[str | None, _filter("sex")] = None,
) -> Slice:
    given = {
        "sender_voivodeship": sender_voivodeship,
        "sender_powiat": sender_powiat,
        "target_voivodeship": target_voivodeship,
        "target_powiat": target_powiat,
        "sender_type": sender_type,
        "target_type": target_type,
        "route": route,
        "service_type": service_type,
        "priority": priority,
        "status": status,
        "age_band": age_band,
        "sex": sex,
    }
    return Slice(granularity.value, period_from, period_to, {k: v for k, v in given.items() if v is not None})


SliceDep = Annotated[Slice, Depends(slice_params)]
Dimensions = Annotated[
    list[DimensionName] | None, Query(max_length=4, description="Group by these (at most 4)")
]


async def _envelope(session: SessionDep, scope: Scope, policy: Policy) -> dict[str, Any]:
    return {
        "as_of": await indicators.as_of(session),
        "scope": scope.describe(),
        "suppression": policy.describe(),
    }


def _rows(result: Any) -> list[dict[str, Any]]:
    return [
        {
            "period": r.period,
            "dimensions": r.dimensions,
            "values": {k: v.as_dict() for k, v in r.values.items()},
        }
        for r in result.rows
    ]


async def _aggregate(
    session: SessionDep,
    scope: Scope,
    policy: Policy,
    measures: list[str],
    dimensions: list[str],
    params: Slice,
) -> dict[str, Any]:
    query = AggregateQuery(
        measures=measures,
        dimensions=dimensions,
        granularity=params.granularity,
        period_from=params.period_from,
        period_to=params.period_to,
        filters=params.filters,
    )
    result = await aggregate(session, query=query, scope=scope, policy=policy)
    return {
        **await _envelope(session, scope, policy),
        "granularity": params.granularity,
        "measures": measures,
        "dimensions": dimensions,
        "filters": params.filters,
        "rows": _rows(result),
    }


def _names(values: list[Any] | None) -> list[str]:
    return [v.value if hasattr(v, "value") else str(v) for v in values or []]


@router.get("/catalogue", response_model=schemas.CatalogueRead, tags=["catalogue"], responses=LIST)
async def catalogue(_: ReportScope, policy: CurrentPolicy) -> dict[str, Any]:
    """Published measures and dimensions with their definitions (stable field names)."""
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
            }
            for d in DIMENSIONS.values()
        ],
        "granularities": list(schemas.Granularity),
        "suppression": policy.describe(),
    }


@router.get("/status", response_model=schemas.StatusRead, tags=["catalogue"], responses=LIST)
async def ingestion_status(session: SessionDep, _: ReportScope) -> dict[str, Any]:
    """How current the data is: cursor, head and last successful poll per source."""
    return {"as_of": await indicators.as_of(session)}


@router.get("/aggregate", response_model=schemas.AggregateRead, tags=["aggregates"], responses=LIST)
async def generic_aggregate(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
    dimensions: Dimensions = None,
) -> dict[str, Any]:
    """Any published measures by any published dimensions, per period, in your scope."""
    return await _aggregate(session, scope, policy, _names(measures), _names(dimensions), params)


@router.get("/series", response_model=schemas.SeriesRead, tags=["aggregates"], responses=LIST)
async def series(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
) -> dict[str, Any]:
    """A time series of measures (one point per period of the granularity)."""
    body = await _aggregate(session, scope, policy, _names(measures), [], params)
    points = [{"period": r["period"], "values": r["values"]} for r in body.pop("rows")]
    body.pop("dimensions")
    return {**body, "points": points}


def _named(path: str, measures: tuple[str, ...], default_dimensions: tuple[str, ...], doc: str) -> None:
    async def endpoint(
        session: SessionDep,
        scope: ReportScope,
        policy: CurrentPolicy,
        params: SliceDep,
        dimensions: Dimensions = None,
    ) -> dict[str, Any]:
        dims = _names(dimensions) or list(default_dimensions)
        return await _aggregate(session, scope, policy, list(measures), dims, params)

    endpoint.__doc__ = doc
    name = path.strip("/").replace("/", "_").replace("-", "_")
    router.add_api_route(
        path,
        endpoint,
        methods=["GET"],
        response_model=schemas.AggregateRead,
        tags=["indicators"],
        responses=LIST,
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
    "/indicators/responses", response_model=schemas.ResponsesRead, tags=["indicators"], responses=LIST
)
async def responses_indicator(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    dimensions: Dimensions = None,
) -> dict[str, Any]:
    """Acceptance and rejection rates, with reasons split by who declined."""
    dims = _names(dimensions)
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
    body = await _aggregate(session, scope, policy, measures, dims, params)
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
    return body


@router.get("/indicators/outcomes", response_model=schemas.OutcomesRead, tags=["indicators"], responses=LIST)
async def outcomes_indicator(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    dimensions: Dimensions = None,
) -> dict[str, Any]:
    """Outcome rates (employment etc.) and follow-up at +3 and +6 months."""
    dims = _names(dimensions)
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
    body = await _aggregate(session, scope, policy, measures, dims, params)
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
    return body


@router.get(
    "/indicators/shared-clients",
    response_model=schemas.SharedClientsRead,
    tags=["indicators"],
    responses=LIST,
)
async def shared_clients(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    level: schemas.TerritoryLevel = schemas.TerritoryLevel.powiat,
) -> dict[str, Any]:
    """Persons served by PUP+OPS, PUP+NGO, OPS+NGO and all three, by territory of residence."""
    parsed = parse_period(period)
    rows = await indicators.shared_clients(
        session, period=parsed, level=level.value, scope=scope, policy=policy
    )
    return {
        **await _envelope(session, scope, policy),
        "period": parsed.label,
        "level": level.value,
        "rows": [{**r, "values": {k: v.as_dict() for k, v in r["values"].items()}} for r in rows],
    }


@router.get(
    "/indicators/cooperation-index",
    response_model=schemas.CooperationRead,
    tags=["indicators"],
    responses=LIST,
)
async def cooperation_index(
    session: SessionDep, scope: ReportScope, policy: CurrentPolicy, period: PeriodParam
) -> dict[str, Any]:
    """Cooperation index per powiat and its components."""
    parsed = parse_period(period)
    rows = await indicators.cooperation_index(session, period=parsed, scope=scope, policy=policy)
    return {
        **await _envelope(session, scope, policy),
        "period": parsed.label,
        "rows": [{k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in r.items()} for r in rows],
    }


@router.get("/indicators/network", response_model=schemas.NetworkRead, tags=["indicators"], responses=LIST)
async def cooperation_network(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    service_type: Annotated[str | None, _filter("service_type")] = None,
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> dict[str, Any]:
    """The cooperation network: institutions as nodes, referral flows as weighted edges."""
    graph = await indicators.network(
        session,
        period=parse_period(period),
        scope=scope,
        policy=policy,
        service_type=service_type,
        limit=limit,
    )
    graph["edges"] = [
        {k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in e.items()} for e in graph["edges"]
    ]
    return {**await _envelope(session, scope, policy), **graph}


@router.get("/indicators/partners", response_model=schemas.PartnersRead, tags=["indicators"], responses=ONE)
async def partner_flows(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    period: PeriodParam,
    institution_id: Annotated[
        uuid.UUID | None, Query(description="Analysts: an institution in your territory")
    ] = None,
) -> dict[str, Any]:
    """Your institution's flows with each partner and the partners' aggregated flows."""
    if scope.is_institution:
        if institution_id is not None and institution_id != scope.institution_id:
            raise not_found("institution")
        target = scope.institution_id
    else:
        if institution_id is None:
            raise Problem(422, "institution_required", "analysts name the institution (institution_id)")
        inst = await session.get(InstitutionDim, institution_id)
        if inst is None or not inst.powiat_code.startswith(scope.territory):
            raise not_found("institution")
        target = institution_id
    assert target is not None
    body = await indicators.partners(
        session, period=parse_period(period), institution_id=target, policy=policy
    )
    for row in body["partners"]:
        row["values"] = {k: v.as_dict() for k, v in row["values"].items()}
    return {**await _envelope(session, scope, policy), **body}


def _download(content: bytes | str, fmt: str, filename: str) -> Response:
    return Response(
        content=content if isinstance(content, bytes) else content.encode("utf-8"),
        media_type=EXPORT_MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}.{fmt}"'},
    )


def _render(tables: list[dict[str, Any]], fmt: str, metadata: list[tuple[str, Any]]) -> bytes | str:
    return exports.to_csv(tables, metadata) if fmt == "csv" else exports.to_xlsx(tables, metadata)


@router.get("/exports/aggregate", tags=["exports"], responses=EXPORT_RESPONSES, response_class=Response)
async def export_aggregate(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
    dimensions: Dimensions = None,
    format: schemas.ExportFormat = schemas.ExportFormat.csv,
) -> Response:
    """The generic aggregate as CSV or XLSX (suppression applied; XLSX with a metadata sheet)."""
    body = await _aggregate(session, scope, policy, _names(measures), _names(dimensions), params)
    table = {
        "name": "aggregate",
        "title": "Aggregate",
        "dimensions": body["dimensions"],
        "measures": body["measures"],
        "rows": body["rows"],
    }
    period = f"{params.period_from or '…'} – {params.period_to or '…'} ({params.granularity})"
    metadata = exports.metadata_rows(
        title="Splot: monitoring of cooperation",
        scope=body["scope"],
        period=period,
        as_of=body["as_of"],
        suppression=body["suppression"],
    )
    metadata.append(("filters", ", ".join(f"{k}={v}" for k, v in params.filters.items()) or "none"))
    return _download(_render([table], format.value, metadata), format.value, "splot-aggregate")


# --- editions ------------------------------------------------------------------------------------


def _edition_read(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.id,
        "period": edition.period,
        "granularity": edition.granularity,
        "territory": edition.scope_territory,
        "title": edition.title,
        "current_version": edition.current_version,
        "created_at": edition.created_at,
        "updated_at": edition.updated_at,
        "versions": [
            {"version": v.version, "change_note": v.change_note, "published_at": v.published_at}
            for v in edition.versions
        ],
    }


@router.get("/editions", response_model=schemas.EditionPage, tags=["editions"], responses=LIST)
async def list_editions(
    session: SessionDep,
    _: ReportScope,
    territory: Annotated[str | None, Query(pattern=r"^(\d{2}|\d{4})?$")] = None,
    period: Annotated[str | None, Query(pattern=PERIOD_LABEL)] = None,
    cursor: Annotated[
        str | None, Query(max_length=500, description="From the previous page's next_cursor")
    ] = None,
    limit: Annotated[int | None, Query(ge=1, le=200)] = None,
) -> dict[str, Any]:
    """Published editions, newest first."""
    items, next_cursor = await editions.list_editions(
        session, territory=territory, period=period, cursor=cursor, limit=limit
    )
    return {"items": [_edition_read(e) for e in items], "next_cursor": next_cursor}


@router.post(
    "/editions",
    response_model=schemas.EditionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["editions"],
    responses=WRITE,
)
async def publish_edition(
    session: SessionDep,
    principal: CurrentPrincipal,
    policy: CurrentPolicy,
    data: schemas.EditionCreate,
    response: Response,
) -> dict[str, Any]:
    """Publish a period for a territory in your scope (analysts): a frozen, versioned edition."""
    scope = require_analyst(principal)
    edition = await editions.publish(
        session,
        period=data.period,
        territory=data.territory,
        title=data.title,
        actor_scope=scope,
        actor_subject=principal.subject,
        policy=policy,
    )
    set_etag(response, edition.id, edition.current_version)
    response.headers["Location"] = f"v1/editions/{edition.id}"
    return _edition_read(edition)


@router.get("/editions/{edition_id}", response_model=schemas.EditionRead, tags=["editions"], responses=ONE)
async def get_edition(
    session: SessionDep, _: ReportScope, edition_id: uuid.UUID, response: Response
) -> dict[str, Any]:
    """One edition and its versions."""
    edition = await editions.get(session, edition_id=edition_id)
    set_etag(response, edition.id, edition.current_version)
    return _edition_read(edition)


@router.post(
    "/editions/{edition_id}/versions",
    response_model=schemas.EditionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["editions"],
    responses=WRITE,
)
async def correct_edition(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    policy: CurrentPolicy,
    edition_id: uuid.UUID,
    data: schemas.EditionCorrection,
    if_match: IfMatch = None,
    response: Response,
) -> dict[str, Any]:
    """Publish a correction: a new version computed from the current data, with a change note."""
    scope = require_analyst(principal)
    edition = await editions.correct(
        session,
        edition_id=edition_id,
        change_note=data.change_note,
        actor_scope=scope,
        actor_subject=principal.subject,
        policy=policy,
        if_match=if_match,
    )
    set_etag(response, edition.id, edition.current_version)
    return _edition_read(edition)


@router.get(
    "/editions/{edition_id}/versions/{version}",
    response_model=schemas.EditionVersionRead,
    tags=["editions"],
    responses=ONE,
)
async def get_edition_version(
    session: SessionDep,
    _: ReportScope,
    edition_id: uuid.UUID,
    version: Annotated[int, Path_(ge=1, le=1_000_000)],
) -> dict[str, Any]:
    """The frozen content of one version."""
    row = await editions.get_version(session, edition_id=edition_id, version=version)
    return {
        "edition_id": row.edition_id,
        "version": row.version,
        "change_note": row.change_note,
        "published_at": row.published_at,
        "content": row.content,
    }


@router.get(
    "/editions/{edition_id}/versions/{version}/export",
    tags=["editions"],
    responses=EXPORT_RESPONSES,
    response_class=Response,
)
async def export_edition_version(
    session: SessionDep,
    _: ReportScope,
    edition_id: uuid.UUID,
    version: Annotated[int, Path_(ge=1, le=1_000_000)],
    format: schemas.ExportFormat = schemas.ExportFormat.csv,
) -> Response:
    """Download one version of an edition as CSV or XLSX (with a metadata sheet)."""
    edition = await editions.get(session, edition_id=edition_id)
    row = await editions.get_version(session, edition_id=edition_id, version=version)
    content = row.content
    metadata = exports.metadata_rows(
        title=f"{edition.title} — version {row.version}",
        scope=content["scope"],
        period=content["period"],
        as_of=content["as_of"],
        suppression=content["suppression"],
    )
    metadata += [
        ("version", row.version),
        ("published_at", row.published_at.isoformat()),
        ("change_note", row.change_note or ""),
    ]
    filename = f"splot-edition-{edition.period}-{edition.scope_territory or 'PL'}-v{row.version}"
    return _download(_render(content["tables"], format.value, metadata), format.value, filename)
