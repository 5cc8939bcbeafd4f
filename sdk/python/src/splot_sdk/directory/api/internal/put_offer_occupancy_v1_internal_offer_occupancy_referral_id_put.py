from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.occupancy_read import OccupancyRead
from ...models.occupancy_state import OccupancyState
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    referral_id: UUID,
    *,
    body: OccupancyState,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/internal/offer-occupancy/{referral_id}".format(
            referral_id=quote(str(referral_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = OccupancyRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccupancyState,
) -> Response[ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Put Offer Occupancy

     Whether a referral occupies a place of an offer, as of the referral's version (the
    referrals service only: a service token with ``directory:occupancy``). Idempotent; a state
    not newer than the one recorded changes nothing (``applied: false``).

    Args:
        referral_id (UUID):
        body (OccupancyState): Whether a referral occupies a place of an offer, as of the
            referral's version (the body of
            ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccupancyState,
) -> ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Put Offer Occupancy

     Whether a referral occupies a place of an offer, as of the referral's version (the
    referrals service only: a service token with ``directory:occupancy``). Idempotent; a state
    not newer than the one recorded changes nothing (``applied: false``).

    Args:
        referral_id (UUID):
        body (OccupancyState): Whether a referral occupies a place of an offer, as of the
            referral's version (the body of
            ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        referral_id=referral_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccupancyState,
) -> Response[ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Put Offer Occupancy

     Whether a referral occupies a place of an offer, as of the referral's version (the
    referrals service only: a service token with ``directory:occupancy``). Idempotent; a state
    not newer than the one recorded changes nothing (``applied: false``).

    Args:
        referral_id (UUID):
        body (OccupancyState): Whether a referral occupies a place of an offer, as of the
            referral's version (the body of
            ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        referral_id=referral_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    referral_id: UUID,
    *,
    client: AuthenticatedClient,
    body: OccupancyState,
) -> ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Put Offer Occupancy

     Whether a referral occupies a place of an offer, as of the referral's version (the
    referrals service only: a service token with ``directory:occupancy``). Idempotent; a state
    not newer than the one recorded changes nothing (``applied: false``).

    Args:
        referral_id (UUID):
        body (OccupancyState): Whether a referral occupies a place of an offer, as of the
            referral's version (the body of
            ``PUT /v1/internal/offer-occupancy/{referral_id}``; the referrals service only).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OccupancyRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            referral_id=referral_id,
            client=client,
            body=body,
        )
    ).parsed
