from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.level import Level
from ...models.problem_detail import ProblemDetail
from ...models.territory_list import TerritoryList
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    level: Level | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_level: None | str | Unset
    if isinstance(level, Unset):
        json_level = UNSET
    elif isinstance(level, Level):
        json_level = level.value
    else:
        json_level = level
    params["level"] = json_level

    json_parent: None | str | Unset
    if isinstance(parent, Unset):
        json_parent = UNSET
    else:
        json_parent = parent
    params["parent"] = json_parent

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/territories",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = TerritoryList.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    level: Level | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem]:
    """List Territories

     Voivodeships, powiats and gminas of the bundled TERYT register.

    Args:
        level (Level | None | Unset):
        parent (None | str | Unset): Voivodeship or powiat code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        level=level,
        parent=parent,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    level: Level | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem | None:
    """List Territories

     Voivodeships, powiats and gminas of the bundled TERYT register.

    Args:
        level (Level | None | Unset):
        parent (None | str | Unset): Voivodeship or powiat code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem
    """

    return sync_detailed(
        client=client,
        level=level,
        parent=parent,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    level: Level | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem]:
    """List Territories

     Voivodeships, powiats and gminas of the bundled TERYT register.

    Args:
        level (Level | None | Unset):
        parent (None | str | Unset): Voivodeship or powiat code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        level=level,
        parent=parent,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    level: Level | None | Unset = UNSET,
    parent: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem | None:
    """List Territories

     Voivodeships, powiats and gminas of the bundled TERYT register.

    Args:
        level (Level | None | Unset):
        parent (None | str | Unset): Voivodeship or powiat code

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | TerritoryList | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            level=level,
            parent=parent,
        )
    ).parsed
