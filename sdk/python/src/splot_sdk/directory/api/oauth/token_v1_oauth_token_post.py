from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_token_v1_oauth_token_post import BodyTokenV1OauthTokenPost
from ...models.o_auth_problem import OAuthProblem
from ...models.problem_detail import ProblemDetail
from ...models.token_response import TokenResponse
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    *,
    body: BodyTokenV1OauthTokenPost,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/oauth/token",
    }

    _kwargs["data"] = body.to_dict()
    headers["Content-Type"] = "application/x-www-form-urlencoded"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = TokenResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = OAuthProblem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = OAuthProblem.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = ValidationProblem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = ProblemDetail.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = ProblemDetail.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1OauthTokenPost,
) -> Response[OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem]:
    """Token

     Issue an access token: password (staff), refresh_token (cookie), client_credentials (systems).

    Sign-ins are throttled per login and source address, per source and per login: past the free
    attempts each further attempt must wait, the wait doubling (429 with Retry-After). Wrong
    credentials, unknown logins and inactive accounts all get the same 400 ``invalid_grant`` (RFC 6749
    §5.2).

    Args:
        body (BodyTokenV1OauthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1OauthTokenPost,
) -> OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem | None:
    """Token

     Issue an access token: password (staff), refresh_token (cookie), client_credentials (systems).

    Sign-ins are throttled per login and source address, per source and per login: past the free
    attempts each further attempt must wait, the wait doubling (429 with Retry-After). Wrong
    credentials, unknown logins and inactive accounts all get the same 400 ``invalid_grant`` (RFC 6749
    §5.2).

    Args:
        body (BodyTokenV1OauthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1OauthTokenPost,
) -> Response[OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem]:
    """Token

     Issue an access token: password (staff), refresh_token (cookie), client_credentials (systems).

    Sign-ins are throttled per login and source address, per source and per login: past the free
    attempts each further attempt must wait, the wait doubling (429 with Retry-After). Wrong
    credentials, unknown logins and inactive accounts all get the same 400 ``invalid_grant`` (RFC 6749
    §5.2).

    Args:
        body (BodyTokenV1OauthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: BodyTokenV1OauthTokenPost,
) -> OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem | None:
    """Token

     Issue an access token: password (staff), refresh_token (cookie), client_credentials (systems).

    Sign-ins are throttled per login and source address, per source and per login: past the free
    attempts each further attempt must wait, the wait doubling (429 with Retry-After). Wrong
    credentials, unknown logins and inactive accounts all get the same 400 ``invalid_grant`` (RFC 6749
    §5.2).

    Args:
        body (BodyTokenV1OauthTokenPost):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OAuthProblem | ProblemDetail | TokenResponse | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
