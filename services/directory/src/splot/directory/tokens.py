"""OAuth2 grants: tokens for a signed-in user (the password check and its throttling are in
:mod:`splot.directory.signin`), refresh_token (rotation with reuse detection) and
client_credentials (institutions' systems and Splot services); sign-out."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common import jwt
from splot.common.db import rows_affected, utcnow
from splot.common.errors import Problem
from splot.directory import revocations
from splot.directory.config import DirectorySettings
from splot.directory.models import ApiClient, Institution, RefreshToken, User
from splot.directory.security import (
    access_token_claims,
    active_key,
    new_secret,
    password_work,
    sha256,
    verify_password,
)


@dataclass
class IssuedTokens:
    access_token: str
    expires_in: int
    scope: str
    refresh_token: str | None = None


class RefreshTokenReused(Exception):
    """Raised instead of answering, so the caller can revoke the family in a transaction of its
    own (the request's transaction is rolled back with the error)."""

    def __init__(self, family_id: uuid.UUID) -> None:
        super().__init__("refresh token reused")
        self.family_id = family_id


def invalid_grant(detail: str = "the credentials are not valid") -> Problem:
    """RFC 6749 §5.2: a grant that is wrong, expired or revoked is a 400 ``invalid_grant``
    (only the client's own authentication failing is a 401 ``invalid_client``)."""
    return Problem(400, "invalid_grant", detail, error="invalid_grant")


async def _sign(session: AsyncSession, settings: DirectorySettings, claims: dict[str, object]) -> str:
    kid, pem = await active_key(session, key_ring=settings.key_ring)
    return jwt.encode(claims, private_pem=pem, kid=kid)


async def _user_access_token(
    session: AsyncSession, settings: DirectorySettings, user: User, family_id: uuid.UUID
) -> IssuedTokens:
    institution = await session.get(Institution, user.institution_id)
    claims = access_token_claims(
        subject=str(user.id),
        ptype="user",
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        ttl_seconds=settings.user_token_ttl_seconds,
        institution=institution,
        roles=list(user.roles),
        scopes=[],
        analyst_scope=user.analyst_scope,
        security_stamp=user.security_stamp,
        session_id=str(family_id),
    )
    token = await _sign(session, settings, claims)
    return IssuedTokens(access_token=token, expires_in=settings.user_token_ttl_seconds, scope="")


async def issue_for_user(session: AsyncSession, *, settings: DirectorySettings, user: User) -> IssuedTokens:
    """A new sign-in session: an access token and the first refresh token of a new family."""
    # A Core UPDATE, not an attribute change: sign-in bookkeeping must not bump the user's
    # version (its ETag) nor fail when the same person signs in twice at once.
    await session.execute(update(User).where(User.id == user.id).values(last_login_at=utcnow()))
    family_id = uuid.uuid4()
    tokens = await _user_access_token(session, settings, user, family_id)
    tokens.refresh_token = await _new_refresh_token(session, settings, user, family_id)
    return tokens


async def _new_refresh_token(
    session: AsyncSession, settings: DirectorySettings, user: User, family_id: uuid.UUID
) -> str:
    raw = new_secret()
    now = utcnow()
    session.add(
        RefreshToken(
            family_id=family_id,
            user_id=user.id,
            token_hash=sha256(raw),
            issued_at=now,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
    )
    await session.flush()
    return raw


async def refresh_grant(
    session: AsyncSession, *, settings: DirectorySettings, raw_token: str
) -> IssuedTokens:
    stored = (
        await session.scalars(select(RefreshToken).where(RefreshToken.token_hash == sha256(raw_token)))
    ).first()
    now = utcnow()
    if stored is None:
        raise invalid_grant("the refresh token is not valid")
    if stored.used_at is not None or stored.revoked_at is not None:
        # A used token presented again means it was stolen (or replayed): end the whole session.
        raise RefreshTokenReused(stored.family_id)
    if stored.expires_at <= now:
        raise invalid_grant("the session has expired; sign in again")
    user = await session.get(User, stored.user_id)
    if user is None or not user.active:
        raise invalid_grant("the account is inactive")
    institution = await session.get(Institution, user.institution_id)
    if institution is None or not institution.active:
        raise invalid_grant("the institution is not active")
    # Claim the token atomically: of two concurrent uses only one may succeed.
    claimed = await session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.id == stored.id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None)
        )
        .values(used_at=now)
    )
    if rows_affected(claimed) != 1:
        raise RefreshTokenReused(stored.family_id)
    tokens = await _user_access_token(session, settings, user, stored.family_id)
    tokens.refresh_token = await _new_refresh_token(session, settings, user, stored.family_id)
    return tokens


async def revoke_family(session: AsyncSession, *, settings: DirectorySettings, family_id: uuid.UUID) -> None:
    """End a sign-in session: its refresh tokens, and (a ``session`` revocation) the access
    tokens issued in it."""
    ended = await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    if rows_affected(ended):
        await revocations.end_session(session, settings=settings, family_id=family_id)


async def logout(session: AsyncSession, *, settings: DirectorySettings, raw_token: str | None) -> None:
    if not raw_token:
        return
    stored = (
        await session.scalars(select(RefreshToken).where(RefreshToken.token_hash == sha256(raw_token)))
    ).first()
    if stored is not None:
        await revoke_family(session, settings=settings, family_id=stored.family_id)


async def client_credentials_grant(
    session: AsyncSession,
    *,
    sessionmaker: async_sessionmaker[AsyncSession],
    settings: DirectorySettings,
    client_id: str,
    client_secret: str,
    requested_scope: str | None,
) -> IssuedTokens:
    # Read in a short transaction of its own and verify the secret outside any: argon2 takes a
    # while, and SQLite's single write lock must not wait for it (services sign in together).
    async with sessionmaker() as read:
        client = (await read.scalars(select(ApiClient).where(ApiClient.client_id == client_id))).first()
        if client is not None:
            read.expunge(client)
    now = utcnow()
    valid = False
    if client is not None and client.revoked_at is None:
        valid = await password_work(verify_password, client.secret_hash, client_secret) or (
            client.previous_secret_hash is not None
            and client.previous_secret_expires_at is not None
            and client.previous_secret_expires_at > now
            and await password_work(verify_password, client.previous_secret_hash, client_secret)
        )
    else:
        await password_work(verify_password, None, client_secret)
    if client is None or not valid:
        raise Problem(
            401,
            "invalid_client",
            "unknown client or wrong secret",
            error="invalid_client",
            headers={"WWW-Authenticate": 'Basic realm="splot"'},
        )
    allowed = set(client.scopes)
    scopes = set(requested_scope.split()) if requested_scope else allowed
    if not scopes.issubset(allowed):
        raise Problem(400, "invalid_scope", "the client may not request these scopes", error="invalid_scope")
    institution = await session.get(Institution, client.institution_id) if client.institution_id else None
    if client.kind == "client" and (institution is None or not institution.active):
        raise Problem(401, "invalid_client", "the client's institution is not active", error="invalid_client")
    await session.execute(update(ApiClient).where(ApiClient.id == client.id).values(last_used_at=now))
    claims = access_token_claims(
        subject=client.client_id,
        ptype="service" if client.kind == "service" else "client",
        issuer=settings.jwt_issuer,
        audience=settings.jwt_audience,
        ttl_seconds=settings.client_token_ttl_seconds,
        institution=institution,
        roles=[],
        scopes=sorted(scopes),
    )
    token = await _sign(session, settings, claims)
    return IssuedTokens(
        access_token=token, expires_in=settings.client_token_ttl_seconds, scope=" ".join(sorted(scopes))
    )
