from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.questionnaire_read import QuestionnaireRead
from ...models.questionnaire_write import QuestionnaireWrite
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import Response


def _get_kwargs(
    questionnaire_id: UUID,
    *,
    body: QuestionnaireWrite,
    if_match: str,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["If-Match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/questionnaires/{questionnaire_id}".format(
            questionnaire_id=quote(str(questionnaire_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = QuestionnaireRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem]:
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
    body: QuestionnaireWrite,
    if_match: str,
) -> Response[ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem]:
    """Update Questionnaire

     Replace a draft's document (analysts of its own scope); 409 `questionnaire_frozen` once sent.

    Args:
        questionnaire_id (UUID):
        if_match (str):
        body (QuestionnaireWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        body=body,
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
    body: QuestionnaireWrite,
    if_match: str,
) -> ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem | None:
    """Update Questionnaire

     Replace a draft's document (analysts of its own scope); 409 `questionnaire_frozen` once sent.

    Args:
        questionnaire_id (UUID):
        if_match (str):
        body (QuestionnaireWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        questionnaire_id=questionnaire_id,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    body: QuestionnaireWrite,
    if_match: str,
) -> Response[ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem]:
    """Update Questionnaire

     Replace a draft's document (analysts of its own scope); 409 `questionnaire_frozen` once sent.

    Args:
        questionnaire_id (UUID):
        if_match (str):
        body (QuestionnaireWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        questionnaire_id=questionnaire_id,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    questionnaire_id: UUID,
    *,
    client: AuthenticatedClient,
    body: QuestionnaireWrite,
    if_match: str,
) -> ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem | None:
    """Update Questionnaire

     Replace a draft's document (analysts of its own scope); 409 `questionnaire_frozen` once sent.

    Args:
        questionnaire_id (UUID):
        if_match (str):
        body (QuestionnaireWrite):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | QuestionnaireRead | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            questionnaire_id=questionnaire_id,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
