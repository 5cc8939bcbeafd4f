"""Lists of good practices: the published catalogue (search and filters), an institution's own
practices and the analysts' review queue, all with keyset pagination; and
:func:`published_practices` for the results report."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal
from splot.common.errors import Problem
from splot.common.pagination import paginate
from splot.reporting.practices import access
from splot.reporting.practices.models import Practice
from splot.reporting.practices.service import area_key, fold, summaries

MAX_WORDS = 8


def _matching(stmt: Select[Any], q: str | None) -> Select[Any]:
    """Every word of ``q`` appears in the title, summary, results, tags or target groups (case
    and Polish diacritics ignored: ``lodz`` finds ``Łódź``)."""
    words = fold(q or "").split()[:MAX_WORDS]
    for word in words:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Practice.search_text.like(f"%{escaped}%", escape="\\"))
    return stmt


async def catalogue(
    session: AsyncSession,
    *,
    actor: Principal,
    q: str | None,
    problem_area: str | None,
    institution_type: str | None,
    territory: str | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[dict[str, Any]], str | None]:
    """Published practices, newest published first."""
    access.require_staff(actor)
    stmt: Select[Any] = _matching(select(Practice).where(Practice.status == "published"), q)
    if problem_area:
        stmt = stmt.where(Practice.area_codes.contains(area_key([problem_area]), autoescape=True))
    if institution_type:
        stmt = stmt.where(Practice.institution_type == institution_type)
    if territory:
        stmt = stmt.where(Practice.teryt.startswith(territory))
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[Practice.published_at, Practice.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    return await summaries(session, rows), next_cursor


async def mine(
    session: AsyncSession, *, actor: Principal, status: str | None, cursor: str | None, limit: int | None
) -> tuple[list[dict[str, Any]], str | None]:
    """The caller's institution's practices in every state, the latest changed first."""
    access.require_submitter(actor)
    stmt: Select[Any] = select(Practice).where(Practice.institution_id == actor.institution_id)
    if status:
        stmt = stmt.where(Practice.status == status)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[Practice.updated_at, Practice.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    return await summaries(session, rows), next_cursor


async def review_queue(
    session: AsyncSession, *, actor: Principal, status: str | None, cursor: str | None, limit: int | None
) -> tuple[list[dict[str, Any]], str | None]:
    """Submitted and accepted practices of institutions in the analyst's territory, the longest
    waiting first (``status`` narrows to one of them)."""
    territory = access.require_analyst(actor)
    wanted = ("submitted", "accepted")
    if status is not None and status not in wanted:
        raise Problem(422, "invalid_status", "the queue holds submitted and accepted practices")
    stmt: Select[Any] = select(Practice).where(
        Practice.status.in_([status] if status else wanted), Practice.teryt.startswith(territory)
    )
    rows, next_cursor = await paginate(
        session, stmt, order_by=[Practice.updated_at, Practice.id], cursor=cursor, limit=limit
    )
    return await summaries(session, rows), next_cursor


async def published_practices(
    session: AsyncSession,
    *,
    territory: str,
    problem_areas: list[str] | None = None,
    ids: list[uuid.UUID] | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """Published practices of institutions seated in the territory ("" the country), newest
    first: naming any of ``problem_areas`` and/or among ``ids`` when given (for the report)."""
    stmt: Select[Any] = select(Practice).where(
        Practice.status == "published", Practice.teryt.startswith(territory)
    )
    if problem_areas:
        stmt = stmt.where(
            or_(*(Practice.area_codes.contains(area_key([c]), autoescape=True) for c in problem_areas))
        )
    if ids is not None:
        stmt = stmt.where(Practice.id.in_(ids))
    rows = list(
        (
            await session.scalars(
                stmt.order_by(Practice.published_at.desc(), Practice.id.desc()).limit(limit)
            )
        ).all()
    )
    return await summaries(session, rows)
