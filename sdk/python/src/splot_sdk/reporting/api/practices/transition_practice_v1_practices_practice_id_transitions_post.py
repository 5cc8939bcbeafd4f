from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.practice_read import PracticeRead
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.transition_create import TransitionCreate
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    practice_id: UUID,
    *,
    body: TransitionCreate,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/practices/{practice_id}/transitions".format(
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
    body: TransitionCreate,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Transition Practice

     A step of the workflow: ``submit`` (its institution: a draft or returned one),
    ``accept``, ``return`` or ``reject`` with a comment (a submitted or accepted one),
    ``publish`` (an accepted one) and ``unpublish`` (analysts covering its institution's seat).
    409 ``invalid_transition`` from another state.

    Args:
        practice_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (TransitionCreate):

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
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TransitionCreate,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Transition Practice

     A step of the workflow: ``submit`` (its institution: a draft or returned one),
    ``accept``, ``return`` or ``reject`` with a comment (a submitted or accepted one),
    ``publish`` (an accepted one) and ``unpublish`` (analysts covering its institution's seat).
    409 ``invalid_transition`` from another state.

    Args:
        practice_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (TransitionCreate):

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
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TransitionCreate,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Transition Practice

     A step of the workflow: ``submit`` (its institution: a draft or returned one),
    ``accept``, ``return`` or ``reject`` with a comment (a submitted or accepted one),
    ``publish`` (an accepted one) and ``unpublish`` (analysts covering its institution's seat).
    409 ``invalid_transition`` from another state.

    Args:
        practice_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (TransitionCreate):

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
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practice_id: UUID,
    *,
    client: AuthenticatedClient,
    body: TransitionCreate,
    if_match: str,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | PracticeRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Transition Practice

     A step of the workflow: ``submit`` (its institution: a draft or returned one),
    ``accept``, ``return`` or ``reject`` with a comment (a submitted or accepted one),
    ``publish`` (an accepted one) and ``unpublish`` (analysts covering its institution's seat).
    409 ``invalid_transition`` from another state.

    Args:
        practice_id (UUID):
        if_match (str):
        idempotency_key (str | Unset):
        body (TransitionCreate):

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
            idempotency_key=idempotency_key,
        )
    ).parsed
