"""Exports of aggregates, and the published editions with their versions and downloads."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Query, Response, status
from fastapi import Path as Path_

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.reporting import editions, exports, schemas, sdmx
from splot.reporting.catalogue import MeasureName
from splot.reporting.models import Edition
from splot.reporting.periods import PERIOD_LABEL
from splot.reporting.report import service as report_service
from splot.reporting.routes.common import (
    AGGREGATE_EXPORT_RESPONSES,
    EXPORT_RESPONSES,
    CurrentPolicy,
    Dimensions,
    ReportScope,
    SliceDep,
    aggregate_answer,
    download,
    names_of,
    render_tables,
)
from splot.reporting.scopes import require_analyst

router = APIRouter(prefix="/v1")


@router.get(
    "/exports/aggregate", tags=["exports"], responses=AGGREGATE_EXPORT_RESPONSES, response_class=Response
)
async def export_aggregate(
    session: SessionDep,
    scope: ReportScope,
    policy: CurrentPolicy,
    params: SliceDep,
    measures: Annotated[
        list[MeasureName], Query(min_length=1, max_length=40, description="Measures to compute")
    ],
    dimensions: Dimensions = None,
    format: schemas.AggregateExportFormat = schemas.AggregateExportFormat.csv,
) -> Response:
    """The generic aggregate as CSV, XLSX (with a metadata sheet) or SDMX-CSV 2.0.0 (described by
    `GET /v1/sdmx/structure`); suppression applied in each. A plain GET with query parameters
    only, answered as an attachment with a file name: a stable URL for spreadsheets and BI tools."""
    body = await aggregate_answer(session, scope, policy, names_of(measures), names_of(dimensions), params)
    if format is schemas.AggregateExportFormat.sdmx_csv:
        return download(sdmx.to_csv(body), format.value, "splot-aggregate-sdmx")
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
    return download(render_tables([table], format.value, metadata), format.value, "splot-aggregate")


# --- editions ------------------------------------------------------------------------------------


def _edition_read(edition: Edition, reports: set[int] | None = None) -> dict[str, Any]:
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
            {
                "version": v.version,
                "change_note": v.change_note,
                "published_at": v.published_at,
                "has_report": v.version in (reports or set()),
            }
            for v in edition.versions
        ],
    }


@router.get("/editions", response_model=schemas.EditionPage, tags=["editions"], responses=LIST_RESPONSES)
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
    reports = await report_service.report_versions(session, [e.id for e in items])
    return {"items": [_edition_read(e, reports.get(e.id)) for e in items], "next_cursor": next_cursor}


@router.post(
    "/editions",
    response_model=schemas.EditionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["editions"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
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
    response.headers["Location"] = f"editions/{edition.id}"
    return _edition_read(edition)


@router.get(
    "/editions/{edition_id}",
    response_model=schemas.EditionRead,
    tags=["editions"],
    responses={**READ_RESPONSES, **etag_on(200)},
)
async def get_edition(
    session: SessionDep, _: ReportScope, edition_id: uuid.UUID, response: Response
) -> dict[str, Any]:
    """One edition and its versions."""
    edition = await editions.get(session, edition_id=edition_id)
    set_etag(response, edition.id, edition.current_version)
    reports = await report_service.report_versions(session, [edition.id])
    return _edition_read(edition, reports.get(edition.id))


@router.post(
    "/editions/{edition_id}/versions",
    response_model=schemas.EditionRead,
    status_code=status.HTTP_201_CREATED,
    tags=["editions"],
    responses=WRITE_RESPONSES,
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
    response.headers["Location"] = f"versions/{edition.current_version}"
    reports = await report_service.report_versions(session, [edition.id])
    return _edition_read(edition, reports.get(edition.id))


@router.get(
    "/editions/{edition_id}/versions/{version}",
    response_model=schemas.EditionVersionRead,
    tags=["editions"],
    responses=READ_RESPONSES,
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
    return download(render_tables(content["tables"], format.value, metadata), format.value, filename)
