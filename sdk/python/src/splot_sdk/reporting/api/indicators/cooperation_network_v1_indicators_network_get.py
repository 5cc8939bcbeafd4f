from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.network_read import NetworkRead
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    service_type: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/indicators/network",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = NetworkRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    service_type: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem]:
    """Cooperation Network

     The cooperation network: institutions as nodes, referral flows as weighted edges.

    Args:
        period (str): YYYY-MM, YYYY-Qn or YYYY
        service_type (None | str | Unset): Only service_type equal to this
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        period=period,
        service_type=service_type,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    period: str,
    service_type: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem | None:
    """Cooperation Network

     The cooperation network: institutions as nodes, referral flows as weighted edges.

    Args:
        period (str): YYYY-MM, YYYY-Qn or YYYY
        service_type (None | str | Unset): Only service_type equal to this
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        period=period,
        service_type=service_type,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    period: str,
    service_type: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> Response[ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem]:
    """Cooperation Network

     The cooperation network: institutions as nodes, referral flows as weighted edges.

    Args:
        period (str): YYYY-MM, YYYY-Qn or YYYY
        service_type (None | str | Unset): Only service_type equal to this
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        period=period,
        service_type=service_type,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    period: str,
    service_type: None | str | Unset = UNSET,
    limit: int | Unset = 500,
) -> ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem | None:
    """Cooperation Network

     The cooperation network: institutions as nodes, referral flows as weighted edges.

    Args:
        period (str): YYYY-MM, YYYY-Qn or YYYY
        service_type (None | str | Unset): Only service_type equal to this
        limit (int | Unset):  Default: 500.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | NetworkRead | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            service_type=service_type,
            limit=limit,
        )
    ).parsed
