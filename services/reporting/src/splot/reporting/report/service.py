"""The results report's use cases: an ad-hoc report for a territory and period, freezing one into
an edition version, and reading a frozen one back."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.errors import Problem, forbidden, not_found
from splot.reporting import editions
from splot.reporting.config import ReportingSettings
from splot.reporting.periods import parse_period
from splot.reporting.report.build import ReportRequest, build_report, parse_span
from splot.reporting.report.lattice import MonthSpan
from splot.reporting.report.model import Report
from splot.reporting.report.sections import PROVIDERS, validate_choices
from splot.reporting.report.tables import EditionReport
from splot.reporting.scopes import Scope
from splot.reporting.suppression import Policy


def _require_in_scope(scope: Scope, territory: str) -> None:
    if not scope.covers_territory(territory):
        raise Problem(403, "territory_out_of_scope", "the territory is outside your territorial scope")


async def adhoc(
    session: AsyncSession,
    *,
    scope: Scope,
    policy: Policy,
    territory: str,
    period_from: str,
    period_to: str,
    title: str | None,
    rounds: Sequence[uuid.UUID],
    practices: Sequence[uuid.UUID],
    settings: ReportingSettings | None = None,
) -> Report:
    """The report as the data stands now (analysts, for a territory within their scope)."""
    _require_in_scope(scope, territory)
    request = ReportRequest(
        territory=territory,
        span=parse_span(period_from, period_to),
        policy=policy,
        title=title,
        rounds=list(dict.fromkeys(rounds)),
        practices=list(dict.fromkeys(practices)),
        settings=settings,
    )
    await validate_choices(session, request)
    return await build_report(session, request, PROVIDERS)


async def freeze(
    session: AsyncSession,
    *,
    edition_id: uuid.UUID,
    scope: Scope,
    subject: str,
    policy: Policy,
    title: str | None,
    rounds: Sequence[uuid.UUID],
    practices: Sequence[uuid.UUID],
    settings: ReportingSettings | None = None,
) -> tuple[EditionReport, Report]:
    """Build the report of the edition's territory and period now and store its data model with
    the edition's current version (once per version: a correction makes room for a new one)."""
    edition = await editions.get(session, edition_id=edition_id)
    if not scope.covers_territory(edition.scope_territory):
        raise forbidden("you can freeze reports only in editions within your territorial scope")
    period = parse_period(edition.period)
    first, last = period.first_month, period.last_month
    span = parse_span(f"{first[0]:04d}-{first[1]:02d}", f"{last[0]:04d}-{last[1]:02d}")
    existing = await _row(session, edition_id, edition.current_version)
    if existing is not None:
        raise Problem(
            409,
            "report_exists",
            "this edition version already has a frozen report: publish a correction to freeze a new one",
        )
    request = ReportRequest(
        territory=edition.scope_territory,
        span=MonthSpan(span.first, span.last),
        policy=policy,
        title=title or edition.title,
        rounds=list(dict.fromkeys(rounds)),
        practices=list(dict.fromkeys(practices)),
        settings=settings,
    )
    await validate_choices(session, request)
    report = await build_report(session, request, PROVIDERS)
    row = EditionReport(
        edition_id=edition.id,
        version=edition.current_version,
        frozen_by=subject[:64],
        content=report.to_json(),
    )
    session.add(row)
    try:
        await session.flush()
    except IntegrityError as exc:  # frozen concurrently
        raise Problem(409, "report_exists", "a report was just frozen in this edition version") from exc
    return row, report


async def _row(session: AsyncSession, edition_id: uuid.UUID, version: int) -> EditionReport | None:
    return (
        await session.scalars(
            select(EditionReport).where(
                EditionReport.edition_id == edition_id, EditionReport.version == version
            )
        )
    ).first()


async def frozen(
    session: AsyncSession, *, edition_id: uuid.UUID, version: int
) -> tuple[EditionReport, Report]:
    await editions.get_version(session, edition_id=edition_id, version=version)
    row = await _row(session, edition_id, version)
    if row is None:
        raise not_found("report of this edition version")
    return row, Report.from_json(row.content)


async def report_versions(
    session: AsyncSession, edition_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, set[int]]:
    """{edition id: versions with a frozen report}."""
    out: dict[uuid.UUID, set[int]] = defaultdict(set)
    if not edition_ids:
        return out
    rows = await session.execute(
        select(EditionReport.edition_id, EditionReport.version).where(
            EditionReport.edition_id.in_(edition_ids)
        )
    )
    for edition_id, version in rows:
        out[edition_id].add(version)
    return out
