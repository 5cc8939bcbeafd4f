import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agreement_page import AgreementPage
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    institution_id: None | Unset | UUID = UNSET,
    in_force_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_institution_id: None | str | Unset
    if isinstance(institution_id, Unset):
        json_institution_id = UNSET
    elif isinstance(institution_id, UUID):
        json_institution_id = str(institution_id)
    else:
        json_institution_id = institution_id
    params["institution_id"] = json_institution_id

    json_in_force_on: None | str | Unset
    if isinstance(in_force_on, Unset):
        json_in_force_on = UNSET
    elif isinstance(in_force_on, datetime.date):
        json_in_force_on = in_force_on.isoformat()
    else:
        json_in_force_on = in_force_on
    params["in_force_on"] = json_in_force_on

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/agreements",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AgreementPage.from_dict(response.json())

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
) -> Response[AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    in_force_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Agreements

     Partnership agreements, by party and date in force (confirmed by every party; a
    partnership's agreements only for its parties).

    Args:
        institution_id (None | Unset | UUID):
        in_force_on (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        in_force_on=in_force_on,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    in_force_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Agreements

     Partnership agreements, by party and date in force (confirmed by every party; a
    partnership's agreements only for its parties).

    Args:
        institution_id (None | Unset | UUID):
        in_force_on (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        institution_id=institution_id,
        in_force_on=in_force_on,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    in_force_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Agreements

     Partnership agreements, by party and date in force (confirmed by every party; a
    partnership's agreements only for its parties).

    Args:
        institution_id (None | Unset | UUID):
        in_force_on (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        in_force_on=in_force_on,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    in_force_on: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Agreements

     Partnership agreements, by party and date in force (confirmed by every party; a
    partnership's agreements only for its parties).

    Args:
        institution_id (None | Unset | UUID):
        in_force_on (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgreementPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            institution_id=institution_id,
            in_force_on=in_force_on,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
