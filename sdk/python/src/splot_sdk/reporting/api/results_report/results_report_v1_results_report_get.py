from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.report_format import ReportFormat
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    from_: str,
    to: str,
    territory: str | Unset = "",
    format_: ReportFormat | Unset = UNSET,
    practice: list[UUID] | None | Unset = UNSET,
    round_: list[UUID] | None | Unset = UNSET,
    title: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["territory"] = territory

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_practice: list[str] | None | Unset
    if isinstance(practice, Unset):
        json_practice = UNSET
    elif isinstance(practice, list):
        json_practice = []
        for practice_type_0_item_data in practice:
            practice_type_0_item = str(practice_type_0_item_data)
            json_practice.append(practice_type_0_item)

    else:
        json_practice = practice
    params["practice"] = json_practice

    json_round_: list[str] | None | Unset
    if isinstance(round_, Unset):
        json_round_ = UNSET
    elif isinstance(round_, list):
        json_round_ = []
        for round_type_0_item_data in round_:
            round_type_0_item = str(round_type_0_item_data)
            json_round_.append(round_type_0_item)

    else:
        json_round_ = round_
    params["round"] = json_round_

    json_title: None | str | Unset
    if isinstance(title, Unset):
        json_title = UNSET
    else:
        json_title = title
    params["title"] = json_title

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/results-report",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    if response.status_code == 200:
        response_200 = response.text
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
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
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
    territory: str | Unset = "",
    format_: ReportFormat | Unset = UNSET,
    practice: list[UUID] | None | Unset = UNSET,
    round_: list[UUID] | None | Unset = UNSET,
    title: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Results Report

     The results report of a territory within your scope (analysts) for a range of months: key
    indicators with charts and the map, survey results, problem areas, chosen good practices and
    methodology notes. `format=html` is a self-contained document served with a strict
    Content-Security-Policy; `format=pdf` an attachment with a file name.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        territory (str | Unset): "" national, 2 digits a voivodeship, 4 a powiat Default: ''.
        format_ (ReportFormat | Unset):
        practice (list[UUID] | None | Unset): Published good practices to show
        round_ (list[UUID] | None | Unset): Survey rounds to show (default: all in the period)
        title (None | str | Unset): One line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        territory=territory,
        format_=format_,
        practice=practice,
        round_=round_,
        title=title,
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
    territory: str | Unset = "",
    format_: ReportFormat | Unset = UNSET,
    practice: list[UUID] | None | Unset = UNSET,
    round_: list[UUID] | None | Unset = UNSET,
    title: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Results Report

     The results report of a territory within your scope (analysts) for a range of months: key
    indicators with charts and the map, survey results, problem areas, chosen good practices and
    methodology notes. `format=html` is a self-contained document served with a strict
    Content-Security-Policy; `format=pdf` an attachment with a file name.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        territory (str | Unset): "" national, 2 digits a voivodeship, 4 a powiat Default: ''.
        format_ (ReportFormat | Unset):
        practice (list[UUID] | None | Unset): Published good practices to show
        round_ (list[UUID] | None | Unset): Survey rounds to show (default: all in the period)
        title (None | str | Unset): One line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return sync_detailed(
        client=client,
        from_=from_,
        to=to,
        territory=territory,
        format_=format_,
        practice=practice,
        round_=round_,
        title=title,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: str | Unset = "",
    format_: ReportFormat | Unset = UNSET,
    practice: list[UUID] | None | Unset = UNSET,
    round_: list[UUID] | None | Unset = UNSET,
    title: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Results Report

     The results report of a territory within your scope (analysts) for a range of months: key
    indicators with charts and the map, survey results, problem areas, chosen good practices and
    methodology notes. `format=html` is a self-contained document served with a strict
    Content-Security-Policy; `format=pdf` an attachment with a file name.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        territory (str | Unset): "" national, 2 digits a voivodeship, 4 a powiat Default: ''.
        format_ (ReportFormat | Unset):
        practice (list[UUID] | None | Unset): Published good practices to show
        round_ (list[UUID] | None | Unset): Survey rounds to show (default: all in the period)
        title (None | str | Unset): One line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        from_=from_,
        to=to,
        territory=territory,
        format_=format_,
        practice=practice,
        round_=round_,
        title=title,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    from_: str,
    to: str,
    territory: str | Unset = "",
    format_: ReportFormat | Unset = UNSET,
    practice: list[UUID] | None | Unset = UNSET,
    round_: list[UUID] | None | Unset = UNSET,
    title: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Results Report

     The results report of a territory within your scope (analysts) for a range of months: key
    indicators with charts and the map, survey results, problem areas, chosen good practices and
    methodology notes. `format=html` is a self-contained document served with a strict
    Content-Security-Policy; `format=pdf` an attachment with a file name.

    Args:
        from_ (str): First month, YYYY-MM
        to (str): Last month, YYYY-MM
        territory (str | Unset): "" national, 2 digits a voivodeship, 4 a powiat Default: ''.
        format_ (ReportFormat | Unset):
        practice (list[UUID] | None | Unset): Published good practices to show
        round_ (list[UUID] | None | Unset): Survey rounds to show (default: all in the period)
        title (None | str | Unset): One line

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            from_=from_,
            to=to,
            territory=territory,
            format_=format_,
            practice=practice,
            round_=round_,
            title=title,
        )
    ).parsed
