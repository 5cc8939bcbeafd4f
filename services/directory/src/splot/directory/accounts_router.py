"""HTTP layer of the directory's accounts: who am I, staff users, API clients, the directory's
audit log and the token-revocation list the services poll."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from splot.common import errors
from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit, settings_of
from splot.common.auth import CurrentPrincipal, Principal, Role, require_roles, require_service
from splot.common.db import SessionDep
from splot.common.errors import not_found, problem_responses
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.validation import IsoDate
from splot.directory import accounts, api_clients, audit, revocations, schemas, service, signin
from splot.directory.config import DirectorySettings
from splot.directory.models import Institution, User
from splot.directory.oauth import source_of

router = APIRouter(prefix="/v1")

Staff = Annotated[Principal, Depends(require_roles(*Role))]
Auditor = Annotated[Principal, Depends(require_roles(Role.auditor, Role.system_admin))]
SplotService = Annotated[Principal, Depends(require_service())]


Settings = Annotated[DirectorySettings, Depends(settings_of(DirectorySettings))]


async def _now(request: Request) -> datetime:
    """The sign-in throttle's clock (``locked`` is read against it)."""
    now: datetime = request.app.state.clock()
    return now


Now = Annotated[datetime, Depends(_now)]


@router.get("/me", response_model=schemas.MeRead, tags=["accounts"], responses=LIST_RESPONSES)
async def me(
    session: SessionDep, principal: CurrentPrincipal, settings: Settings, now: Now
) -> schemas.MeRead:
    """Who the token belongs to: user or client, institution, roles and scopes."""
    user = None
    if principal.kind == "user":
        try:
            user_obj = await session.get(User, uuid.UUID(principal.subject))
        except ValueError:
            user_obj = None
        user = (
            await accounts.user_read(session, settings=settings, user=user_obj, now=now) if user_obj else None
        )
    institution = None
    if principal.institution_id is not None:
        inst = await session.get(Institution, principal.institution_id)
        institution = service.institution_read(inst) if inst else None
    return schemas.MeRead(
        subject=principal.subject,
        kind=principal.kind,
        user=user,
        institution=institution,
        roles=sorted(principal.roles),
        scopes=sorted(principal.scopes),
    )


