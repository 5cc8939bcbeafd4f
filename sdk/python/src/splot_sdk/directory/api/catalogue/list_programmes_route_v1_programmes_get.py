from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.programme_kind import ProgrammeKind
from ...models.programme_list import ProgrammeList
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    active: bool | None | Unset = UNSET,
    kind: None | ProgrammeKind | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, ProgrammeKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/programmes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = ProgrammeList.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    kind: None | ProgrammeKind | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem]:
    """List Programmes Route

     The programme catalogue: programmes referrals, individual plans and partnerships can belong
    to (``programme`` of the reporting service's aggregates).

    Args:
        active (bool | None | Unset):
        kind (None | ProgrammeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        active=active,
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    kind: None | ProgrammeKind | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem | None:
    """List Programmes Route

     The programme catalogue: programmes referrals, individual plans and partnerships can belong
    to (``programme`` of the reporting service's aggregates).

    Args:
        active (bool | None | Unset):
        kind (None | ProgrammeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem
    """

    return sync_detailed(
        client=client,
        active=active,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    kind: None | ProgrammeKind | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem]:
    """List Programmes Route

     The programme catalogue: programmes referrals, individual plans and partnerships can belong
    to (``programme`` of the reporting service's aggregates).

    Args:
        active (bool | None | Unset):
        kind (None | ProgrammeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        active=active,
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    active: bool | None | Unset = UNSET,
    kind: None | ProgrammeKind | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem | None:
    """List Programmes Route

     The programme catalogue: programmes referrals, individual plans and partnerships can belong
    to (``programme`` of the reporting service's aggregates).

    Args:
        active (bool | None | Unset):
        kind (None | ProgrammeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ProgrammeList | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            active=active,
            kind=kind,
        )
    ).parsed
