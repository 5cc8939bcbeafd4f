"""Staff users. Institution admins manage their own institution's accounts only, within the
grant rules of :mod:`splot.directory.roles`; nothing is ever hard-deleted (deactivation keeps the
audit trail intact). Every role and status change is audited (:mod:`splot.directory.audit`),
published as an event (ids, institution, roles and analyst scope only: never name or e-mail) and,
where access must end at once, revokes the user's tokens (:mod:`splot.directory.revocations`).

Password hashing (argon2, ~0.1 s of CPU by design) runs in a worker thread before the request's
transaction starts, so that no database write lock is held across it (SQLite has one writer)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.events import emit
from splot.common.pagination import paginate
from splot.directory import (
    audit,
    events,  # noqa: F401  (declares the event types emitted here)
    revocations,
    roles,
    schemas,
    throttle,
)
from splot.directory.config import DirectorySettings
from splot.directory.models import Institution, RefreshToken, User
from splot.directory.roles import actor_user_id
from splot.directory.security import hash_password, password_work


async def user_reads(
    session: AsyncSession, *, settings: DirectorySettings, users: Sequence[User], now: datetime
) -> list[schemas.UserRead]:
    """``locked``: the account's sign-ins are being made to wait from everywhere (``now`` is the
    sign-in throttle's clock)."""
    delayed = await throttle.delayed_logins(
        session, settings=settings, logins=[u.email for u in users], now=now
    )
    fields = [f for f in schemas.UserRead.model_fields if f != "locked"]
    return [
        schemas.UserRead.model_validate({**{f: getattr(u, f) for f in fields}, "locked": u.email in delayed})
        for u in users
    ]


async def user_read(
    session: AsyncSession, *, settings: DirectorySettings, user: User, now: datetime
) -> schemas.UserRead:
    return (await user_reads(session, settings=settings, users=[user], now=now))[0]


def user_event_payload(user: User) -> dict[str, Any]:
    return {
        "id": str(user.id),
        "institution_id": str(user.institution_id),
        "roles": sorted(user.roles),
        "analyst_scope": user.analyst_scope,
    }


async def _publish(session: AsyncSession, event_type: str, user: User) -> None:
    await emit(
        session, event_type, aggregate_type="user", aggregate_id=user.id, payload=user_event_payload(user)
    )


def _access(user: User) -> dict[str, Any]:
    return {"roles": sorted(user.roles), "analyst_scope": user.analyst_scope}


