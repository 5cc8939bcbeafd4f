from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluation_summary import EvaluationSummary
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response


def _get_kwargs(
    partnership_id: UUID,
    *,
    period: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/partnerships/{partnership_id}/evaluations/summary".format(
            partnership_id=quote(str(partnership_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = EvaluationSummary.from_dict(response.json())

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
) -> Response[EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    partnership_id: UUID,
    *,
    client: AuthenticatedClient,
    period: str,
) -> Response[EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Evaluation Summary

     The partnership's evaluation for a period: each party's newest answer and the mean score.

    Args:
        partnership_id (UUID):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        partnership_id=partnership_id,
        period=period,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    partnership_id: UUID,
    *,
    client: AuthenticatedClient,
    period: str,
) -> EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Evaluation Summary

     The partnership's evaluation for a period: each party's newest answer and the mean score.

    Args:
        partnership_id (UUID):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        partnership_id=partnership_id,
        client=client,
        period=period,
    ).parsed


async def asyncio_detailed(
    partnership_id: UUID,
    *,
    client: AuthenticatedClient,
    period: str,
) -> Response[EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Evaluation Summary

     The partnership's evaluation for a period: each party's newest answer and the mean score.

    Args:
        partnership_id (UUID):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        partnership_id=partnership_id,
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    partnership_id: UUID,
    *,
    client: AuthenticatedClient,
    period: str,
) -> EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Evaluation Summary

     The partnership's evaluation for a period: each party's newest answer and the mean score.

    Args:
        partnership_id (UUID):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        EvaluationSummary | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            partnership_id=partnership_id,
            client=client,
            period=period,
        )
    ).parsed
