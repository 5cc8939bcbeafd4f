"""The one module that touches python-jose.

Every decode pins ``algorithms=["RS256"]`` and additionally refuses any header ``alg`` other than
RS256 before verification: python-jose would otherwise accept an HMAC token "signed" with the RSA
public key, or an unsigned ``alg: none`` token.
"""

from __future__ import annotations

from calendar import timegm
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from jose import jwk, jwt
from jose.exceptions import ExpiredSignatureError, JOSEError, JWTClaimsError, JWTError

ALGORITHM = "RS256"


class TokenError(Exception):
    """The token is not acceptable; the message is safe to show (it never contains the token)."""


def unverified_header(token: str) -> dict[str, Any]:
    try:
        header: dict[str, Any] = jwt.get_unverified_header(token)
    except JWTError as exc:
        raise TokenError("malformed token") from exc
    if header.get("alg") != ALGORITHM:
        raise TokenError("token algorithm not accepted")
    if not isinstance(header.get("kid"), str) or not header["kid"]:
        raise TokenError("token has no key id")
    return header


@lru_cache(maxsize=32)
def _verifying_key(members: tuple[tuple[str, str], ...]) -> Any:
    # Turning a JWK into a key object parses the RSA numbers (≈6 % of a request's CPU when done per
    # request, issue #17); the JWKS holds a handful of keys, so keep their objects.
    return jwk.construct(dict(members), algorithm=ALGORITHM)


def verifying_key(public_jwk: dict[str, Any]) -> Any:
    """The key object of a public JWK, built once per distinct key."""
    if all(isinstance(v, str) for v in public_jwk.values()):
        return _verifying_key(tuple(sorted(public_jwk.items())))
    return jwk.construct(public_jwk, algorithm=ALGORITHM)


def decode(token: str, *, public_jwk: dict[str, Any], issuer: str, audience: str) -> dict[str, Any]:
    unverified_header(token)
    try:
        claims = jwt.decode(
            token,
            verifying_key(public_jwk),
            algorithms=[ALGORITHM],
            issuer=issuer,
            audience=audience,
            options={
                "require_exp": True,
                "require_iat": True,
                "require_sub": True,
                "require_aud": True,
                "require_iss": True,
                "require_jti": True,
                "verify_nbf": True,
                "leeway": 0,
            },
        )
    except ExpiredSignatureError as exc:
        raise TokenError("token expired") from exc
    except JWTClaimsError as exc:
        raise TokenError("token claims not accepted") from exc
    except (JWTError, JOSEError) as exc:  # JOSEError: a JWK that is not a usable RSA key
        raise TokenError("token signature not valid") from exc
    except (TypeError, ValueError, OverflowError) as exc:  # claims of odd types, e.g. "exp": []
        raise TokenError("token claims not accepted") from exc
    return _typed(claims)


def unexpired(claims: dict[str, Any]) -> bool:
    """Whether verified claims are still within their ``exp``, as :func:`decode` judges it
    (whole seconds, no leeway)."""
    return bool(int(claims["exp"]) >= timegm(datetime.now(tz=UTC).utctimetuple()))


#: Registered claims and the JSON types they must have (RFC 7519: NumericDate is a number, never
#: a string; python-jose alone would read ``"exp": "9999999999"`` as a date).
_NUMERIC_DATES = ("exp", "iat", "nbf")
_STRINGS = ("sub", "jti", "iss")


def _typed(claims: dict[str, Any]) -> dict[str, Any]:
    for name in _NUMERIC_DATES:
        value = claims.get(name)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | float)):
            raise TokenError("token claims not accepted")
    for name in _STRINGS:
        value = claims.get(name)
        if value is not None and not isinstance(value, str):
            raise TokenError("token claims not accepted")
    return claims


@lru_cache(maxsize=8)
def _signing_key(private_pem: str) -> Any:
    # Parsing an RSA key costs ~50 ms; a handful of keys are live at once (rotation).
    return jwk.construct(private_pem, algorithm=ALGORITHM)


def encode(claims: dict[str, Any], *, private_pem: str, kid: str) -> str:
    token: str = jwt.encode(claims, _signing_key(private_pem), algorithm=ALGORITHM, headers={"kid": kid})
    return token


def public_jwk_from_pem(public_pem: str, kid: str) -> dict[str, Any]:
    key = jwk.construct(public_pem, algorithm=ALGORITHM).to_dict()
    key.update({"kid": kid, "use": "sig", "alg": ALGORITHM})
    return {k: (v.decode() if isinstance(v, bytes) else v) for k, v in key.items()}
