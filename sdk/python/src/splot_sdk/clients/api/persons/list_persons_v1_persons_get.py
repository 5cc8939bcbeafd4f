import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.person_page import PersonPage
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    birth_date: datetime.date | None | Unset = UNSET,
    id: list[UUID] | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_birth_date: None | str | Unset
    if isinstance(birth_date, Unset):
        json_birth_date = UNSET
    elif isinstance(birth_date, datetime.date):
        json_birth_date = birth_date.isoformat()
    else:
        json_birth_date = birth_date
    params["birth_date"] = json_birth_date

    json_id: list[str] | None | Unset
    if isinstance(id, Unset):
        json_id = UNSET
    elif isinstance(id, list):
        json_id = []
        for id_type_0_item_data in id:
            id_type_0_item = str(id_type_0_item_data)
            json_id.append(id_type_0_item)

    else:
        json_id = id
    params["id"] = json_id

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
        "url": "/v1/persons",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = PersonPage.from_dict(response.json())

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
) -> Response[ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    birth_date: datetime.date | None | Unset = UNSET,
    id: list[UUID] | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem]:
    """List Persons

     Persons your institution may see (registered, granted, break-glass); never everybody.

    Args:
        q (None | str | Unset): Name search
        birth_date (datetime.date | None | Unset):
        id (list[UUID] | None | Unset): Only these persons (repeat the parameter, at most 100):
            the names of a page of referrals in one request; those you may not see are simply absent
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        birth_date=birth_date,
        id=id,
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
    q: None | str | Unset = UNSET,
    birth_date: datetime.date | None | Unset = UNSET,
    id: list[UUID] | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem | None:
    """List Persons

     Persons your institution may see (registered, granted, break-glass); never everybody.

    Args:
        q (None | str | Unset): Name search
        birth_date (datetime.date | None | Unset):
        id (list[UUID] | None | Unset): Only these persons (repeat the parameter, at most 100):
            the names of a page of referrals in one request; those you may not see are simply absent
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        q=q,
        birth_date=birth_date,
        id=id,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    birth_date: datetime.date | None | Unset = UNSET,
    id: list[UUID] | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem]:
    """List Persons

     Persons your institution may see (registered, granted, break-glass); never everybody.

    Args:
        q (None | str | Unset): Name search
        birth_date (datetime.date | None | Unset):
        id (list[UUID] | None | Unset): Only these persons (repeat the parameter, at most 100):
            the names of a page of referrals in one request; those you may not see are simply absent
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        birth_date=birth_date,
        id=id,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    birth_date: datetime.date | None | Unset = UNSET,
    id: list[UUID] | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem | None:
    """List Persons

     Persons your institution may see (registered, granted, break-glass); never everybody.

    Args:
        q (None | str | Unset): Name search
        birth_date (datetime.date | None | Unset):
        id (list[UUID] | None | Unset): Only these persons (repeat the parameter, at most 100):
            the names of a page of referrals in one request; those you may not see are simply absent
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PersonPage | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            birth_date=birth_date,
            id=id,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