async def _audit(
    session: AsyncSession,
    actor: Principal | None,
    action: audit.Action,
    user: User,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> None:
    await audit.record(
        session,
        actor=actor,
        action=action,
        target_type="user",
        target_id=user.id,
        target_institution_id=user.institution_id,
        before=before,
        after=after,
    )


def _target_institution(actor: Principal, requested: uuid.UUID | None) -> uuid.UUID:
    if requested is None or requested == actor.institution_id:
        if actor.institution_id is None:
            raise Problem(422, "institution_required", "name the institution")
        return actor.institution_id
    if not actor.has_role(Role.system_admin):
        raise forbidden("you can only manage your own institution's accounts")
    return requested


def _check_may_manage(actor: Principal, user: User, what: str) -> None:
    if not roles.may_manage_account(actor, institution_id=user.institution_id, roles=user.roles):
        raise forbidden(
            f"only the institution's administrator may {what}; accounts holding analyst, auditor "
            "or system_admin are managed by a system administrator"
        )


async def _get_visible_user(session: AsyncSession, actor: Principal, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None or not (actor.has_role(Role.system_admin) or user.institution_id == actor.institution_id):
        raise not_found("user")
    return user


async def _institution(session: AsyncSession, institution_id: uuid.UUID) -> Institution:
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise Problem(422, "unknown_institution", "no such institution")
    return institution


async def create_user(
    session: AsyncSession, *, settings: DirectorySettings, data: schemas.UserCreate, actor: Principal
) -> User:
    institution_id = _target_institution(actor, data.institution_id)
    if not roles.may_manage_account(actor, institution_id=institution_id, roles=()):
        raise forbidden("only the institution's administrator may add its users")
    new_roles = sorted({r.value for r in data.roles})
    roles.check_role_change(
        actor,
        institution_id=institution_id,
        target_user_id=None,
        roles_before=(),
        roles_after=new_roles,
        scope_changed=data.analyst_scope is not None,
    )
    password_hash = await password_work(hash_password, data.password)
    institution = await _institution(session, institution_id)
    roles.check_analyst(
        institution_type=institution.type,
        institution_teryt=institution.teryt,
        roles=new_roles,
        scope=data.analyst_scope,
    )
    email = data.email.lower()
    if (await session.scalars(select(User.id).where(User.email == email))).first() is not None:
        raise Problem(409, "duplicate_login", "a user with this e-mail already exists")
    user = User(
        institution_id=institution_id,
        email=email,
        full_name=data.full_name,
        roles=new_roles,
        analyst_scope=data.analyst_scope,
        password_hash=password_hash,
    )
    session.add(user)
    await session.flush()
    await _audit(session, actor, audit.Action.user_created, user, after=_access(user))
    await _publish(session, "user.created", user)
    return user


async def list_users(
    session: AsyncSession,
    *,
    actor: Principal,
    institution_id: uuid.UUID | None,
    active: bool | None,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[User], str | None]:
    if actor.institution_id is None and not actor.has_role(Role.system_admin):
        raise forbidden("only staff can list users")
    if institution_id is None or not actor.has_role(Role.system_admin):
        if institution_id is not None and institution_id != actor.institution_id:
            raise forbidden("you can only list your own institution's users")
        institution_id = institution_id or actor.institution_id
    stmt: Select[Any] = select(User)
    if institution_id is not None:
        stmt = stmt.where(User.institution_id == institution_id)
    if active is not None:
        stmt = stmt.where(User.active.is_(active))
    return await paginate(session, stmt, order_by=[User.full_name, User.id], cursor=cursor, limit=limit)


async def get_user(session: AsyncSession, *, actor: Principal, user_id: uuid.UUID) -> User:
    return await _get_visible_user(session, actor, user_id)


async def update_user(
    session: AsyncSession,
    *,
    settings: DirectorySettings,
    actor: Principal,
    user_id: uuid.UUID,
    data: schemas.UserUpdate,
    if_match: str | None,
) -> User:
    user = await _get_visible_user(session, actor, user_id)
    _check_may_manage(actor, user, "change its users")
    changes = data.model_dump(exclude_unset=True)
    is_self = user.id == actor_user_id(actor)
    if is_self and {"roles", "analyst_scope"} & changes.keys() and not actor.has_role(Role.system_admin):
        raise forbidden("you cannot change your own roles or analyst scope; ask another administrator")
    new_roles = sorted({r.value for r in data.roles}) if data.roles is not None else sorted(user.roles)
    if "analyst_scope" in changes:
        scope = changes["analyst_scope"]
    else:
        # Taking the analyst role away takes its scope with it.
        scope = user.analyst_scope if Role.analyst.value in new_roles else None
    roles.check_role_change(
        actor,
        institution_id=user.institution_id,
        target_user_id=user.id,
        roles_before=user.roles,
        roles_after=new_roles,
        scope_changed=scope != user.analyst_scope,
    )
    check_if_match(if_match, user.id, user.version)
    access_changed = new_roles != sorted(user.roles) or scope != user.analyst_scope
    if access_changed:
        institution = await _institution(session, user.institution_id)
        roles.check_analyst(
            institution_type=institution.type,
            institution_teryt=institution.teryt,
            roles=new_roles,
            scope=scope,
        )
    before = _access(user)
    renamed = "full_name" in changes and changes["full_name"] != user.full_name
    if renamed:
        user.full_name = changes["full_name"]
    if access_changed:
        user.roles = new_roles
        user.analyst_scope = scope
        await revocations.raise_security_stamp(session, settings=settings, user=user)
        await _audit(
            session, actor, audit.Action.user_roles_changed, user, before=before, after=_access(user)
        )
        await _publish(session, "user.roles_changed", user)
    elif renamed:
        await _audit(session, actor, audit.Action.user_updated, user)
    await session.flush()
    return user


async def set_user_active(
    session: AsyncSession, *, settings: DirectorySettings, actor: Principal, user_id: uuid.UUID, active: bool
) -> User:
    user = await _get_visible_user(session, actor, user_id)
    _check_may_manage(actor, user, "(de)activate its users")
    if not active and user.id == actor_user_id(actor):
        raise Problem(409, "cannot_deactivate_self", "you cannot deactivate your own account")
    was_active = user.active
    if active:
        # Activation also lifts sign-in delays, even for an account that never was inactive.
        await throttle.clear_subjects(
            session,
            settings=settings,
            subjects=[throttle.login_subject(user.email), throttle.user_subject(user.id)],
        )
        user.deactivated_at = None
        user.active = True
        await _audit(
            session,
            actor,
            audit.Action.user_activated,
            user,
            before={"active": was_active},
            after={"active": True},
        )
        if not was_active:
            await _publish(session, "user.activated", user)
    elif was_active:
        user.deactivated_at = utcnow()
        user.active = False
        await revocations.raise_security_stamp(session, settings=settings, user=user)
        await revoke_user_sessions(session, user_id=user.id)
        await _audit(
            session,
            actor,
            audit.Action.user_deactivated,
            user,
            before={"active": True},
            after={"active": False},
        )
        await _publish(session, "user.deactivated", user)
    await session.flush()
    return user


async def revoke_user_sessions(session: AsyncSession, *, user_id: uuid.UUID) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def reset_password(
    session: AsyncSession, *, settings: DirectorySettings, actor: Principal, user_id: uuid.UUID, password: str
) -> User:
    if actor_user_id(actor) == user_id:
        raise forbidden("change your own password with POST /v1/me/password (it asks for the current one)")
    if not actor.has_role(Role.institution_admin, Role.system_admin):
        raise forbidden("only the institution's administrator may reset its users' passwords")
    password_hash = await password_work(hash_password, password)
    user = await _get_visible_user(session, actor, user_id)
    _check_may_manage(actor, user, "reset its users' passwords")
    # Throttle rows before the user's row, as a sign-in does: concurrent writers lock in one order.
    await throttle.clear_subjects(
        session,
        settings=settings,
        subjects=[throttle.login_subject(user.email), throttle.user_subject(user.id)],
    )
    await set_password(session, settings=settings, actor=actor, user=user, password_hash=password_hash)
    return user


async def set_password(
    session: AsyncSession, *, settings: DirectorySettings, actor: Principal, user: User, password_hash: str
) -> None:
    """A new password ends every session and every access token of the account."""
    user.password_hash = password_hash
    await revocations.raise_security_stamp(session, settings=settings, user=user)
    await revoke_user_sessions(session, user_id=user.id)
    own = user.id == actor_user_id(actor)
    action = audit.Action.user_password_changed if own else audit.Action.user_password_reset
    await _audit(session, actor, action, user)
    await session.flush()


async def create_first_admin(
    session: AsyncSession, *, institution: Institution, email: str, full_name: str, password_hash: str
) -> User:
    """The operator's command line: the first system administrator (audited and evented)."""
    user = User(
        institution_id=institution.id,
        email=email.lower(),
        full_name=full_name,
        roles=[Role.system_admin.value],
        password_hash=password_hash,
    )
    session.add(user)
    await session.flush()
    await _audit(session, None, audit.Action.user_created, user, after=_access(user))
    await _publish(session, "user.created", user)
    return user
