"""OAuth2 token endpoint, logout and the JWKS document."""

from __future__ import annotations

import base64
import binascii
from typing import Annotated
from urllib.parse import unquote

from fastapi import APIRouter, Form, Request, Response, status
from fastapi.responses import JSONResponse
from fastapi.security.utils import get_authorization_scheme_param
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.api import settings_of
from splot.common.db import SessionDep
from splot.common.errors import Problem, ProblemDetail, problem_model, problem_responses
from splot.directory import schemas, signin, tokens
from splot.directory.config import DirectorySettings
from splot.directory.security import published_jwks

router = APIRouter(tags=["oauth"])

NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


_settings = settings_of(DirectorySettings)


def source_of(request: Request) -> str:
    """The address a sign-in attempt is counted against (the gateway passes the client's on)."""
    return request.client.host if request.client else "unknown"


def _set_refresh_cookie(response: Response, settings: DirectorySettings, raw: str) -> None:
    response.set_cookie(
        settings.refresh_cookie_name,
        raw,
        max_age=settings.refresh_token_ttl_seconds,
        path=settings.refresh_cookie_path,
        httponly=True,
        secure=settings.refresh_cookie_secure,
        samesite="strict",
    )


def _clear_refresh_cookie(response: Response, settings: DirectorySettings) -> None:
    response.delete_cookie(
        settings.refresh_cookie_name,
        path=settings.refresh_cookie_path,
        httponly=True,
        secure=settings.refresh_cookie_secure,
        samesite="strict",
    )


def _client_credentials(
    request: Request, client_id: str | None, client_secret: str | None
) -> tuple[str, str]:
    scheme, param = get_authorization_scheme_param(request.headers.get("Authorization"))
    if scheme.lower() == "basic" and param:
        try:
            decoded = base64.b64decode(param).decode()
        except (binascii.Error, UnicodeDecodeError) as exc:
            raise Problem(
                401, "invalid_client", "malformed client authentication", error="invalid_client"
            ) from exc
        user, sep, password = decoded.partition(":")
        if sep:
            return unquote(user), unquote(password)
    if client_id and client_secret:
        return client_id, client_secret
    raise Problem(
        401,
        "invalid_client",
        "client authentication is required",
        error="invalid_client",
        headers={"WWW-Authenticate": 'Basic realm="splot"'},
    )


class OAuthProblem(ProblemDetail):
    """An error of the token endpoint: a problem document with RFC 6749 §5.2's ``error``
    (400 ``invalid_request``, ``invalid_grant``, ``invalid_scope``; 401 ``invalid_client``)."""

    error: str


@router.post(
    "/v1/oauth/token",
    response_model=schemas.TokenResponse,
    responses={
        **problem_responses(422, 429),
        400: problem_model(400, OAuthProblem),
        401: problem_model(401, OAuthProblem),
    },
)
async def token(
    request: Request,
    session: SessionDep,
    grant_type: Annotated[str, Form(pattern="^(password|refresh_token|client_credentials)$")],
    username: Annotated[str | None, Form(max_length=254)] = None,
    password: Annotated[str | None, Form(max_length=128)] = None,
    scope: Annotated[str | None, Form(max_length=1000)] = None,
    client_id: Annotated[str | None, Form(max_length=64)] = None,
    client_secret: Annotated[str | None, Form(max_length=128)] = None,
) -> JSONResponse:
    """Issue an access token: password (staff), refresh_token (cookie), client_credentials (systems).

    Sign-ins are throttled per login and source address, per source and per login: past the free
    attempts each further attempt must wait, the wait doubling (429 with Retry-After). Wrong
    credentials, unknown logins and inactive accounts all get the same 400 ``invalid_grant`` (RFC 6749 §5.2)."""
    settings = await _settings(request)
    if grant_type == "password":
        issued = await _password_grant(request, session, settings, username, password)
    elif grant_type == "refresh_token":
        issued = await _refresh_grant(request, session, settings)
    else:
        cid, secret = _client_credentials(request, client_id, client_secret)
        issued = await tokens.client_credentials_grant(
            session,
            sessionmaker=request.app.state.sessionmaker,
            settings=settings,
            client_id=cid,
            client_secret=secret,
            requested_scope=scope,
        )
    body = schemas.TokenResponse(
        access_token=issued.access_token, expires_in=issued.expires_in, scope=issued.scope
    )
    response = JSONResponse(body.model_dump(), headers=NO_STORE)
    if grant_type != "client_credentials" and issued.refresh_token:  # staff sessions only
        _set_refresh_cookie(response, settings, issued.refresh_token)
    return response


async def _password_grant(
    request: Request,
    session: AsyncSession,
    settings: DirectorySettings,
    username: str | None,
    password: str | None,
) -> tokens.IssuedTokens:
    if not username or not password:
        raise Problem(400, "invalid_request", "username and password are required", error="invalid_request")
    return await signin.password_grant(
        session,
        sessionmaker=request.app.state.sessionmaker,
        settings=settings,
        username=username,
        password=password,
        source=source_of(request),
        now=request.app.state.clock(),
    )


async def _refresh_grant(
    request: Request, session: AsyncSession, settings: DirectorySettings
) -> tokens.IssuedTokens:
    """Rotate the refresh cookie's token; a reused one ends its whole family (sign in again)."""
    raw = request.cookies.get(settings.refresh_cookie_name)
    if not raw:
        raise tokens.invalid_grant("no refresh cookie; sign in again")
    try:
        return await tokens.refresh_grant(session, settings=settings, raw_token=raw)
    except tokens.RefreshTokenReused as reuse:
        # The request's transaction is rolled back with the error: end the family in a new one.
        await session.rollback()
        await tokens.revoke_family(session, settings=settings, family_id=reuse.family_id)
        await session.commit()
        raise tokens.invalid_grant("the refresh token was already used; the session has been ended") from None


@router.post(
    "/v1/oauth/logout", status_code=status.HTTP_204_NO_CONTENT, responses=problem_responses(400, 422)
)
async def logout(request: Request, session: SessionDep) -> Response:
    """End the browser session: revoke its refresh tokens and the access tokens issued in it, and
    clear the cookie."""
    settings = await _settings(request)
    await tokens.logout(
        session, settings=settings, raw_token=request.cookies.get(settings.refresh_cookie_name)
    )
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    _clear_refresh_cookie(response, settings)
    return response


@router.get("/.well-known/jwks.json", response_model=schemas.Jwks)
async def jwks(session: SessionDep, response: Response) -> schemas.Jwks:
    """Public keys that verify the directory's tokens (current and recently rotated)."""
    response.headers["Cache-Control"] = "public, max-age=300"
    return schemas.Jwks.model_validate({"keys": await published_jwks(session)})
