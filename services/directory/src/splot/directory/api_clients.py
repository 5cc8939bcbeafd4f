"""API clients: institutions' own systems (managed by their administrators) and Splot's services
(operator's command line only). Nothing is hard-deleted; a revoked client's access tokens stop
working at once (a ``client`` revocation), and every change is audited."""

from __future__ import annotations

import secrets
import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.pagination import paginate
from splot.directory import audit, revocations, schemas
from splot.directory.config import DirectorySettings
from splot.directory.models import ApiClient, Institution
from splot.directory.roles import ANALYST_INSTITUTION_TYPES
from splot.directory.security import hash_password, new_secret, password_work

#: Given to a system of an analysts' institution (WUP, ROPS, ministry), it reads the statistics of
#: the institution's voivodeship or the country: only a system administrator grants it there.
REGIONAL_STATISTICS_SCOPE = "reporting:read"

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


def api_client_read(client: ApiClient) -> schemas.ApiClientRead:
    return schemas.ApiClientRead.model_validate(client)


def _may_manage(actor: Principal, institution_id: uuid.UUID | None) -> bool:
    if actor.kind.value != "user":
        return False
    return actor.has_role(Role.system_admin) or (
        institution_id is not None
        and actor.has_role(Role.institution_admin)
        and actor.institution_id == institution_id
    )


async def _audit(
    session: AsyncSession,
    actor: Principal | None,
    action: audit.Action,
    client: ApiClient,
    after: dict[str, Any] | None = None,
) -> None:
    await audit.record(
        session,
        actor=actor,
        action=action,
        target_type="api_client",
        target_id=client.client_id,
        target_institution_id=client.institution_id,
        after=after,
    )


async def create_api_client(
    session: AsyncSession, *, actor: Principal, data: schemas.ApiClientCreate
) -> tuple[ApiClient, str]:
    institution_id = data.institution_id or actor.institution_id
    if institution_id is None:
        raise Problem(422, "institution_required", "name the institution")
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
    institution = await session.get(Institution, institution_id)
    if institution is None:
        raise Problem(422, "unknown_institution", "no such institution")
    if (
        REGIONAL_STATISTICS_SCOPE in data.scopes
        and institution.type in ANALYST_INSTITUTION_TYPES
        and not actor.has_role(Role.system_admin)
    ):
        # Such a system sees the statistics of the voivodeship or the country, as an analyst does;
        # the analyst role is granted by a system administrator, and so is this.
        raise Problem(
            403,
            "scope_not_grantable",
            "a system of a WUP, ROPS or ministry with reporting:read sees regional statistics: "
            "a system administrator registers it",
        )
    secret = new_secret()
    secret_hash = await password_work(hash_password, secret)
    client = ApiClient(
        client_id="splot_" + secrets.token_hex(12),
        name=data.name,
        kind="client",
        institution_id=institution_id,
        scopes=sorted(set(data.scopes)),
        secret_hash=secret_hash,
    )
    session.add(client)
    await session.flush()
    await _audit(session, actor, audit.Action.api_client_created, client, after={"scopes": client.scopes})
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
        client = existing
    else:
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
    await _audit(session, None, audit.Action.service_client_keyed, client, after={"scopes": client.scopes})
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
    if not _may_manage(actor, client.institution_id):
        raise not_found("API client")
    return client


async def rotate_api_client_secret(
    session: AsyncSession, *, actor: Principal, client_id: uuid.UUID, grace_seconds: int
) -> tuple[ApiClient, str]:
    if not actor.has_role(Role.institution_admin, Role.system_admin):
        raise not_found("API client")
    secret = new_secret()
    secret_hash = await password_work(hash_password, secret)
    client = await get_api_client(session, actor=actor, client_id=client_id)
    if client.revoked_at is not None:
        raise Problem(409, "client_revoked", "a revoked client cannot get a new secret")
    client.previous_secret_hash = client.secret_hash
    client.previous_secret_expires_at = utcnow() + timedelta(seconds=grace_seconds)
    client.secret_hash = secret_hash
    client.secret_rotated_at = utcnow()
    await session.flush()
    await _audit(session, actor, audit.Action.api_client_secret_rotated, client)
    return client, secret


async def revoke_api_client(
    session: AsyncSession, *, settings: DirectorySettings, actor: Principal, client_id: uuid.UUID
) -> ApiClient:
    client = await get_api_client(session, actor=actor, client_id=client_id)
    if client.revoked_at is None:
        now = utcnow()
        client.revoked_at = now
        client.previous_secret_hash = None
        await session.flush()
        await revocations.revoke(
            session, settings=settings, kind="client", value=client.client_id, not_after=now
        )
        await _audit(session, actor, audit.Action.api_client_revoked, client, after={"active": False})
    return client
