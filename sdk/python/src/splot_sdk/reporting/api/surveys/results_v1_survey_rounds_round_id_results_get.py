from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.round_results import RoundResults
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    round_id: UUID,
    *,
    territory: None | str | Unset = UNSET,
    question: None | str | Unset = UNSET,
    answer: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_territory: None | str | Unset
    if isinstance(territory, Unset):
        json_territory = UNSET
    else:
        json_territory = territory
    params["territory"] = json_territory

    json_question: None | str | Unset
    if isinstance(question, Unset):
        json_question = UNSET
    else:
        json_question = question
    params["question"] = json_question

    json_answer: None | str | Unset
    if isinstance(answer, Unset):
        json_answer = UNSET
    else:
        json_answer = answer
    params["answer"] = json_answer

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/survey-rounds/{round_id}/results".format(
            round_id=quote(str(round_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = RoundResults.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem]:
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
    territory: None | str | Unset = UNSET,
    question: None | str | Unset = UNSET,
    answer: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem]:
    """Results

     Aggregated answers of the submitted responses, protected (docs/indicators.md, "Surveys"):
    narrowed to a sub-territory and/or to the respondents who gave one answer to a single-choice
    or scale question. Free texts only for the round's owner (`texts` null for others).

    Args:
        round_id (UUID):
        territory (None | str | Unset):
        question (None | str | Unset):
        answer (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        territory=territory,
        question=question,
        answer=answer,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    territory: None | str | Unset = UNSET,
    question: None | str | Unset = UNSET,
    answer: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem | None:
    """Results

     Aggregated answers of the submitted responses, protected (docs/indicators.md, "Surveys"):
    narrowed to a sub-territory and/or to the respondents who gave one answer to a single-choice
    or scale question. Free texts only for the round's owner (`texts` null for others).

    Args:
        round_id (UUID):
        territory (None | str | Unset):
        question (None | str | Unset):
        answer (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem
    """

    return sync_detailed(
        round_id=round_id,
        client=client,
        territory=territory,
        question=question,
        answer=answer,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    territory: None | str | Unset = UNSET,
    question: None | str | Unset = UNSET,
    answer: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem]:
    """Results

     Aggregated answers of the submitted responses, protected (docs/indicators.md, "Surveys"):
    narrowed to a sub-territory and/or to the respondents who gave one answer to a single-choice
    or scale question. Free texts only for the round's owner (`texts` null for others).

    Args:
        round_id (UUID):
        territory (None | str | Unset):
        question (None | str | Unset):
        answer (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        territory=territory,
        question=question,
        answer=answer,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    territory: None | str | Unset = UNSET,
    question: None | str | Unset = UNSET,
    answer: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem | None:
    """Results

     Aggregated answers of the submitted responses, protected (docs/indicators.md, "Surveys"):
    narrowed to a sub-territory and/or to the respondents who gave one answer to a single-choice
    or scale question. Free texts only for the round's owner (`texts` null for others).

    Args:
        round_id (UUID):
        territory (None | str | Unset):
        question (None | str | Unset):
        answer (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | RoundResults | ValidationProblem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            client=client,
            territory=territory,
            question=question,
            answer=answer,
        )
    ).parsed
