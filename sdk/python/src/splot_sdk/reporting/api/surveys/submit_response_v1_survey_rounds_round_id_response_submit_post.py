from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.response_read import ResponseRead
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    round_id: UUID,
    *,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/survey-rounds/{round_id}/response/submit".format(
            round_id=quote(str(round_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = ResponseRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem]:
    """Submit Response

     Submit the saved answers; 422 `answer_required` lists the required questions unanswered.

    Args:
        round_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem | None:
    """Submit Response

     Submit the saved answers; 422 `answer_required` lists the required questions unanswered.

    Args:
        round_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        round_id=round_id,
        client=client,
        if_match=if_match,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem]:
    """Submit Response

     Submit the saved answers; 422 `answer_required` lists the required questions unanswered.

    Args:
        round_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        if_match=if_match,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem | None:
    """Submit Response

     Submit the saved answers; 422 `answer_required` lists the required questions unanswered.

    Args:
        round_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ResponseRead | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            client=client,
            if_match=if_match,
            idempotency_key=idempotency_key,
        )
    ).parsed
