from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.offer_page import OfferPage
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    institution_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    teryt: None | str | Unset = UNSET,
    active: bool | None | Unset = True,
    with_capacity: bool | None | Unset = UNSET,
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

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    json_teryt: None | str | Unset
    if isinstance(teryt, Unset):
        json_teryt = UNSET
    else:
        json_teryt = teryt
    params["teryt"] = json_teryt

    json_active: bool | None | Unset
    if isinstance(active, Unset):
        json_active = UNSET
    else:
        json_active = active
    params["active"] = json_active

    json_with_capacity: bool | None | Unset
    if isinstance(with_capacity, Unset):
        json_with_capacity = UNSET
    else:
        json_with_capacity = with_capacity
    params["with_capacity"] = json_with_capacity

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
        "url": "/v1/offers",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = OfferPage.from_dict(response.json())

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
) -> Response[ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem]:
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
    service_type: None | str | Unset = UNSET,
    teryt: None | str | Unset = UNSET,
    active: bool | None | Unset = True,
    with_capacity: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem]:
    """List Offers

     Find service offers by provider, service type, territory and free capacity.

    Args:
        institution_id (None | Unset | UUID):
        service_type (None | str | Unset):
        teryt (None | str | Unset):
        active (bool | None | Unset):  Default: True.
        with_capacity (bool | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        service_type=service_type,
        teryt=teryt,
        active=active,
        with_capacity=with_capacity,
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
    service_type: None | str | Unset = UNSET,
    teryt: None | str | Unset = UNSET,
    active: bool | None | Unset = True,
    with_capacity: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem | None:
    """List Offers

     Find service offers by provider, service type, territory and free capacity.

    Args:
        institution_id (None | Unset | UUID):
        service_type (None | str | Unset):
        teryt (None | str | Unset):
        active (bool | None | Unset):  Default: True.
        with_capacity (bool | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        institution_id=institution_id,
        service_type=service_type,
        teryt=teryt,
        active=active,
        with_capacity=with_capacity,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    teryt: None | str | Unset = UNSET,
    active: bool | None | Unset = True,
    with_capacity: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem]:
    """List Offers

     Find service offers by provider, service type, territory and free capacity.

    Args:
        institution_id (None | Unset | UUID):
        service_type (None | str | Unset):
        teryt (None | str | Unset):
        active (bool | None | Unset):  Default: True.
        with_capacity (bool | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        service_type=service_type,
        teryt=teryt,
        active=active,
        with_capacity=with_capacity,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    service_type: None | str | Unset = UNSET,
    teryt: None | str | Unset = UNSET,
    active: bool | None | Unset = True,
    with_capacity: bool | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem | None:
    """List Offers

     Find service offers by provider, service type, territory and free capacity.

    Args:
        institution_id (None | Unset | UUID):
        service_type (None | str | Unset):
        teryt (None | str | Unset):
        active (bool | None | Unset):  Default: True.
        with_capacity (bool | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | OfferPage | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            institution_id=institution_id,
            service_type=service_type,
            teryt=teryt,
            active=active,
            with_capacity=with_capacity,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
