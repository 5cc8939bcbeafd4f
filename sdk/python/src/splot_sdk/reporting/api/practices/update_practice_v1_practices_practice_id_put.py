from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.practice_read import PracticeRead
from ...models.practice_write import PracticeWrite
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    practice_id: UUID,
    *,
    body: PracticeWrite,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/practices/{practice_id}".format(
            practice_id=quote(str(practice_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = PracticeRead.from_dict(response.json())

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

    if response.status_code == 428:
        response_428 = ProblemDetail.from_dict(response.json())

        return response_428

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
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    if_match: str,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Update Practice

     Change a draft or returned practice (its institution; If-Match).

    Args:
        practice_id (UUID):
        if_match (str):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    if_match: str,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Update Practice

     Change a draft or returned practice (its institution; If-Match).

    Args:
        practice_id (UUID):
        if_match (str):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        practice_id=practice_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    if_match: str,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Update Practice

     Change a draft or returned practice (its institution; If-Match).

    Args:
        practice_id (UUID):
        if_match (str):
        body (PracticeWrite): A practice as its institution describes it (the institution is the
            caller's own).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: PracticeWrite,
    if_match: str,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Update Practice

     Change a draft or returned practice (its institution; If-Match).

    Args:
        practice_id (UUID):
        if_match (str):
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
            practice_id=practice_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
