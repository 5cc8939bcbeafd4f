"""The results report: generated for a territory and period (HTML or PDF), frozen into an edition
version and rendered from what was frozen."""

from __future__ import annotations

import uuid
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response, status
from fastapi import Path as Path_

from splot.common.api import READ_RESPONSES, WRITE_RESPONSES, settings_of
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.files import DOWNLOAD_HEADERS
from splot.reporting.config import ReportingSettings
from splot.reporting.report import service
from splot.reporting.report.html import CSP, render_html
from splot.reporting.report.model import Report
from splot.reporting.report.pdf import render_pdf
from splot.reporting.report.schemas import FrozenReportRead, ReportFormat, ReportFreeze
from splot.reporting.routes.common import CurrentPolicy, ReportScope
from splot.reporting.scopes import require_analyst

router = APIRouter(prefix="/v1", tags=["results report"])

HTML_MEDIA = "text/html; charset=utf-8"
PDF_MEDIA = "application/pdf"
REPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "The report: an HTML document (inline, strict Content-Security-Policy) or a PDF attachment",
        "content": {
            "text/html": {"schema": {"type": "string"}},
            PDF_MEDIA: {"schema": {"type": "string", "format": "binary"}},
        },
    },
    **READ_RESPONSES,
}
Settings = Annotated[ReportingSettings, Depends(settings_of(ReportingSettings))]
MONTH = r"^(19|20)\d{2}-(0[1-9]|1[0-2])$"


def _render(report: Report, fmt: ReportFormat, filename: str, *, frozen: str | None = None) -> Response:
    if fmt is ReportFormat.pdf:
        return Response(
            content=render_pdf(report, frozen=frozen),
            media_type=PDF_MEDIA,
            headers={**DOWNLOAD_HEADERS, "Content-Disposition": f'attachment; filename="{filename}.pdf"'},
        )
    return Response(
        content=render_html(report, frozen=frozen).encode("utf-8"),
        media_type=HTML_MEDIA,
        headers={
            "Content-Security-Policy": CSP,
            "X-Content-Type-Options": "nosniff",
            "Cache-Control": "private, no-store",
            "Content-Disposition": f'inline; filename="{filename}.html"',
        },
    )


def _filename(report: Report) -> str:
    return f"splot-raport-{report.territory or 'PL'}-{report.period_from}-{report.period_to}"


@router.get("/results-report", responses=REPORT_RESPONSES, response_class=Response)
async def results_report(
    session: SessionDep,
    principal: CurrentPrincipal,
    policy: CurrentPolicy,
    settings: Settings,
    period_from: Annotated[str, Query(alias="from", pattern=MONTH, description="First month, YYYY-MM")],
    period_to: Annotated[str, Query(alias="to", pattern=MONTH, description="Last month, YYYY-MM")],
    territory: Annotated[
        str, Query(pattern=r"^(\d{2}|\d{4})?$", description='"" national, 2 digits a voivodeship, 4 a powiat')
    ] = "",
    format: ReportFormat = ReportFormat.html,
    practice: Annotated[
        list[uuid.UUID] | None, Query(max_length=20, description="Published good practices to show")
    ] = None,
    round_: Annotated[
        list[uuid.UUID] | None,
        Query(alias="round", max_length=10, description="Survey rounds to show (default: all in the period)"),
    ] = None,
    title: Annotated[
        str | None,
        Query(min_length=1, max_length=200, pattern=r"^[^\x00-\x1f\x7f]*$", description="One line"),
    ] = None,
) -> Response:
    """The results report of a territory within your scope (analysts) for a range of months: key
    indicators with charts and the map, survey results, problem areas, chosen good practices and
    methodology notes. `format=html` is a self-contained document served with a strict
    Content-Security-Policy; `format=pdf` an attachment with a file name."""
    scope = require_analyst(principal)
    report = await service.adhoc(
        session,
        scope=scope,
        policy=policy,
        territory=territory,
        period_from=period_from,
        period_to=period_to,
        title=title,
        rounds=round_ or [],
        practices=practice or [],
        settings=settings,
    )
    return _render(report, format, _filename(report))


def _frozen_read(row: Any, report: Report) -> dict[str, Any]:
    return {
        "edition_id": row.edition_id,
        "version": row.version,
        "frozen_at": row.frozen_at,
        "title": report.title,
        "territory": report.territory,
        "period_from": report.period_from,
        "period_to": report.period_to,
    }


@router.post(
    "/editions/{edition_id}/report",
    response_model=FrozenReportRead,
    status_code=status.HTTP_201_CREATED,
    responses=WRITE_RESPONSES,
)
async def freeze_report(
    session: SessionDep,
    principal: CurrentPrincipal,
    policy: CurrentPolicy,
    settings: Settings,
    edition_id: uuid.UUID,
    data: ReportFreeze,
    response: Response,
) -> dict[str, Any]:
    """Freeze the results report of the edition's territory and period into its current version
    (analysts whose scope covers the edition; once per version, 409 `report_exists` after)."""
    scope = require_analyst(principal)
    row, report = await service.freeze(
        session,
        edition_id=edition_id,
        scope=scope,
        subject=principal.subject,
        policy=policy,
        title=data.title,
        rounds=data.rounds,
        practices=data.practices,
        settings=settings,
    )
    response.headers["Location"] = f"versions/{row.version}/report"
    return _frozen_read(row, report)


@router.get(
    "/editions/{edition_id}/versions/{version}/report", responses=REPORT_RESPONSES, response_class=Response
)
async def frozen_report(
    session: SessionDep,
    _: ReportScope,
    edition_id: uuid.UUID,
    version: Annotated[int, Path_(ge=1, le=1_000_000)],
    format: ReportFormat = ReportFormat.html,
) -> Response:
    """The report frozen in one version of an edition, exactly as it was frozen (readers of the
    edition); 404 when that version has none."""
    row, report = await service.frozen(session, edition_id=edition_id, version=version)
    note = f"Zamrożony w wydaniu, wersja {row.version} ({row.frozen_at:%Y-%m-%d %H:%M} UTC)"
    return _render(report, format, f"{_filename(report)}-v{row.version}", frozen=note)
