from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.attribute_change_page import AttributeChangePage
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    person_id: UUID,
    *,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_code: None | str | Unset
    if isinstance(code, Unset):
        json_code = UNSET
    else:
        json_code = code
    params["code"] = json_code

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
        "url": "/v1/persons/{person_id}/attribute-history".format(
            person_id=quote(str(person_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AttributeChangePage.from_dict(response.json())

        return response_200

    if response.status_code == 308:
        response_308 = ProblemDetail.from_dict(response.json())

        return response_308

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
) -> Response[AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Attribute History

     Every recorded, changed and removed value of the person's attributes you may see (by the
    rule of the current values), newest first; `code` narrows it to one attribute.

    Args:
        person_id (UUID): Registry id of the person
        code (None | str | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        code=code,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Attribute History

     Every recorded, changed and removed value of the person's attributes you may see (by the
    rule of the current values), newest first; `code` narrows it to one attribute.

    Args:
        person_id (UUID): Registry id of the person
        code (None | str | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        person_id=person_id,
        client=client,
        code=code,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Attribute History

     Every recorded, changed and removed value of the person's attributes you may see (by the
    rule of the current values), newest first; `code` narrows it to one attribute.

    Args:
        person_id (UUID): Registry id of the person
        code (None | str | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        person_id=person_id,
        code=code,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    person_id: UUID,
    *,
    client: AuthenticatedClient,
    code: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Attribute History

     Every recorded, changed and removed value of the person's attributes you may see (by the
    rule of the current values), newest first; `code` narrows it to one attribute.

    Args:
        person_id (UUID): Registry id of the person
        code (None | str | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AttributeChangePage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            person_id=person_id,
            client=client,
            code=code,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
