"""Break-glass: a coordinator's emergency access to a person — personal, time-boxed, reasoned,
audited, read-only — and the list of such accesses shown to the person's registering
institutions and to auditors. Keyword-only, ``flush()`` never ``commit()``."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients import schemas
from splot.clients.access import Actor, AuditContext, access_to, log_access
from splot.clients.config import ClientsSettings
from splot.clients.models import BreakGlass, Person, PersonStatus, Registration
from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate


def break_glass_read(glass: BreakGlass, now: datetime | None = None) -> schemas.BreakGlassRead:
    return schemas.BreakGlassRead(
        id=glass.id,
        person_id=glass.person_id,
        institution_id=glass.institution_id,
        subject=glass.subject,
        reason=glass.reason,
        opened_at=glass.opened_at,
        expires_at=glass.expires_at,
        active=glass.expires_at > (now or utcnow()),
    )


async def open_break_glass(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    data: schemas.BreakGlassCreate,
    settings: ClientsSettings,
    audit: AuditContext,
) -> BreakGlass:
    """A coordinator's emergency access to a person: personal, time-boxed, reasoned, audited and
    listed to the person's registering institutions."""
    person = await session.get(Person, person_id)
    if person is None or person.status != PersonStatus.active:
        raise not_found("person")
    hours = data.hours or settings.break_glass_default_hours
    if hours > settings.break_glass_max_hours:
        raise Problem(
            422,
            "break_glass_too_long",
            f"break-glass access lasts at most {settings.break_glass_max_hours} hours",
            errors=[{"loc": ["body", "hours"], "msg": "too long", "type": "break_glass_too_long"}],
        )
    now = utcnow()
    access = await access_to(session, actor=actor, person_id=person.id, now=now)
    if access.registered or access.grants:
        raise Problem(409, "access_exists", "your institution already has access to this person")
    glass = BreakGlass(
        person_id=person.id,
        institution_id=actor.institution_id,
        subject=actor.subject[:128],
        reason=data.reason,
        opened_at=now,
        expires_at=now + timedelta(hours=hours),
    )
    session.add(glass)
    await session.flush()
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person.id],
        action="break_glass",
        legal_basis="break_glass",
        basis_ref=str(glass.id),
        reason=data.reason,
    )
    return glass


async def list_break_glass(
    session: AsyncSession,
    *,
    principal: Principal,
    actor: Actor | None,
    person_id: uuid.UUID | None,
    active: bool | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[BreakGlass], str | None]:
    """Auditors: all. Front-line: break-glass accesses to persons your institution registered,
    and those opened by your institution."""
    stmt: Select[Any] = select(BreakGlass)
    if actor is not None:
        own_persons = select(Registration.person_id).where(
            Registration.institution_id == actor.institution_id
        )
        stmt = stmt.where(
            or_(BreakGlass.person_id.in_(own_persons), BreakGlass.institution_id == actor.institution_id)
        )
    elif not principal.has_role(Role.auditor):
        raise forbidden("your role does not give access to break-glass records")
    if person_id is not None:
        stmt = stmt.where(BreakGlass.person_id == person_id)
    now = utcnow()
    if active is True:
        stmt = stmt.where(BreakGlass.expires_at > now)
    elif active is False:
        stmt = stmt.where(BreakGlass.expires_at <= now)
    return await paginate(
        session,
        stmt,
        order_by=[BreakGlass.opened_at, BreakGlass.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
