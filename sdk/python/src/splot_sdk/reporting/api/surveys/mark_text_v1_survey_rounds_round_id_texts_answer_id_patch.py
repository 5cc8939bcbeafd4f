from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.text_mark import TextMark
from ...models.text_mark_read import TextMarkRead
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    round_id: UUID,
    answer_id: UUID,
    *,
    body: TextMark,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/survey-rounds/{round_id}/texts/{answer_id}".format(
            round_id=quote(str(round_id), safe=""),
            answer_id=quote(str(answer_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = TextMarkRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    round_id: UUID,
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TextMark,
) -> Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem]:
    """Mark Text

     Mark a free-text answer publishable or not (the owner): published outputs use only
    publishable ones. A text changed by its institution loses the mark.

    Args:
        round_id (UUID):
        answer_id (UUID):
        body (TextMark):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        answer_id=answer_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TextMark,
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem | None:
    """Mark Text

     Mark a free-text answer publishable or not (the owner): published outputs use only
    publishable ones. A text changed by its institution loses the mark.

    Args:
        round_id (UUID):
        answer_id (UUID):
        body (TextMark):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem
    """

    return sync_detailed(
        round_id=round_id,
        answer_id=answer_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TextMark,
) -> Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem]:
    """Mark Text

     Mark a free-text answer publishable or not (the owner): published outputs use only
    publishable ones. A text changed by its institution loses the mark.

    Args:
        round_id (UUID):
        answer_id (UUID):
        body (TextMark):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        answer_id=answer_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    answer_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TextMark,
) -> ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem | None:
    """Mark Text

     Mark a free-text answer publishable or not (the owner): published outputs use only
    publishable ones. A text changed by its institution loses the mark.

    Args:
        round_id (UUID):
        answer_id (UUID):
        body (TextMark):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | StaleEtagProblem | TextMarkRead | ValidationProblem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            answer_id=answer_id,
            client=client,
            body=body,
        )
    ).parsed
