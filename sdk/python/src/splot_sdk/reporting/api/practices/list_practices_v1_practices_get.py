from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.practice_page import PracticePage
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    q: None | str | Unset = UNSET,
    problem_area: None | str | Unset = UNSET,
    institution_type: None | str | Unset = UNSET,
    territory: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    json_problem_area: None | str | Unset
    if isinstance(problem_area, Unset):
        json_problem_area = UNSET
    else:
        json_problem_area = problem_area
    params["problem_area"] = json_problem_area

    json_institution_type: None | str | Unset
    if isinstance(institution_type, Unset):
        json_institution_type = UNSET
    else:
        json_institution_type = institution_type
    params["institution_type"] = json_institution_type

    json_territory: None | str | Unset
    if isinstance(territory, Unset):
        json_territory = UNSET
    else:
        json_territory = territory
    params["territory"] = json_territory

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/practices",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = PracticePage.from_dict(response.json())

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
) -> Response[ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    problem_area: None | str | Unset = UNSET,
    institution_type: None | str | Unset = UNSET,
    territory: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem]:
    """List Practices

     The published good practices (every staff user), newest first: search words (case and
    Polish diacritics ignored) and filters by problem area, institution type and territory.

    Args:
        q (None | str | Unset): Words in the title, summary or results
        problem_area (None | str | Unset):
        institution_type (None | str | Unset):
        territory (None | str | Unset): A voivodeship or powiat
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        problem_area=problem_area,
        institution_type=institution_type,
        territory=territory,
        cursor=cursor,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    problem_area: None | str | Unset = UNSET,
    institution_type: None | str | Unset = UNSET,
    territory: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem | None:
    """List Practices

     The published good practices (every staff user), newest first: search words (case and
    Polish diacritics ignored) and filters by problem area, institution type and territory.

    Args:
        q (None | str | Unset): Words in the title, summary or results
        problem_area (None | str | Unset):
        institution_type (None | str | Unset):
        territory (None | str | Unset): A voivodeship or powiat
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        q=q,
        problem_area=problem_area,
        institution_type=institution_type,
        territory=territory,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    problem_area: None | str | Unset = UNSET,
    institution_type: None | str | Unset = UNSET,
    territory: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem]:
    """List Practices

     The published good practices (every staff user), newest first: search words (case and
    Polish diacritics ignored) and filters by problem area, institution type and territory.

    Args:
        q (None | str | Unset): Words in the title, summary or results
        problem_area (None | str | Unset):
        institution_type (None | str | Unset):
        territory (None | str | Unset): A voivodeship or powiat
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        q=q,
        problem_area=problem_area,
        institution_type=institution_type,
        territory=territory,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    q: None | str | Unset = UNSET,
    problem_area: None | str | Unset = UNSET,
    institution_type: None | str | Unset = UNSET,
    territory: None | str | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem | None:
    """List Practices

     The published good practices (every staff user), newest first: search words (case and
    Polish diacritics ignored) and filters by problem area, institution type and territory.

    Args:
        q (None | str | Unset): Words in the title, summary or results
        problem_area (None | str | Unset):
        institution_type (None | str | Unset):
        territory (None | str | Unset): A voivodeship or powiat
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | PracticePage | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            q=q,
            problem_area=problem_area,
            institution_type=institution_type,
            territory=territory,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
