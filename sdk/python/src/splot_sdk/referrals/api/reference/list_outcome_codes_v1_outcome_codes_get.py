from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.outcome_code_list import OutcomeCodeList
from ...models.outcome_kind import OutcomeKind
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    kind: None | OutcomeKind | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_kind: None | str | Unset
    if isinstance(kind, Unset):
        json_kind = UNSET
    elif isinstance(kind, OutcomeKind):
        json_kind = kind.value
    else:
        json_kind = kind
    params["kind"] = json_kind

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/outcome-codes",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = OutcomeCodeList.from_dict(response.json())

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
) -> Response[ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OutcomeKind | Unset = UNSET,
) -> Response[ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem]:
    """List Outcome Codes

     Outcomes of completed referrals and of follow-up checks.

    Args:
        kind (None | OutcomeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        kind=kind,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    kind: None | OutcomeKind | Unset = UNSET,
) -> ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem | None:
    """List Outcome Codes

     Outcomes of completed referrals and of follow-up checks.

    Args:
        kind (None | OutcomeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        kind=kind,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    kind: None | OutcomeKind | Unset = UNSET,
) -> Response[ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem]:
    """List Outcome Codes

     Outcomes of completed referrals and of follow-up checks.

    Args:
        kind (None | OutcomeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        kind=kind,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    kind: None | OutcomeKind | Unset = UNSET,
) -> ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem | None:
    """List Outcome Codes

     Outcomes of completed referrals and of follow-up checks.

    Args:
        kind (None | OutcomeKind | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OutcomeCodeList | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            kind=kind,
        )
    ).parsed
