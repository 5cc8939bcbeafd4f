from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    questionnaire_id: UUID,
    *,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/questionnaires/{questionnaire_id}".format(
            questionnaire_id=quote(str(questionnaire_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

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
) -> Response[Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Delete Questionnaire

     Delete a draft never sent (analysts of its own scope).

    Args:
        questionnaire_id (UUID):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Delete Questionnaire

     Delete a draft never sent (analysts of its own scope).

    Args:
        questionnaire_id (UUID):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        questionnaire_id=questionnaire_id,
        client=client,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Response[Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Delete Questionnaire

     Delete a draft never sent (analysts of its own scope).

    Args:
        questionnaire_id (UUID):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    if_match: str,
) -> Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Delete Questionnaire

     Delete a draft never sent (analysts of its own scope).

    Args:
        questionnaire_id (UUID):
        if_match (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | ForbiddenProblem | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            questionnaire_id=questionnaire_id,
            client=client,
            if_match=if_match,
        )
    ).parsed
