"""What the reporting routes share: the caller's scope and suppression policy, the slice of
the data a query asks for (periods and filters), the aggregate envelope and the downloads."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Query, Response

from splot.common.api import READ_RESPONSES, settings_of
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.reporting import exports, indicators, schemas, sdmx
from splot.reporting.catalogue import DIMENSIONS, DimensionName
from splot.reporting.config import ReportingSettings
from splot.reporting.periods import PERIOD_LABEL
from splot.reporting.query import (
    AggregateQuery,
    aggregate,
    sensitive_service_types,
)
from splot.reporting.scopes import Scope, resolve_scope
from splot.reporting.suppression import Policy

EXPORT_MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "sdmx-csv": sdmx.DATA_MEDIA_TYPE,
}
#: The file name's extension of each format (SDMX-CSV is a CSV file).
EXPORT_EXTENSIONS = {"csv": "csv", "xlsx": "xlsx", "sdmx-csv": "csv"}
EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The export (CSV or XLSX)",
        "content": {
            EXPORT_MEDIA["csv"]: {"schema": {"type": "string"}},
            EXPORT_MEDIA["xlsx"]: {"schema": {"type": "string", "format": "binary"}},
        },
    },
    **READ_RESPONSES,
}
AGGREGATE_EXPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **EXPORT_RESPONSES,
    200: {
        "description": "The export (CSV, XLSX or SDMX-CSV 2.0.0), as an attachment with a file name",
        "content": {
            **EXPORT_RESPONSES[200]["content"],
            EXPORT_MEDIA["sdmx-csv"]: {"schema": {"type": "string"}},
        },
    },
}


async def current_scope(principal: CurrentPrincipal) -> Scope:
    return resolve_scope(principal)


async def current_policy(
    session: SessionDep, settings: Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))]
) -> Policy:
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


def filter_param(name: str) -> Any:
    return Query(pattern=_pattern(name), max_length=48, description=f"Only {name} equal to this")


async def slice_params(
    granularity: schemas.Granularity = schemas.Granularity.month,
    period_from: Annotated[
        str | None, Query(pattern=PERIOD_LABEL, description="First period (of the granularity)")
    ] = None,
    period_to: Annotated[
        str | None, Query(pattern=PERIOD_LABEL, description="Last period (of the granularity)")
    ] = None,
    sender_voivodeship: Annotated[str | None, filter_param("sender_voivodeship")] = None,
    sender_powiat: Annotated[str | None, filter_param("sender_powiat")] = None,
    target_voivodeship: Annotated[str | None, filter_param("target_voivodeship")] = None,
    target_powiat: Annotated[str | None, filter_param("target_powiat")] = None,
    sender_type: Annotated[str | None, filter_param("sender_type")] = None,
    target_type: Annotated[str | None, filter_param("target_type")] = None,
    route: Annotated[str | None, filter_param("route")] = None,
    service_type: Annotated[str | None, filter_param("service_type")] = None,
    priority: Annotated[str | None, filter_param("priority")] = None,
    status: Annotated[str | None, filter_param("status")] = None,
    age_band: Annotated[str | None, filter_param("age_band")] = None,
    sex: Annotated[str | None, filter_param("sex")] = None,
    programme: Annotated[str | None, filter_param("programme")] = None,
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
        "programme": programme,
    }
    return Slice(granularity.value, period_from, period_to, {k: v for k, v in given.items() if v is not None})


SliceDep = Annotated[Slice, Depends(slice_params)]
Dimensions = Annotated[
    list[DimensionName] | None, Query(max_length=4, description="Group by these (at most 4)")
]


async def envelope(session: SessionDep, scope: Scope, policy: Policy) -> dict[str, Any]:
    return {
        "as_of": await indicators.as_of(session),
        "scope": scope.describe(),
        "suppression": policy.describe(),
    }


def rows_of(result: Any) -> list[dict[str, Any]]:
    cells: dict[Any, dict[str, object]] = {}  # one dict per distinct published cell, shared

    def cell(value: Any) -> dict[str, object]:
        key = (type(value.value), value.value, value.suppressed)  # 1 and 1.0 stay apart
        out = cells.get(key)
        if out is None:
            out = cells[key] = value.as_dict()
        return out

    return [
        {"period": r.period, "dimensions": r.dimensions, "values": {k: cell(v) for k, v in r.values.items()}}
        for r in result.rows
    ]


_ENVELOPE = ("as_of", "scope", "suppression")


def json_answer(body: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    """An aggregate answer as a prepared JSON response. The rows are plain JSON values built by
    :func:`rows_of` (validating thousands of cells through pydantic cost more than the query):
    only the envelope (dates, ids) goes through its model; the route still declares its
    ``response_model`` for the contract, and tests check that the two agree."""
    envelope = schemas.Envelope.model_validate({k: body[k] for k in _ENVELOPE}).model_dump(mode="json")
    content = json.dumps({**body, **envelope}, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(content=content.encode("utf-8"), media_type="application/json", headers=headers)


async def aggregate_answer(
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
        **await envelope(session, scope, policy),
        "granularity": params.granularity,
        "measures": measures,
        "dimensions": dimensions,
        "filters": params.filters,
        "rows": rows_of(result),
    }


def names_of(values: list[Any] | None) -> list[str]:
    return [v.value if hasattr(v, "value") else str(v) for v in values or []]


def download(content: bytes | str, fmt: str, filename: str) -> Response:
    return Response(
        content=content if isinstance(content, bytes) else content.encode("utf-8"),
        media_type=EXPORT_MEDIA[fmt],
        headers={"Content-Disposition": f'attachment; filename="{filename}.{EXPORT_EXTENSIONS[fmt]}"'},
    )


def render_tables(tables: list[dict[str, Any]], fmt: str, metadata: list[tuple[str, Any]]) -> bytes | str:
    return exports.to_csv(tables, metadata) if fmt == "csv" else exports.to_xlsx(tables, metadata)
