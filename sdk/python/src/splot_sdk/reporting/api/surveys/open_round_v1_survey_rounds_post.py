from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.round_create import RoundCreate
from ...models.round_read import RoundRead
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: RoundCreate,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/survey-rounds",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 201:
        response_201 = RoundRead.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = ProblemDetail.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ProblemDetail.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ForbiddenProblem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ProblemDetail.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ProblemDetail.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = StaleEtagProblem.from_dict(response.json())

        return response_412

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
) -> Response[ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: RoundCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem]:
    """Open Round

     Send a questionnaire to the active institutions of the given types in a territory within
    your scope (403 `territory_out_of_scope`), with a deadline after today; 422 `no_recipients`
    when none matches. The questionnaire is frozen. Analysts only (systems and services 403).

    Args:
        idempotency_key (str | Unset):
        body (RoundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: RoundCreate,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem | None:
    """Open Round

     Send a questionnaire to the active institutions of the given types in a territory within
    your scope (403 `territory_out_of_scope`), with a deadline after today; 422 `no_recipients`
    when none matches. The questionnaire is frozen. Analysts only (systems and services 403).

    Args:
        idempotency_key (str | Unset):
        body (RoundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: RoundCreate,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem]:
    """Open Round

     Send a questionnaire to the active institutions of the given types in a territory within
    your scope (403 `territory_out_of_scope`), with a deadline after today; 422 `no_recipients`
    when none matches. The questionnaire is frozen. Analysts only (systems and services 403).

    Args:
        idempotency_key (str | Unset):
        body (RoundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: RoundCreate,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem | None:
    """Open Round

     Send a questionnaire to the active institutions of the given types in a territory within
    your scope (403 `territory_out_of_scope`), with a deadline after today; 422 `no_recipients`
    when none matches. The questionnaire is frozen. Analysts only (systems and services 403).

    Args:
        idempotency_key (str | Unset):
        body (RoundCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | RoundRead | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
