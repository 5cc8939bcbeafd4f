"""Staff users and API clients. Institution admins manage their own institution's accounts only;
nothing is ever hard-deleted (deactivation and revocation keep the audit trail intact)."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.directory import schemas
from splot.directory.models import ApiClient, Institution, RefreshToken, User
from splot.directory.security import hash_password, new_secret, verify_password

#: Scopes an institution may give its own systems. Service scopes (events, internal calls) are
#: for Splot's own services and only the operator's CLI can grant them.
INSTITUTION_CLIENT_SCOPES = frozenset(
    {
        "directory:read",
        "offers:write",
        "clients:read",
        "clients:write",
        "referrals:read",
        "referrals:write",
        "reporting:read",
        "webhooks:manage",
    }
)


def user_read(user: User) -> schemas.UserRead:
    return schemas.UserRead.model_validate(user)


def _target_institution(actor: Principal, requested: uuid.UUID | None) -> uuid.UUID:
    if requested is None or requested == actor.institution_id:
        if actor.institution_id is None:
            raise Problem(422, "institution_required", "name the institution")
        return actor.institution_id
    if not actor.has_role(Role.system_admin):
        raise forbidden("you can only manage your own institution's accounts")
    return requested


def _check_grantable(actor: Principal, roles: list[Role], analyst_scope: str | None) -> None:
    if Role.system_admin in roles and not actor.has_role(Role.system_admin):
        raise forbidden("only a system administrator can grant the system_admin role")
    if Role.analyst in roles and analyst_scope is None:
        raise Problem(
            422,
            "analyst_scope_required",
            'analysts need an analyst_scope ("" national, voivodeship or powiat code)',
        )


def _may_manage(actor: Principal, institution_id: uuid.UUID) -> bool:
    return actor.has_role(Role.system_admin) or (
        actor.has_role(Role.institution_admin) and actor.institution_id == institution_id
    )


async def _get_visible_user(session: AsyncSession, actor: Principal, user_id: uuid.UUID) -> User:
    user = await session.get(User, user_id)
    if user is None or not (actor.has_role(Role.system_admin) or user.institution_id == actor.institution_id):
        raise not_found("user")
    return user


async def create_user(session: AsyncSession, *, data: schemas.UserCreate, actor: Principal) -> User:
    institution_id = _target_institution(actor, data.institution_id)
    if not _may_manage(actor, institution_id):
        raise forbidden("only the institution's administrator may add its users")
    if await session.get(Institution, institution_id) is None:
        raise Problem(422, "unknown_institution", "no such institution")
    _check_grantable(actor, data.roles, data.analyst_scope)
    email = data.email.lower()
    if (await session.scalars(select(User.id).where(User.email == email))).first() is not None:
        raise Problem(409, "duplicate_login", "a user with this e-mail already exists")
    user = User(
        institution_id=institution_id,
        email=email,
        full_name=data.full_name,
        roles=sorted({r.value for r in data.roles}),
        analyst_scope=data.analyst_scope,
        password_hash=hash_password(data.password),
    )
    session.add(user)
    await session.flush()
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
    actor: Principal,
    user_id: uuid.UUID,
    data: schemas.UserUpdate,
    if_match: str | None,
) -> User:
    user = await _get_visible_user(session, actor, user_id)
    if not _may_manage(actor, user.institution_id):
        raise forbidden("only the institution's administrator may change its users")
    check_if_match(if_match, user.id, user.version)
    changes = data.model_dump(exclude_unset=True)
    roles = data.roles if data.roles is not None else [Role(r) for r in user.roles]
    scope = changes.get("analyst_scope", user.analyst_scope)
    if data.roles is not None:
        _check_grantable(actor, roles, scope)
        if (
            Role.system_admin.value in user.roles
            and Role.system_admin not in roles
            and not actor.has_role(Role.system_admin)
        ):
            raise forbidden("only a system administrator can remove the system_admin role")
        if (
            user.id == _actor_user_id(actor)
            and Role.institution_admin not in roles
            and not actor.has_role(Role.system_admin)
        ):
            raise Problem(409, "cannot_demote_self", "you cannot remove your own administrator role")
        user.roles = sorted({r.value for r in roles})
    if "full_name" in changes:
        user.full_name = changes["full_name"]
    if "analyst_scope" in changes:
        user.analyst_scope = changes["analyst_scope"]
    await session.flush()
    return user


def _actor_user_id(actor: Principal) -> uuid.UUID | None:
    try:
        return uuid.UUID(actor.subject)
    except ValueError:
        return None


async def set_user_active(
    session: AsyncSession, *, actor: Principal, user_id: uuid.UUID, active: bool
) -> User:
    user = await _get_visible_user(session, actor, user_id)
    if not _may_manage(actor, user.institution_id):
        raise forbidden("only the institution's administrator may (de)activate its users")
    if Role.system_admin.value in user.roles and not actor.has_role(Role.system_admin):
        raise forbidden("only a system administrator can deactivate a system administrator")
    if not active and user.id == _actor_user_id(actor):
        raise Problem(409, "cannot_deactivate_self", "you cannot deactivate your own account")
    if active:
        # Activation also lifts a sign-in lockout, even for an account that never was inactive.
        user.failed_logins = 0
        user.locked_until = None
        user.deactivated_at = None
    elif user.active:
        user.deactivated_at = utcnow()
        await revoke_user_sessions(session, user_id=user.id)
    user.active = active
    await session.flush()
    return user


async def revoke_user_sessions(session: AsyncSession, *, user_id: uuid.UUID) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def reset_password(
    session: AsyncSession, *, actor: Principal, user_id: uuid.UUID, password: str
) -> User:
    user = await _get_visible_user(session, actor, user_id)
    if not _may_manage(actor, user.institution_id):
        raise forbidden("only the institution's administrator may reset its users' passwords")
    if Role.system_admin.value in user.roles and not actor.has_role(Role.system_admin):
        raise forbidden("only a system administrator can reset a system administrator's password")
    user.password_hash = hash_password(password)
    user.failed_logins = 0
    user.locked_until = None
    await revoke_user_sessions(session, user_id=user.id)
    await session.flush()
    return user


async def change_own_password(
    session: AsyncSession, *, actor: Principal, current_password: str, new_password: str
) -> None:
    user_id = _actor_user_id(actor)
    user = await session.get(User, user_id) if user_id else None
    if user is None or not user.active:
        raise forbidden("only signed-in staff can change their password")
    if not verify_password(user.password_hash, current_password):
        raise Problem(422, "wrong_password", "the current password is not correct")
    user.password_hash = hash_password(new_password)
    await revoke_user_sessions(session, user_id=user.id)
    await session.flush()


def api_client_read(client: ApiClient) -> schemas.ApiClientRead:
    return schemas.ApiClientRead.model_validate(client)


async def create_api_client(
    session: AsyncSession, *, actor: Principal, data: schemas.ApiClientCreate
) -> tuple[ApiClient, str]:
    institution_id = _target_institution(actor, data.institution_id)
    if not _may_manage(actor, institution_id):
        raise forbidden("only the institution's administrator may register its systems")
    unknown = set(data.scopes) - INSTITUTION_CLIENT_SCOPES
    if unknown:
        raise Problem(
            422,
            "scope_not_grantable",
            "these scopes cannot be granted: " + ", ".join(sorted(unknown)),
            grantable=sorted(INSTITUTION_CLIENT_SCOPES),
        )
    if await session.get(Institution, institution_id) is None:
        raise Problem(422, "unknown_institution", "no such institution")
    secret = new_secret()
    client = ApiClient(
        client_id="splot_" + secrets.token_hex(12),
        name=data.name,
        kind="client",
        institution_id=institution_id,
        scopes=sorted(set(data.scopes)),
        secret_hash=hash_password(secret),
    )
    session.add(client)
    await session.flush()
    return client, secret


async def create_service_client(
    session: AsyncSession, *, client_id: str, name: str, scopes: list[str], secret: str | None = None
) -> tuple[ApiClient, str]:
    """Operator-only (CLI): the identity another Splot service uses to call its peers."""
    existing = (await session.scalars(select(ApiClient).where(ApiClient.client_id == client_id))).first()
    secret = secret or new_secret()
    if existing is not None:
        existing.scopes = sorted(set(scopes))
        existing.secret_hash = hash_password(secret)
        existing.revoked_at = None
        await session.flush()
        return existing, secret
    client = ApiClient(
        client_id=client_id,
        name=name,
        kind="service",
        institution_id=None,
        scopes=sorted(set(scopes)),
        secret_hash=hash_password(secret),
    )
    session.add(client)
    await session.flush()
    return client, secret


async def _get_visible_client(session: AsyncSession, actor: Principal, client_id: uuid.UUID) -> ApiClient:
    client = await session.get(ApiClient, client_id)
    if (
        client is None
        or client.kind != "client"
        or not (actor.has_role(Role.system_admin) or client.institution_id == actor.institution_id)
    ):
        raise not_found("API client")
    return client


async def list_api_clients(
    session: AsyncSession, *, actor: Principal, cursor: str | None, limit: int | None
) -> tuple[list[ApiClient], str | None]:
    stmt: Select[Any] = select(ApiClient).where(ApiClient.kind == "client")
    if not actor.has_role(Role.system_admin):
        if not actor.has_role(Role.institution_admin):
            raise forbidden("only administrators see API clients")
        stmt = stmt.where(ApiClient.institution_id == actor.institution_id)
    return await paginate(
        session, stmt, order_by=[ApiClient.created_at, ApiClient.id], cursor=cursor, limit=limit
    )


async def get_api_client(session: AsyncSession, *, actor: Principal, client_id: uuid.UUID) -> ApiClient:
    client = await _get_visible_client(session, actor, client_id)
    if not _may_manage(actor, client.institution_id or uuid.UUID(int=0)):
        raise not_found("API client")
    return client


async def rotate_api_client_secret(
    session: AsyncSession, *, actor: Principal, client_id: uuid.UUID, grace_seconds: int
) -> tuple[ApiClient, str]:
    client = await get_api_client(session, actor=actor, client_id=client_id)
    if client.revoked_at is not None:
        raise Problem(409, "client_revoked", "a revoked client cannot get a new secret")
    secret = new_secret()
    client.previous_secret_hash = client.secret_hash
    client.previous_secret_expires_at = utcnow() + timedelta(seconds=grace_seconds)
    client.secret_hash = hash_password(secret)
    client.secret_rotated_at = utcnow()
    await session.flush()
    return client, secret


async def revoke_api_client(session: AsyncSession, *, actor: Principal, client_id: uuid.UUID) -> ApiClient:
    client = await get_api_client(session, actor=actor, client_id=client_id)
    if client.revoked_at is None:
        client.revoked_at = utcnow()
        client.previous_secret_hash = None
        await session.flush()
    return client
