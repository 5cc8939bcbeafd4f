"""Credentials and signing keys: argon2 password hashes, client secrets, refresh tokens, the RS256
key ring (private keys encrypted at rest) and access-token issuance."""

from __future__ import annotations

import asyncio
import hashlib
import os
import secrets
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any, TypeVar

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common import jwt
from splot.common.db import utcnow
from splot.common.keyring import KeyRing, Reencryption, reencrypt_column
from splot.directory.models import SigningKey

#: Argon2id as the OWASP Password Storage Cheat Sheet recommends it (19 MiB, 2 passes, one lane):
#: ≈23 ms of CPU per check here against ≈195 ms for argon2-cffi's defaults (64 MiB, 3 passes,
#: 4 lanes), whose 4 lanes also oversubscribed a 2-core machine at the morning sign-in peak
#: (issue #17; docs/operations.md, "Sizing"). Hashes made with other parameters still verify and
#: are replaced at the next successful sign-in (``needs_rehash``).
_hasher = PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1)
# Verified against when the login is unknown, so that timing does not reveal which logins exist.
_DUMMY_HASH = _hasher.hash("not-a-real-password-" + secrets.token_hex(8))
#: Password work runs here, never on the event loop: one thread per core this process may use, so
#: that a burst of sign-ins queues instead of slicing the CPU among more hashes than cores.
_PASSWORD_POOL = ThreadPoolExecutor(
    max_workers=max(
        1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    ),
    thread_name_prefix="argon2",
)
T = TypeVar("T")


async def password_work(fn: Callable[..., T], *args: Any) -> T:
    """``fn(*args)`` (hashing or verifying) in the password threads."""
    return await asyncio.get_running_loop().run_in_executor(_PASSWORD_POOL, fn, *args)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def needs_rehash(password_hash: str) -> bool:
    """Made with other parameters than today's (e.g. before issue #17): replace it."""
    try:
        return _hasher.check_needs_rehash(password_hash)
    except InvalidHashError:
        return False


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def sha256(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


async def create_signing_key(session: AsyncSession, *, key_ring: KeyRing) -> SigningKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    kid = utcnow().strftime("%Y%m%d%H%M%S-") + secrets.token_hex(4)
    key = SigningKey(
        kid=kid,
        private_key_encrypted=key_ring.encrypt(private_pem),
        public_jwk=jwt.public_jwk_from_pem(public_pem, kid),
        created_at=utcnow(),
        activated_at=utcnow(),
    )
    session.add(key)
    await session.flush()
    return key


def _published() -> Any:
    now = utcnow()
    return or_(SigningKey.retired_at.is_(None), SigningKey.retired_at > now)


async def active_key(session: AsyncSession, *, key_ring: KeyRing) -> tuple[str, str]:
    """The (kid, private PEM) to sign with: the newest activated, unretired key, created if none."""
    key = (
        await session.scalars(
            select(SigningKey)
            .where(SigningKey.activated_at.is_not(None), SigningKey.retired_at.is_(None))
            .order_by(SigningKey.activated_at.desc(), SigningKey.kid.desc())
            .limit(1)
        )
    ).first()
    if key is None:
        key = await create_signing_key(session, key_ring=key_ring)
    pem = key_ring.decrypt(key.private_key_encrypted)
    return key.kid, pem


async def rotate_keys(session: AsyncSession, *, key_ring: KeyRing, grace: timedelta) -> SigningKey:
    """Start signing with a new key; old keys stay in the JWKS for ``grace`` (the longest token
    lifetime) so that tokens already issued keep verifying: rotation without downtime."""
    old_keys = (await session.scalars(select(SigningKey).where(SigningKey.retired_at.is_(None)))).all()
    new = await create_signing_key(session, key_ring=key_ring)
    for key in old_keys:
        key.retired_at = utcnow() + grace
    await session.flush()
    return new


async def reencrypt_signing_keys(session: AsyncSession, *, key_ring: KeyRing) -> Reencryption:
    """Encrypt every stored private signing key (retired ones too) with the first key-encryption
    key, so that the others can be dropped. The signing keys themselves do not change."""
    return await reencrypt_column(
        session, key_ring, model=SigningKey, key="kid", column="private_key_encrypted"
    )


async def published_jwks(session: AsyncSession) -> list[dict[str, Any]]:
    keys = (await session.scalars(select(SigningKey).where(_published()).order_by(SigningKey.kid))).all()
    return [dict(k.public_jwk) for k in keys]


class OwnKeys:
    """The directory verifies the tokens it issued straight from its key table."""

    def __init__(self, app_state: Any) -> None:
        self._state = app_state

    async def get_key(self, kid: str) -> dict[str, Any] | None:
        maker: async_sessionmaker[AsyncSession] = self._state.sessionmaker
        async with maker() as session:
            key = (
                await session.scalars(select(SigningKey).where(SigningKey.kid == kid, _published()))
            ).first()
            return dict(key.public_jwk) if key else None


def access_token_claims(
    *,
    subject: str,
    ptype: str,
    issuer: str,
    audience: str,
    ttl_seconds: int,
    institution: Any | None,
    roles: list[str],
    scopes: list[str],
    analyst_scope: str | None = None,
    security_stamp: int | None = None,
    session_id: str | None = None,
) -> dict[str, Any]:
    """Staff tokens also carry ``stp`` (the account's security stamp) and ``sid`` (the sign-in
    session, i.e. the refresh-token family), which revocations match on."""
    now = utcnow()
    claims: dict[str, Any] = {
        "iss": issuer,
        "aud": audience,
        "sub": subject,
        "ptype": ptype,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int((now + timedelta(seconds=ttl_seconds)).timestamp()),
        "jti": uuid.uuid4().hex,
        "roles": roles,
        "scope": " ".join(sorted(scopes)),
    }
    if institution is not None:
        claims.update(inst=str(institution.id), inst_type=institution.type, teryt=institution.teryt)
    if analyst_scope is not None:
        claims["analyst_scope"] = analyst_scope
    if security_stamp is not None:
        claims["stp"] = security_stamp
    if session_id is not None:
        claims["sid"] = session_id
    return claims
