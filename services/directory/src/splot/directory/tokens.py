"""OAuth2 grants: password (staff, with a rotating refresh token), refresh_token (with reuse
detection) and client_credentials (institutions' systems and Splot services); sign-in throttling
and account lockout."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import jwt
from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.directory.config import DirectorySettings
from splot.directory.models import ApiClient, Institution, LoginAttempt, RefreshToken, User
from splot.directory.security import (
    access_token_claims,
    active_key,
    new_secret,
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
    return Problem(401, "invalid_grant", detail, error="invalid_grant")


async def _sign(session: AsyncSession, settings: DirectorySettings, claims: dict[str, object]) -> str:
    kid, pem = await active_key(session, key_encryption_key=settings.key_encryption_key.get_secret_value())
    return jwt.encode(claims, private_pem=pem, kid=kid)


async def _user_access_token(session: AsyncSession, settings: DirectorySettings, user: User) -> IssuedTokens:
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
    )
    token = await _sign(session, settings, claims)
    return IssuedTokens(access_token=token, expires_in=settings.user_token_ttl_seconds, scope="")


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


async def _throttle(session: AsyncSession, settings: DirectorySettings, source: str) -> None:
    since = utcnow() - timedelta(seconds=settings.throttle_window_seconds)
    failures = (
        await session.scalar(
            select(func.count())
            .select_from(LoginAttempt)
            .where(
                LoginAttempt.source == source,
                LoginAttempt.success.is_(False),
                LoginAttempt.attempted_at > since,
            )
        )
    ) or 0
    if failures >= settings.throttle_max_failures:
        raise Problem(
            429,
            "too_many_attempts",
            "too many failed sign-ins from here; wait and try again",
            headers={"Retry-After": str(settings.throttle_window_seconds)},
        )


async def password_grant(
    session: AsyncSession, *, settings: DirectorySettings, username: str, password: str, source: str
) -> IssuedTokens:
    """Returns tokens, or raises. Failed attempts are recorded by the caller's separate commit:
    see :func:`record_attempt` (the request's own transaction rolls back on failure)."""
    await _throttle(session, settings, source)
    login = username.strip().lower()
    user = (await session.scalars(select(User).where(User.email == login))).first()
    now = utcnow()
    if user is not None and user.locked_until is not None and user.locked_until > now:
        raise Problem(
            423,
            "account_locked",
            "the account is locked after repeated failed sign-ins",
            headers={"Retry-After": str(int((user.locked_until - now).total_seconds()) + 1)},
        )
    # argon2 costs ~0.2 s of CPU by design: off the event loop, or one sign-in stalls every request.
    valid = await asyncio.to_thread(verify_password, user.password_hash if user else None, password)
    if user is None or not valid or not user.active:
        raise invalid_grant("wrong login or password, or the account is inactive")
    institution = await session.get(Institution, user.institution_id)
    if institution is None or not institution.active:
        raise invalid_grant("the institution is not active")
    # Core UPDATEs, not attribute changes: sign-in bookkeeping must not bump the user's version
    # (its ETag) nor fail when the same person signs in twice at once.
    await session.execute(
        update(User).where(User.id == user.id).values(failed_logins=0, locked_until=None, last_login_at=now)
    )
    tokens = await _user_access_token(session, settings, user)
    tokens.refresh_token = await _new_refresh_token(session, settings, user, uuid.uuid4())
    return tokens


async def record_attempt(
    session: AsyncSession, *, settings: DirectorySettings, username: str, source: str, success: bool
) -> None:
    """Record a sign-in attempt and lock the account on repeated failure. The caller commits this
    separately from the failed request, whose own transaction is rolled back."""
    login = username.strip().lower()
    session.add(LoginAttempt(source=source, login_hash=sha256(login), attempted_at=utcnow(), success=success))
    if not success:
        failures = (
            await session.execute(
                update(User)
                .where(User.email == login)
                .values(failed_logins=User.failed_logins + 1)
                .returning(User.failed_logins)
            )
        ).scalar()
        if failures is not None and failures >= settings.lockout_threshold:
            await session.execute(
                update(User)
                .where(User.email == login)
                .values(failed_logins=0, locked_until=utcnow() + timedelta(minutes=settings.lockout_minutes))
            )
    await session.flush()


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
    # Claim the token atomically: of two concurrent uses only one may succeed.
    claimed = await session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.id == stored.id, RefreshToken.used_at.is_(None), RefreshToken.revoked_at.is_(None)
        )
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        raise RefreshTokenReused(stored.family_id)
    tokens = await _user_access_token(session, settings, user)
    tokens.refresh_token = await _new_refresh_token(session, settings, user, stored.family_id)
    return tokens


async def revoke_family(session: AsyncSession, *, family_id: uuid.UUID) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def logout(session: AsyncSession, *, raw_token: str | None) -> None:
    if not raw_token:
        return
    stored = (
        await session.scalars(select(RefreshToken).where(RefreshToken.token_hash == sha256(raw_token)))
    ).first()
    if stored is not None:
        await revoke_family(session, family_id=stored.family_id)


async def client_credentials_grant(
    session: AsyncSession,
    *,
    settings: DirectorySettings,
    client_id: str,
    client_secret: str,
    requested_scope: str | None,
) -> IssuedTokens:
    client = (await session.scalars(select(ApiClient).where(ApiClient.client_id == client_id))).first()
    now = utcnow()
    valid = False
    if client is not None and client.revoked_at is None:
        valid = await asyncio.to_thread(verify_password, client.secret_hash, client_secret) or (
            client.previous_secret_hash is not None
            and client.previous_secret_expires_at is not None
            and client.previous_secret_expires_at > now
            and await asyncio.to_thread(verify_password, client.previous_secret_hash, client_secret)
        )
    else:
        await asyncio.to_thread(verify_password, None, client_secret)
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