@router.post(
    "/me/password",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["accounts"],
    responses=problem_responses(*errors.WRITE_ERRORS, 429),
)
async def change_password(
    session: SessionDep, actor: Staff, data: schemas.PasswordChange, request: Request, settings: Settings
) -> Response:
    """Change your own password. Ends all your sessions and access tokens (sign in again).
    Throttled like sign-in: a wrong current password counts as a failed attempt (429 after)."""
    await signin.change_own_password(
        session,
        sessionmaker=request.app.state.sessionmaker,
        settings=settings,
        actor=actor,
        current_password=data.current_password,
        new_password=data.new_password,
        source=source_of(request),
        now=request.app.state.clock(),
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/users", response_model=schemas.UserPage, tags=["accounts"], responses=LIST_RESPONSES)
async def list_users(
    session: SessionDep,
    actor: Staff,
    settings: Settings,
    now: Now,
    institution_id: uuid.UUID | None = None,
    active: bool | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.UserPage:
    """Users of your institution (system administrators: of any)."""
    items, next_cursor = await accounts.list_users(
        session, actor=actor, institution_id=institution_id, active=active, cursor=cursor, limit=limit
    )
    return schemas.UserPage(
        items=await accounts.user_reads(session, settings=settings, users=items, now=now),
        next_cursor=next_cursor,
    )


@router.post(
    "/users",
    response_model=schemas.UserRead,
    status_code=status.HTTP_201_CREATED,
    tags=["accounts"],
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_user(
    session: SessionDep,
    actor: Staff,
    data: schemas.UserCreate,
    response: Response,
    settings: Settings,
    now: Now,
) -> schemas.UserRead:
    """Add a staff user. Institution administrators: to their own institution, with the roles
    caseworker, coordinator and institution_admin; analyst (WUP, ROPS, ministry; scope within the
    institution's territory), auditor and system_admin are granted by system administrators."""
    user = await accounts.create_user(session, settings=settings, data=data, actor=actor)
    set_etag(response, user.id, user.version)
    response.headers["Location"] = f"users/{user.id}"
    return await accounts.user_read(session, settings=settings, user=user, now=now)


@router.get("/users/{user_id}", response_model=schemas.UserRead, tags=["accounts"], responses=READ_RESPONSES)
async def get_user(
    session: SessionDep, actor: Staff, user_id: uuid.UUID, response: Response, settings: Settings, now: Now
) -> schemas.UserRead:
    """One user of your institution."""
    user = await accounts.get_user(session, actor=actor, user_id=user_id)
    set_etag(response, user.id, user.version)
    return await accounts.user_read(session, settings=settings, user=user, now=now)


@router.get(
    "/internal/users/{user_id}",
    response_model=schemas.UserMembership,
    tags=["internal"],
    responses=READ_RESPONSES,
)
async def user_membership(
    session: SessionDep,
    _: Annotated[Principal, Depends(require_service("directory:read"))],
    user_id: uuid.UUID,
) -> schemas.UserMembership:
    """Which institution a user works for and whether the account is active (Splot services with
    ``directory:read``: e.g. the referrals service checks that an assignee is the receiver's staff)."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found("user")
    return schemas.UserMembership.model_validate(user)


@router.get(
    "/internal/users/{user_id}/contact",
    response_model=schemas.UserContact,
    tags=["internal"],
    responses=READ_RESPONSES,
)
async def user_contact(
    session: SessionDep,
    _: Annotated[Principal, Depends(require_service("directory:read"))],
    user_id: uuid.UUID,
) -> schemas.UserContact:
    """A staff member's name and work e-mail (Splot services with ``directory:read``: the referrals
    service names a referral's sending caseworker to the receiver)."""
    user = await session.get(User, user_id)
    if user is None:
        raise not_found("user")
    return schemas.UserContact.model_validate(user)


@router.patch(
    "/users/{user_id}", response_model=schemas.UserRead, tags=["accounts"], responses=WRITE_RESPONSES
)
async def update_user(
    *,
    session: SessionDep,
    actor: Staff,
    settings: Settings,
    now: Now,
    user_id: uuid.UUID,
    data: schemas.UserUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.UserRead:
    """Change a user's name, roles or analyst scope (the same grant rules as for a new user; no
    one but a system administrator changes their own roles). A role change ends the user's
    current access tokens."""
    user = await accounts.update_user(
        session, settings=settings, actor=actor, user_id=user_id, data=data, if_match=if_match
    )
    set_etag(response, user.id, user.version)
    return await accounts.user_read(session, settings=settings, user=user, now=now)


@router.post(
    "/users/{user_id}/deactivate",
    response_model=schemas.UserRead,
    tags=["accounts"],
    responses=WRITE_RESPONSES,
)
async def deactivate_user(
    session: SessionDep, actor: Staff, user_id: uuid.UUID, settings: Settings, now: Now
) -> schemas.UserRead:
    """Deactivate a user: they can no longer sign in and their sessions and access tokens end
    (nothing is deleted)."""
    user = await accounts.set_user_active(
        session, settings=settings, actor=actor, user_id=user_id, active=False
    )
    return await accounts.user_read(session, settings=settings, user=user, now=now)


@router.post(
    "/users/{user_id}/activate", response_model=schemas.UserRead, tags=["accounts"], responses=WRITE_RESPONSES
)
async def activate_user(
    session: SessionDep, actor: Staff, user_id: uuid.UUID, settings: Settings, now: Now
) -> schemas.UserRead:
    """Reactivate a user (also lifts the waits their failed sign-ins caused)."""
    user = await accounts.set_user_active(
        session, settings=settings, actor=actor, user_id=user_id, active=True
    )
    return await accounts.user_read(session, settings=settings, user=user, now=now)


@router.post(
    "/users/{user_id}/password",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["accounts"],
    responses=WRITE_RESPONSES,
)
async def reset_password(
    session: SessionDep, actor: Staff, user_id: uuid.UUID, data: schemas.PasswordReset, settings: Settings
) -> Response:
    """Set a new password for another user of your institution (ends their sessions and access
    tokens, lifts sign-in waits). Your own: POST /v1/me/password."""
    await accounts.reset_password(
        session, settings=settings, actor=actor, user_id=user_id, password=data.password
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/api-clients", response_model=schemas.ApiClientPage, tags=["api-clients"], responses=LIST_RESPONSES
)
async def list_api_clients(
    session: SessionDep, actor: Staff, cursor: Cursor = None, limit: Limit = None
) -> schemas.ApiClientPage:
    """Your institution's registered systems."""
    items, next_cursor = await api_clients.list_api_clients(session, actor=actor, cursor=cursor, limit=limit)
    return schemas.ApiClientPage(
        items=[api_clients.api_client_read(c) for c in items], next_cursor=next_cursor
    )


@router.post(
    "/api-clients",
    response_model=schemas.ApiClientWithSecret,
    status_code=status.HTTP_201_CREATED,
    tags=["api-clients"],
    responses=WRITE_RESPONSES,
)
async def create_api_client(
    session: SessionDep, actor: Staff, data: schemas.ApiClientCreate, response: Response
) -> schemas.ApiClientWithSecret:
    """Register a system of your institution; the secret is shown only in this response."""
    client, secret = await api_clients.create_api_client(session, actor=actor, data=data)
    response.headers["Location"] = f"api-clients/{client.id}"
    return schemas.ApiClientWithSecret(
        **api_clients.api_client_read(client).model_dump(), client_secret=secret
    )


@router.get(
    "/api-clients/{client_id}",
    response_model=schemas.ApiClientRead,
    tags=["api-clients"],
    responses=READ_RESPONSES,
)
async def get_api_client(session: SessionDep, actor: Staff, client_id: uuid.UUID) -> schemas.ApiClientRead:
    """One registered system."""
    return api_clients.api_client_read(
        await api_clients.get_api_client(session, actor=actor, client_id=client_id)
    )


@router.post(
    "/api-clients/{client_id}/rotate-secret",
    response_model=schemas.ApiClientWithSecret,
    tags=["api-clients"],
    responses=WRITE_RESPONSES,
)
async def rotate_api_client_secret(
    session: SessionDep, actor: Staff, client_id: uuid.UUID, settings: Settings
) -> schemas.ApiClientWithSecret:
    """Issue a new secret; the old one keeps working for a grace period."""
    client, secret = await api_clients.rotate_api_client_secret(
        session, actor=actor, client_id=client_id, grace_seconds=settings.secret_rotation_grace_seconds
    )
    return schemas.ApiClientWithSecret(
        **api_clients.api_client_read(client).model_dump(), client_secret=secret
    )


@router.post(
    "/api-clients/{client_id}/revoke",
    response_model=schemas.ApiClientRead,
    tags=["api-clients"],
    responses=WRITE_RESPONSES,
)
async def revoke_api_client(
    session: SessionDep, actor: Staff, client_id: uuid.UUID, settings: Settings
) -> schemas.ApiClientRead:
    """Revoke a system's access for good, including its access tokens issued so far."""
    return api_clients.api_client_read(
        await api_clients.revoke_api_client(session, settings=settings, actor=actor, client_id=client_id)
    )


@router.get("/audit-log", response_model=schemas.AuditPage, tags=["audit"], responses=LIST_RESPONSES)
async def list_audit_log(
    session: SessionDep,
    _: Auditor,
    institution_id: Annotated[
        uuid.UUID | None, Query(description="The target's or the actor's institution")
    ] = None,
    target_id: Annotated[str | None, Query(max_length=64, description="A user id or a client_id")] = None,
    action: schemas.AuditAction | None = None,
    since: IsoDate | None = None,
    until: IsoDate | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.AuditPage:
    """The directory's append-only audit trail of account and access changes, newest first
    (auditors and system administrators)."""
    items, next_cursor = await audit.list_audit(
        session,
        institution_id=institution_id,
        target_id=target_id,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )
    return schemas.AuditPage(
        items=[schemas.AuditEntryRead.model_validate(i) for i in items], next_cursor=next_cursor
    )


@router.get(
    "/token-revocations",
    response_model=schemas.TokenRevocationList,
    tags=["oauth"],
    responses=LIST_RESPONSES,
)
async def list_token_revocations(
    session: SessionDep,
    _: SplotService,
    after: Annotated[int, Query(ge=0, le=2**62, description="The highest id already seen")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> schemas.TokenRevocationList:
    """Access tokens revoked before their expiry (deactivated or changed accounts, ended
    sessions, revoked clients, deactivated institutions), oldest first, for Splot services."""
    rows = await revocations.list_revocations(session, after=after, limit=limit)
    return schemas.TokenRevocationList(items=[schemas.TokenRevocationRead.model_validate(r) for r in rows])
