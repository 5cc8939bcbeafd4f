"""The directory's audit trail: every account and access change, written in the same transaction
as the change. Append-only: no update or delete path here, and database triggers refuse both
(migration 0003). Rows hold ids, roles and scopes, never names, e-mails or secrets."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal
from splot.common.observability import current_request_id
from splot.common.pagination import paginate
from splot.directory import schemas
from splot.directory.models import DirectoryAudit

#: What was done (the API's ``action`` filter takes these values).
Action = schemas.AuditAction


async def record(
    session: AsyncSession,
    *,
    actor: Principal | None,
    action: Action,
    target_type: str,
    target_id: object,
    target_institution_id: uuid.UUID | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    """``actor`` None is the operator's command line."""
    session.add(
        DirectoryAudit(
            actor_subject=actor.subject if actor else "operator",
            actor_kind=actor.kind.value if actor else "operator",
            actor_institution_id=actor.institution_id if actor else None,
            action=action.value,
            target_type=target_type,
            target_id=str(target_id),
            target_institution_id=target_institution_id,
            before=before,
            after=after,
            request_id=current_request_id(),
        )
    )
    await session.flush()


def _day_start(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


async def list_audit(
    session: AsyncSession,
    *,
    institution_id: uuid.UUID | None,
    target_id: str | None,
    action: Action | None,
    since: date | None,
    until: date | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[DirectoryAudit], str | None]:
    """Newest first. ``institution_id`` matches the target's or the actor's institution."""
    stmt: Select[Any] = select(DirectoryAudit)
    if institution_id is not None:
        stmt = stmt.where(
            or_(
                DirectoryAudit.target_institution_id == institution_id,
                DirectoryAudit.actor_institution_id == institution_id,
            )
        )
    if target_id:
        stmt = stmt.where(DirectoryAudit.target_id == target_id)
    if action is not None:
        stmt = stmt.where(DirectoryAudit.action == action.value)
    if since is not None:
        stmt = stmt.where(DirectoryAudit.occurred_at >= _day_start(since))
    if until is not None:
        stmt = stmt.where(DirectoryAudit.occurred_at < _day_start(until) + timedelta(days=1))
    return await paginate(
        session,
        stmt,
        order_by=[DirectoryAudit.occurred_at, DirectoryAudit.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
