"""Token verification: every forgery the issue lists must be refused with a 401."""

import base64
import hashlib
import hmac
import json
import time
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI

from splot.common import jwt
from splot.common.auth import JwksClient, Principal, PrincipalKind, TokenVerifier
from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.common.revocation import Revocation
from splot.common.testing import TEST_AUDIENCE, TEST_ISSUER, RsaKey


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unsigned(header: dict, claims: dict) -> str:
    return _b64(json.dumps(header).encode()) + "." + _b64(json.dumps(claims).encode())


async def _status(client, token: str) -> int:
    response = await client.get("/v1/widgets", headers={"Authorization": f"Bearer {token}"})
    if response.status_code == 401:
        assert response.headers["content-type"] == "application/problem+json"
        assert response.json()["code"] == "unauthenticated"
    return response.status_code


async def test_valid_token_is_accepted(client, tokens):
    assert await _status(client, tokens.token()) == 200


async def test_missing_token_is_401(client):
    response = await client.get("/v1/widgets")
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


async def test_hs256_signed_with_the_rsa_public_key_is_rejected(client, tokens, test_key):
    claims = tokens.claims()
    signing_input = _unsigned({"alg": "HS256", "typ": "JWT", "kid": test_key.kid}, claims)
    signature = hmac.new(test_key.public_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
    assert await _status(client, signing_input + "." + _b64(signature)) == 401


async def test_alg_none_is_rejected(client, tokens, test_key):
    token = _unsigned({"alg": "none", "typ": "JWT", "kid": test_key.kid}, tokens.claims()) + "."
    assert await _status(client, token) == 401


async def test_expired_token_is_rejected(client, tokens):
    now = int(time.time())
    assert await _status(client, tokens.token(iat=now - 600, nbf=now - 600, exp=now - 10)) == 401


async def test_not_yet_valid_token_is_rejected(client, tokens):
    now = int(time.time())
    assert await _status(client, tokens.token(nbf=now + 600, exp=now + 900)) == 401


async def test_wrong_issuer_is_rejected(client, tokens):
    assert await _status(client, tokens.token(iss="someone-else")) == 401


async def test_wrong_audience_is_rejected(client, tokens):
    assert await _status(client, tokens.token(aud="another-system")) == 401


async def test_unknown_kid_is_rejected(client, tokens):
    stranger = RsaKey.generate("unknown-kid")
    token = jwt.encode(tokens.claims(), private_pem=stranger.private_pem, kid=stranger.kid)
    assert await _status(client, token) == 401


async def test_key_not_matching_kid_is_rejected(client, tokens, test_key):
    stranger = RsaKey.generate(test_key.kid)  # same kid, different key
    token = jwt.encode(tokens.claims(), private_pem=stranger.private_pem, kid=stranger.kid)
    assert await _status(client, token) == 401


async def test_tampered_claims_are_rejected(client, tokens):
    header, payload, signature = tokens.token(roles=["caseworker"]).split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims["roles"] = ["system_admin"]
    forged = ".".join([header, _b64(json.dumps(claims).encode()), signature])
    assert await _status(client, forged) == 401


async def test_garbage_is_rejected(client):
    assert await _status(client, "not.a.token") == 401
    assert await _status(client, "x") == 401


async def test_token_without_jti_is_rejected(client, tokens):
    claims = tokens.claims()
    del claims["jti"]
    token = jwt.encode(claims, private_pem=tokens.key.private_pem, kid=tokens.key.kid)
    assert await _status(client, token) == 401


async def test_require_roles(client, tokens):
    assert (
        await client.get("/v1/admin-only", headers=tokens.headers(roles=["caseworker"]))
    ).status_code == 403
    assert (
        await client.get("/v1/admin-only", headers=tokens.headers(roles=["system_admin"]))
    ).status_code == 204


async def test_require_scopes(client, tokens):
    without = await client.get("/v1/scoped", headers=tokens.headers(scope="other:read"))
    assert without.status_code == 403 and without.json()["code"] == "insufficient_scope"
    assert (
        await client.get("/v1/scoped", headers=tokens.headers(scope="widgets:read other:x"))
    ).status_code == 204


def test_principal_from_claims(tokens):
    claims = tokens.claims(
        roles=["coordinator"], scope="a:b c:d", institution_id="7f0c7e4e-0000-4000-8000-000000000001"
    )
    principal = Principal.from_claims(claims)
    assert principal.kind is PrincipalKind.user
    assert principal.has_role("coordinator") and not principal.has_role("system_admin")
    assert principal.scopes == {"a:b", "c:d"}
    assert str(principal.institution_id) == "7f0c7e4e-0000-4000-8000-000000000001"


def _jwks_app(keys: list[RsaKey]) -> tuple[FastAPI, dict]:
    app = FastAPI()
    calls = {"n": 0}

    @app.get("/jwks")
    async def jwks() -> dict:
        calls["n"] += 1
        return {"keys": [k.jwk for k in keys]}

    return app, calls


async def test_jwks_client_caches_and_refreshes_on_unknown_kid(tokens, test_key):
    published = [test_key]
    app, calls = _jwks_app(published)
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://directory")
    client = JwksClient("http://directory/jwks", cache_seconds=300, min_refresh_interval=0, http=http)
    verifier = TokenVerifier(keys=client, issuer="splot-directory", audience="splot")

    assert (await verifier.verify(tokens.token(sub="a"))).subject == "a"
    assert (await verifier.verify(tokens.token(sub="b"))).subject == "b"
    assert calls["n"] == 1  # cached

    rotated = RsaKey.generate("rotated-key")
    published.append(rotated)
    token = jwt.encode(tokens.claims(sub="c"), private_pem=rotated.private_pem, kid=rotated.kid)
    assert (await verifier.verify(token)).subject == "c"
    assert calls["n"] == 2  # refreshed once for the new kid
    await http.aclose()


async def test_jwks_client_limits_refreshes_for_unknown_kids(test_key):
    app, calls = _jwks_app([test_key])
    http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://directory")
    client = JwksClient("http://directory/jwks", min_refresh_interval=60, http=http)
    assert await client.get_key(test_key.kid) is not None
    for i in range(5):
        assert await client.get_key(f"forged-{i}") is None
    assert calls["n"] == 1
    await http.aclose()


async def test_jwks_unreachable_is_a_503_not_a_crash(test_key):
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    http = httpx.AsyncClient(transport=httpx.MockTransport(refuse))
    client = JwksClient("http://directory/jwks", http=http)
    with pytest.raises(Problem) as excinfo:
        await client.get_key(test_key.kid)
    assert excinfo.value.status == 503
    await http.aclose()


def test_a_jwks_key_object_is_built_once_not_per_token(tokens, test_key, monkeypatch):
    """Issue #17: the JWK was turned into an RSA key object on every request (≈6 % of its CPU)."""
    built: list[str] = []
    construct = jwt.jwk.construct

    def counting(key, algorithm=None):
        built.append(key["kid"] if isinstance(key, dict) else "pem")
        return construct(key, algorithm=algorithm)

    monkeypatch.setattr(jwt.jwk, "construct", counting)
    jwt._verifying_key.cache_clear()
    fresh = RsaKey.generate("cached-kid")
    for sub in ("a", "b", "c"):
        token = jwt.encode(tokens.claims(sub=sub), private_pem=fresh.private_pem, kid=fresh.kid)
        claims = jwt.decode(token, public_jwk=fresh.jwk, issuer=TEST_ISSUER, audience=TEST_AUDIENCE)
        assert claims["sub"] == sub
    assert built.count("cached-kid") == 1
    # a different key with the same kid is a different key object: its tokens do not verify
    stranger = RsaKey.generate("cached-kid")
    token = jwt.encode(tokens.claims(), private_pem=stranger.private_pem, kid=stranger.kid)
    with pytest.raises(jwt.TokenError):
        jwt.decode(token, public_jwk=fresh.jwk, issuer=TEST_ISSUER, audience=TEST_AUDIENCE)
    # a JWK that is no RSA key is a refused token, not a crash
    with pytest.raises(jwt.TokenError):
        jwt.decode(token, public_jwk={**fresh.jwk, "n": "AA"}, issuer=TEST_ISSUER, audience=TEST_AUDIENCE)


class _Keys:
    """A key source whose keys the test swaps (a JWKS refreshed after rotation)."""

    def __init__(self, keys: dict[str, dict]) -> None:
        self.keys = keys

    async def get_key(self, kid: str) -> dict | None:
        return self.keys.get(kid)


async def test_a_verified_token_is_not_verified_again_but_still_checked(tokens, test_key, monkeypatch):
    """Issue #17: a caller's token is verified once (signature and claims), not on every request;
    the key, expiry and revocation are still checked on every use."""
    keys = _Keys({test_key.kid: test_key.jwk})
    verifier = TokenVerifier(keys=keys, issuer=TEST_ISSUER, audience=TEST_AUDIENCE)
    decoded: list[str] = []
    decode = jwt.decode

    def counting(token: str, **kwargs):
        decoded.append(token)
        return decode(token, **kwargs)

    monkeypatch.setattr(jwt, "decode", counting)
    now = int(time.time())
    token = tokens.token(sub="a", iat=now, nbf=now, exp=now + 60, jti="j-1")
    first = await verifier.verify(token)
    assert (await verifier.verify(token)) == first and first.subject == "a"
    assert decoded == [token]
    # expired since: refused, although it verified before
    with monkeypatch.context() as m:
        m.setattr(jwt, "timegm", lambda _t: now + 61)
        m.setattr("jose.jwt.timegm", lambda _t: now + 61)
        with pytest.raises(jwt.TokenError):
            await verifier.verify(token)
    # the key of that kid is another one now (rotation): the token is verified against it, and fails
    stranger = RsaKey.generate(test_key.kid)
    keys.keys = {test_key.kid: stranger.jwk}
    with pytest.raises(jwt.TokenError):
        await verifier.verify(token)
    # the key is gone: refused
    keys.keys = {}
    with pytest.raises(jwt.TokenError):
        await verifier.verify(token)
    # the key is back (an equal copy): accepted without verifying again
    keys.keys = {test_key.kid: dict(test_key.jwk)}
    assert (await verifier.verify(token)).subject == "a"
    assert len(decoded) == 3  # once, once more when expired, once against the stranger's key
    # revoked since: refused
    verifier.revocations.apply(
        [Revocation(id=1, kind="user", value="a", expires_at=utcnow() + timedelta(hours=1), min_stamp=5)]
    )
    with pytest.raises(jwt.TokenError):
        await verifier.verify(token)
