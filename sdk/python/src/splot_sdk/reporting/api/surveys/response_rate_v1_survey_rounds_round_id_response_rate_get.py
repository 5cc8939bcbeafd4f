from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.rate_level import RateLevel
from ...models.response_rate import ResponseRate
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    round_id: UUID,
    *,
    level: RateLevel | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_level: str | Unset = UNSET
    if not isinstance(level, Unset):
        json_level = level.value

    params["level"] = json_level

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/survey-rounds/{round_id}/response-rate".format(
            round_id=quote(str(round_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = ResponseRate.from_dict(response.json())

        return response_200

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
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    level: RateLevel | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem]:
    """Response Rate

     Institutions invited, with a draft and submitted, by voivodeship or powiat (exact: they are
    counts of institutions, not of answers).

    Args:
        round_id (UUID):
        level (RateLevel | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        level=level,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    level: RateLevel | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem | None:
    """Response Rate

     Institutions invited, with a draft and submitted, by voivodeship or powiat (exact: they are
    counts of institutions, not of answers).

    Args:
        round_id (UUID):
        level (RateLevel | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem
    """

    return sync_detailed(
        round_id=round_id,
        client=client,
        level=level,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    level: RateLevel | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem]:
    """Response Rate

     Institutions invited, with a draft and submitted, by voivodeship or powiat (exact: they are
    counts of institutions, not of answers).

    Args:
        round_id (UUID):
        level (RateLevel | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        level=level,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    level: RateLevel | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem | None:
    """Response Rate

     Institutions invited, with a draft and submitted, by voivodeship or powiat (exact: they are
    counts of institutions, not of answers).

    Args:
        round_id (UUID):
        level (RateLevel | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ResponseRate | ValidationProblem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            client=client,
            level=level,
        )
    ).parsed
