"""Authentication and authorisation for every service.

Tokens are RS256 JWTs issued by the directory. Services verify them against the directory's JWKS,
fetched over HTTP and cached; an unknown ``kid`` triggers one refresh (key rotation), rate-limited
so that garbage tokens cannot make us hammer the directory.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Annotated, Any, Protocol

import httpx
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from splot.common import jwt, ratelimit
from splot.common.errors import Problem
from splot.common.revocation import RevocationList


class Role(StrEnum):
    caseworker = "caseworker"
    coordinator = "coordinator"
    institution_admin = "institution_admin"
    analyst = "analyst"
    auditor = "auditor"
    system_admin = "system_admin"


class PrincipalKind(StrEnum):
    user = "user"  # a staff member signed in through the SPA
    client = "client"  # an institution's own system (client credentials)
    service = "service"  # another Splot service


@dataclass(frozen=True)
class Principal:
    subject: str
    kind: PrincipalKind
    institution_id: uuid.UUID | None
    institution_type: str | None
    teryt: str | None
    roles: frozenset[str] = field(default_factory=frozenset)
    scopes: frozenset[str] = field(default_factory=frozenset)
    token_id: str | None = None
    #: Analysts' territorial scope: "" national, 2 digits voivodeship, 4 digits powiat.
    analyst_scope: str | None = None

    def has_role(self, *roles: str) -> bool:
        return bool(self.roles.intersection(roles))

    def has_scope(self, *scopes: str) -> bool:
        return set(scopes).issubset(self.scopes)

    @property
    def is_service(self) -> bool:
        return self.kind is PrincipalKind.service

    @classmethod
    def from_claims(cls, claims: dict[str, Any]) -> Principal:
        inst = claims.get("inst")
        try:
            kind = PrincipalKind(claims.get("ptype", PrincipalKind.user))
            institution_id = uuid.UUID(inst) if inst else None
        except ValueError as exc:
            raise jwt.TokenError("token claims not accepted") from exc
        scope = claims.get("scope") or ""
        roles = claims.get("roles") or []
        if not isinstance(scope, str) or not isinstance(roles, list):
            raise jwt.TokenError("token claims not accepted")
        return cls(
            subject=str(claims["sub"]),
            kind=kind,
            institution_id=institution_id,
            institution_type=claims.get("inst_type"),
            teryt=claims.get("teryt"),
            roles=frozenset(str(r) for r in roles),
            scopes=frozenset(scope.split()),
            token_id=claims.get("jti"),
            analyst_scope=claims.get("analyst_scope"),
        )


class KeySource(Protocol):
    async def get_key(self, kid: str) -> dict[str, Any] | None: ...


class JwksClient:
    """Fetches and caches a JWKS document; refreshes on expiry or on an unknown key id."""

    def __init__(
        self,
        url: str,
        *,
        cache_seconds: int = 300,
        min_refresh_interval: float = 10.0,
        http: httpx.AsyncClient | None = None,
    ) -> None:
        self.url = url
        self.cache_seconds = cache_seconds
        self.min_refresh_interval = min_refresh_interval
        self._http = http
        self._keys: dict[str, dict[str, Any]] = {}
        self._fetched_at = 0.0
        self._lock = asyncio.Lock()
        self.fetch_count = 0

    async def _fetch(self) -> None:
        client = self._http or httpx.AsyncClient(timeout=5.0)
        try:
            response = await client.get(self.url)
            response.raise_for_status()
            document = response.json()
        finally:
            if self._http is None:
                await client.aclose()
        keys = {
            key["kid"]: key
            for key in document.get("keys", [])
            if key.get("kty") == "RSA" and key.get("kid") and key.get("alg", jwt.ALGORITHM) == jwt.ALGORITHM
        }
        self._keys = keys
        self._fetched_at = time.monotonic()
        self.fetch_count += 1

    def _stale(self) -> bool:
        return time.monotonic() - self._fetched_at > self.cache_seconds

    async def get_key(self, kid: str) -> dict[str, Any] | None:
        if kid in self._keys and not self._stale():
            return self._keys[kid]
        async with self._lock:
            if kid in self._keys and not self._stale():
                return self._keys[kid]
            # An unknown kid may mean the directory rotated keys; refetch, but not more often
            # than min_refresh_interval so that forged kids cannot flood the directory.
            recently = time.monotonic() - self._fetched_at < self.min_refresh_interval
            if self._stale() or not recently:
                try:
                    await self._fetch()
                except (httpx.HTTPError, ValueError) as exc:
                    if kid not in self._keys:
                        raise Problem(
                            503,
                            "keys_unavailable",
                            "token keys cannot be fetched now",
                            headers={"Retry-After": "5"},
                        ) from exc
        return self._keys.get(kid)


class StaticKeys:
    """A fixed key set (used by the directory for its own keys and by tests)."""

    def __init__(self, loader: Callable[[], Awaitable[dict[str, dict[str, Any]]]]) -> None:
        self._loader = loader

    async def get_key(self, kid: str) -> dict[str, Any] | None:
        return (await self._loader()).get(kid)


@dataclass
class TokenVerifier:
    keys: KeySource
    issuer: str
    audience: str
    #: Tokens revoked before they expire (see :mod:`splot.common.revocation`).
    revocations: RevocationList = field(default_factory=RevocationList)

    #: Tokens already verified: token -> (the key that verified it, its claims, its principal).
    #: A caller sends the same token with every request; checking its RSA signature and claims
    #: again each time cost ≈ 5 % of a request's CPU (issue #17). Only successes are kept; the
    #: key must still be the one the key source gives for the ``kid``, and expiry and revocation
    #: are checked on every use.
    _verified: dict[str, tuple[dict[str, Any], dict[str, Any], Principal]] = field(
        default_factory=dict, repr=False, compare=False
    )

    async def verify(self, token: str) -> Principal:
        header = jwt.unverified_header(token)
        key = await self.keys.get_key(header["kid"])
        if key is None:
            raise jwt.TokenError("token signed with an unknown key")
        cached = self._verified.get(token)
        if cached is not None and (cached[0] is key or cached[0] == key) and jwt.unexpired(cached[1]):
            claims, principal = cached[1], cached[2]
        else:
            claims = jwt.decode(token, public_jwk=key, issuer=self.issuer, audience=self.audience)
            principal = Principal.from_claims(claims)
            if len(self._verified) >= _VERIFIED_MAX:
                self._verified.clear()
            self._verified[token] = (key, claims, principal)
        if self.revocations.is_revoked(claims):
            raise jwt.TokenError("token revoked")
        return principal


#: Bounds the verified tokens kept (a few per signed-in caller; emptied when full).
_VERIFIED_MAX = 4096


_bearer = HTTPBearer(auto_error=False, description="Access token issued by the directory")


def _unauthenticated(detail: str) -> Problem:
    return Problem(401, "unauthenticated", detail, headers={"WWW-Authenticate": "Bearer"})


async def authenticate(request: Request, token: str) -> Principal:
    verifier: TokenVerifier = request.app.state.token_verifier
    try:
        principal = await verifier.verify(token)
    except jwt.TokenError as exc:
        ratelimit.check(request, "source:" + _source(request))
        raise _unauthenticated(str(exc)) from exc
    request.state.principal = principal
    if not principal.is_service:
        ratelimit.check(request, f"{principal.kind}:{principal.subject}")
    return principal


def _source(request: Request) -> str:
    return request.client.host if request.client else "unknown"


async def current_principal(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Principal:
    if credentials is None or credentials.scheme.lower() != "bearer" or not credentials.credentials:
        ratelimit.check(request, "source:" + _source(request))
        raise _unauthenticated("a bearer access token is required")
    return await authenticate(request, credentials.credentials)


CurrentPrincipal = Annotated[Principal, Depends(current_principal)]


def require_roles(*roles: str) -> Callable[..., Awaitable[Principal]]:
    """Dependency: the caller must hold at least one of ``roles``."""
    wanted = frozenset(roles)

    async def _check(principal: CurrentPrincipal) -> Principal:
        if not principal.roles.intersection(wanted):
            raise Problem(403, "forbidden", "your role does not allow this")
        return principal

    return _check


def require_scopes(*scopes: str) -> Callable[..., Awaitable[Principal]]:
    """Dependency: the caller's token must carry every one of ``scopes``."""
    wanted = frozenset(scopes)

    async def _check(principal: CurrentPrincipal) -> Principal:
        if not wanted.issubset(principal.scopes):
            raise Problem(
                403, "insufficient_scope", "the token lacks a required scope", required_scopes=sorted(wanted)
            )
        return principal

    return _check


def require_service(*scopes: str) -> Callable[..., Awaitable[Principal]]:
    """Dependency: only another Splot service's token carrying ``scopes``."""
    wanted = frozenset(scopes)

    async def _check(principal: CurrentPrincipal) -> Principal:
        if not principal.is_service or not wanted.issubset(principal.scopes):
            raise Problem(403, "service_token_required", "this endpoint is for Splot services only")
        return principal

    return _check


def roles_of(values: Iterable[str]) -> frozenset[str]:
    return frozenset(Role(v).value for v in values)
