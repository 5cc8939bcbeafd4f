from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.practice_read import PracticeRead
from ...models.practice_write import PracticeWrite
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: PracticeWrite,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/practices",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 201:
        response_201 = PracticeRead.from_dict(response.json())

        return response_201

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
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Create Practice

     A draft practice of your institution (caseworker, coordinator or administrator).

    Args:
        idempotency_key (str | Unset):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Create Practice

     A draft practice of your institution (caseworker, coordinator or administrator).

    Args:
        idempotency_key (str | Unset):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Create Practice

     A draft practice of your institution (caseworker, coordinator or administrator).

    Args:
        idempotency_key (str | Unset):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Create Practice

     A draft practice of your institution (caseworker, coordinator or administrator).

    Args:
        idempotency_key (str | Unset):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
