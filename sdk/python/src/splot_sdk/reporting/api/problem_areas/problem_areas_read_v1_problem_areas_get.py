from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_areas_read import ProblemAreasRead
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    territory: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    json_territory: None | str | Unset
    if isinstance(territory, Unset):
        json_territory = UNSET
    else:
        json_territory = territory
    params["territory"] = json_territory

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/problem-areas",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = ProblemAreasRead.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem]:
    """Problem Areas Read

     Per problem area: rejected or failed referrals whose reason maps to it (protected by the
    policy), parties whose partnership evaluation names it and institutions whose survey answer
    chose it (protected by the institutions' threshold), and the total. Analysts: a territory
    within theirs (403 ``territory_out_of_scope``); institution staff: their own institution,
    exactly.

    Args:
        from_ (str): First month (YYYY-MM)
        to (str): Last month (YYYY-MM)
        territory (None | str | Unset): Analysts: a territory within yours

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        territory=territory,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem | None:
    """Problem Areas Read

     Per problem area: rejected or failed referrals whose reason maps to it (protected by the
    policy), parties whose partnership evaluation names it and institutions whose survey answer
    chose it (protected by the institutions' threshold), and the total. Analysts: a territory
    within theirs (403 ``territory_out_of_scope``); institution staff: their own institution,
    exactly.

    Args:
        from_ (str): First month (YYYY-MM)
        to (str): Last month (YYYY-MM)
        territory (None | str | Unset): Analysts: a territory within yours

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        territory=territory,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem]:
    """Problem Areas Read

     Per problem area: rejected or failed referrals whose reason maps to it (protected by the
    policy), parties whose partnership evaluation names it and institutions whose survey answer
    chose it (protected by the institutions' threshold), and the total. Analysts: a territory
    within theirs (403 ``territory_out_of_scope``); institution staff: their own institution,
    exactly.

    Args:
        from_ (str): First month (YYYY-MM)
        to (str): Last month (YYYY-MM)
        territory (None | str | Unset): Analysts: a territory within yours

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        territory=territory,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem | None:
    """Problem Areas Read

     Per problem area: rejected or failed referrals whose reason maps to it (protected by the
    policy), parties whose partnership evaluation names it and institutions whose survey answer
    chose it (protected by the institutions' threshold), and the total. Analysts: a territory
    within theirs (403 ``territory_out_of_scope``); institution staff: their own institution,
    exactly.

    Args:
        from_ (str): First month (YYYY-MM)
        to (str): Last month (YYYY-MM)
        territory (None | str | Unset): Analysts: a territory within yours

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemAreasRead | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            territory=territory,
        )
    ).parsed
