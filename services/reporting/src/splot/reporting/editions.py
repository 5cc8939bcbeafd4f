"""Published editions: an analyst freezes a period for a territorial scope.

Publishing computes a fixed set of indicator tables (already protected) and stores them as
version 1; nothing recomputes it afterwards, so later events and corrections of the facts leave
the edition as it was. A correction recomputes the tables from the current data and stores them
as the next version with a change note; older versions stay downloadable.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import selectinload

from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.reporting import indicators
from splot.reporting.models import Edition, EditionVersion
from splot.reporting.periods import Period, parse_period
from splot.reporting.query import AggregateQuery, aggregate
from splot.reporting.scopes import Scope, territory_scope
from splot.reporting.suppression import Cell, Policy

#: name, title, measures, dimensions ("{territory}" is the next level below the edition's scope).
EDITION_TABLES: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "totals",
        "All referrals",
        ("referrals", "open", "completed", "failed", "cancelled", "rejected", "forwarded", "forwarded_share"),
        (),
    ),
    (
        "flows",
        "Referrals by route and status",
        ("referrals",),
        ("route", "status"),
    ),
    (
        "responses",
        "Acceptance and rejection by route",
        (
            "responded",
            "accepted",
            "rejected",
            "rejected_by_client",
            "rejected_by_provider",
            "acceptance_rate",
            "rejection_rate",
            "client_declined_share",
        ),
        ("route",),
    ),
    (
        "timeliness",
        "Response, start and completion times (working days) and SLA by route",
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
        ),
        ("route",),
    ),
    (
        "closed_loop",
        "Closed loop by route",
        (
            "ended",
            "closed_loop",
            "closed_loop_rate",
            "acknowledged",
            "acknowledgement_rate",
            "completion_rate",
        ),
        ("route",),
    ),
    (
        "outcomes",
        "Outcomes and follow-up by receiver type",
        (
            "completed",
            "employment_outcome",
            "employment_rate",
            "followup_3m_response_rate",
            "followup_3m_employment_rate",
            "followup_6m_response_rate",
            "followup_6m_employment_rate",
        ),
        ("target_type",),
    ),
    ("service_types", "Referrals by service type", ("referrals", "accepted", "completed"), ("service_type",)),
    (
        "territory",
        "Referrals by territory of the sender",
        ("referrals", "acceptance_rate", "sla_compliance"),
        ("{territory}",),
    ),
)


def _cells(values: dict[str, Cell]) -> dict[str, dict[str, object]]:
    return {k: v.as_dict() for k, v in values.items()}


_INDEX_MEASURES = (
    "cooperation_index",
    "referrals",
    "active_pairs",
    "reciprocity",
    "sector_coverage",
    "ngo_involvement",
    "agreement_coverage",
    "agreements_in_force",
)


async def _aggregate_tables(
    session: AsyncSession, *, period: Period, scope: Scope, policy: Policy
) -> list[dict[str, Any]]:
    """The :data:`EDITION_TABLES`, each answered by the aggregate engine for the period."""
    territory_dim = "sender_voivodeship" if scope.kind == "national" else "sender_powiat"
    tables = []
    for name, title, measures, dims in EDITION_TABLES:
        dimensions = [territory_dim if d == "{territory}" else d for d in dims]
        query = AggregateQuery(
            measures=list(measures),
            dimensions=dimensions,
            granularity=period.granularity,
            period_from=period.label,
            period_to=period.label,
        )
        result = await aggregate(session, query=query, scope=scope, policy=policy)
        tables.append(
            {
                "name": name,
                "title": title,
                "dimensions": dimensions,
                "measures": list(measures),
                "rows": [
                    {"period": r.period, "dimensions": r.dimensions, "values": _cells(r.values)}
                    for r in result.rows
                ],
            }
        )
    return tables


async def _shared_clients_table(
    session: AsyncSession, *, period: Period, scope: Scope, policy: Policy
) -> dict[str, Any]:
    level = {"national": "voivodeship", "voivodeship": "powiat", "powiat": "powiat"}[scope.kind]
    shared = await indicators.shared_clients(session, period=period, level=level, scope=scope, policy=policy)
    return {
        "name": "shared_clients",
        "title": "Persons served by several sectors, by territory of residence",
        "dimensions": ["territory"],
        "measures": [*indicators.SHARED_MEASURES, "pup_ops_share", "pup_ops_ngo_share"],
        "rows": [
            {
                "period": r["period"],
                "dimensions": {"territory": r["territory"] or ""},
                "values": _cells(r["values"]),
            }
            for r in shared
        ],
    }


async def _cooperation_table(
    session: AsyncSession, *, period: Period, scope: Scope, policy: Policy
) -> dict[str, Any]:
    cooperation = await indicators.cooperation_index(session, period=period, scope=scope, policy=policy)
    return {
        "name": "cooperation_index",
        "title": "Cooperation index per powiat",
        "dimensions": ["powiat"],
        "measures": list(_INDEX_MEASURES),
        "rows": [
            {
                "period": r["period"],
                "dimensions": {"powiat": r["powiat"]},
                "values": {
                    m: (Cell(r[m], False) if m == "agreements_in_force" else r[m]).as_dict()
                    for m in _INDEX_MEASURES
                },
            }
            for r in cooperation
        ],
    }


async def build_content(
    session: AsyncSession, *, period_label: str, scope: Scope, policy: Policy
) -> dict[str, Any]:
    """The protected tables of an edition (also used for ad-hoc previews)."""
    period = parse_period(period_label)
    tables = await _aggregate_tables(session, period=period, scope=scope, policy=policy)
    tables.append(await _shared_clients_table(session, period=period, scope=scope, policy=policy))
    tables.append(await _cooperation_table(session, period=period, scope=scope, policy=policy))
    return {
        "period": period.label,
        "granularity": period.granularity,
        "scope": scope.describe(),
        "as_of": _jsonable(await indicators.as_of(session)),
        "suppression": policy.describe(),
        "tables": tables,
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


async def publish(
    session: AsyncSession,
    *,
    period: str,
    territory: str,
    title: str | None,
    actor_scope: Scope,
    actor_subject: str,
    policy: Policy,
) -> Edition:
    if not actor_scope.covers_territory(territory):
        raise forbidden("you can publish only within your territorial scope")
    parsed = parse_period(period)
    existing = (
        await session.scalars(
            select(Edition.id).where(Edition.period == parsed.label, Edition.scope_territory == territory)
        )
    ).first()
    if existing is not None:
        raise Problem(
            409,
            "edition_exists",
            "this period is already published for this scope: publish a correction instead",
            edition_id=str(existing),
        )
    content = await build_content(
        session, period_label=parsed.label, scope=territory_scope(territory), policy=policy
    )
    edition = Edition(
        period=parsed.label,
        granularity=parsed.granularity,
        scope_territory=territory,
        title=title or f"Monitoring współpracy {parsed.label} ({territory or 'PL'})",
        current_version=1,
    )
    session.add(edition)
    try:
        await session.flush()
    except IntegrityError as exc:  # published concurrently by someone else
        raise Problem(409, "edition_exists", "this period was just published for this scope") from exc
    session.add(
        EditionVersion(
            edition_id=edition.id,
            version=1,
            change_note=None,
            published_by=actor_subject[:64],
            content=content,
        )
    )
    await session.flush()
    return await get(session, edition_id=edition.id)


async def correct(
    session: AsyncSession,
    *,
    edition_id: uuid.UUID,
    change_note: str,
    actor_scope: Scope,
    actor_subject: str,
    policy: Policy,
    if_match: str | None,
) -> Edition:
    edition = await get(session, edition_id=edition_id)
    if not actor_scope.covers_territory(edition.scope_territory):
        raise forbidden("you can correct only editions within your territorial scope")
    check_if_match(if_match, edition.id, edition.current_version)
    content = await build_content(
        session, period_label=edition.period, scope=territory_scope(edition.scope_territory), policy=policy
    )
    edition.current_version += 1
    edition.updated_at = utcnow()
    session.add(
        EditionVersion(
            edition_id=edition.id,
            version=edition.current_version,
            change_note=change_note,
            published_by=actor_subject[:64],
            content=content,
        )
    )
    try:
        await session.flush()
    except IntegrityError as exc:  # a concurrent correction took this version number
        raise Problem(
            412, "stale_etag", "the edition was corrected by someone else; reload it and try again"
        ) from exc
    return await get(session, edition_id=edition.id)


async def get(session: AsyncSession, *, edition_id: uuid.UUID) -> Edition:
    edition = (
        await session.scalars(
            select(Edition)
            .options(selectinload(Edition.versions))
            .where(Edition.id == edition_id)
            .execution_options(populate_existing=True)
        )
    ).first()
    if edition is None:
        raise not_found("edition")
    return edition


async def get_version(session: AsyncSession, *, edition_id: uuid.UUID, version: int) -> EditionVersion:
    row = (
        await session.scalars(
            select(EditionVersion).where(
                EditionVersion.edition_id == edition_id, EditionVersion.version == version
            )
        )
    ).first()
    if row is None:
        raise not_found("edition version")
    return row


async def list_editions(
    session: AsyncSession, *, territory: str | None, period: str | None, cursor: str | None, limit: int | None
) -> tuple[list[Edition], str | None]:
    statement = select(Edition).options(selectinload(Edition.versions))
    if territory is not None:
        statement = statement.where(Edition.scope_territory == territory)
    if period is not None:
        statement = statement.where(Edition.period == period)
    return await paginate(
        session,
        statement,
        order_by=[Edition.created_at, Edition.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
