from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.task_filter import TaskFilter
from ...models.task_list import TaskList
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    status: TaskFilter | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/survey-tasks",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = TaskList.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    status: TaskFilter | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem]:
    """List Tasks

     The rounds your institution was invited to, by deadline (`open`: those still editable),
    with your response's state and when you were last reminded. A coordinator or administrator
    only (other roles, institution systems and Splot services 403).

    Args:
        status (TaskFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    status: TaskFilter | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem | None:
    """List Tasks

     The rounds your institution was invited to, by deadline (`open`: those still editable),
    with your response's state and when you were last reminded. A coordinator or administrator
    only (other roles, institution systems and Splot services 403).

    Args:
        status (TaskFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem
    """

    return sync_detailed(
        client=client,
        status=status,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    status: TaskFilter | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem]:
    """List Tasks

     The rounds your institution was invited to, by deadline (`open`: those still editable),
    with your response's state and when you were last reminded. A coordinator or administrator
    only (other roles, institution systems and Splot services 403).

    Args:
        status (TaskFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem]
    """

    kwargs = _get_kwargs(
        status=status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    status: TaskFilter | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem | None:
    """List Tasks

     The rounds your institution was invited to, by deadline (`open`: those still editable),
    with your response's state and when you were last reminded. A coordinator or administrator
    only (other roles, institution systems and Splot services 403).

    Args:
        status (TaskFilter | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | TaskList | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            status=status,
        )
    ).parsed
