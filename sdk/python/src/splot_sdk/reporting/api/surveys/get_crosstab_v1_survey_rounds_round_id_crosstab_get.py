from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.crosstab import Crosstab
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    round_id: UUID,
    *,
    question: str,
    indicator: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["question"] = question

    json_indicator: None | str | Unset
    if isinstance(indicator, Unset):
        json_indicator = UNSET
    else:
        json_indicator = indicator
    params["indicator"] = json_indicator

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/survey-rounds/{round_id}/crosstab".format(
            round_id=quote(str(round_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = Crosstab.from_dict(response.json())

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
) -> Response[Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem]:
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
    question: str,
    indicator: None | str | Unset = UNSET,
) -> Response[Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Get Crosstab

     For each answer of a choice or scale question, a hard indicator over the referrals of the
    institutions that gave it, in the round's reference period (`referrals` sent;
    `sla_compliance`, `acceptance_rate`, `closed_loop_rate`, `completion_rate` of the referrals
    they received). Without `indicator`, the question's own.

    Args:
        round_id (UUID):
        question (str):
        indicator (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        question=question,
        indicator=indicator,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    question: str,
    indicator: None | str | Unset = UNSET,
) -> Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Get Crosstab

     For each answer of a choice or scale question, a hard indicator over the referrals of the
    institutions that gave it, in the round's reference period (`referrals` sent;
    `sla_compliance`, `acceptance_rate`, `closed_loop_rate`, `completion_rate` of the referrals
    they received). Without `indicator`, the question's own.

    Args:
        round_id (UUID):
        question (str):
        indicator (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        round_id=round_id,
        client=client,
        question=question,
        indicator=indicator,
    ).parsed


async def asyncio_detailed(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    question: str,
    indicator: None | str | Unset = UNSET,
) -> Response[Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Get Crosstab

     For each answer of a choice or scale question, a hard indicator over the referrals of the
    institutions that gave it, in the round's reference period (`referrals` sent;
    `sla_compliance`, `acceptance_rate`, `closed_loop_rate`, `completion_rate` of the referrals
    they received). Without `indicator`, the question's own.

    Args:
        round_id (UUID):
        question (str):
        indicator (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        round_id=round_id,
        question=question,
        indicator=indicator,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    round_id: UUID,
    *,
    client: AuthenticatedClient,
    question: str,
    indicator: None | str | Unset = UNSET,
) -> Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Get Crosstab

     For each answer of a choice or scale question, a hard indicator over the referrals of the
    institutions that gave it, in the round's reference period (`referrals` sent;
    `sla_compliance`, `acceptance_rate`, `closed_loop_rate`, `completion_rate` of the referrals
    they received). Without `indicator`, the question's own.

    Args:
        round_id (UUID):
        question (str):
        indicator (None | str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Crosstab | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            round_id=round_id,
            client=client,
            question=question,
            indicator=indicator,
        )
    ).parsed
