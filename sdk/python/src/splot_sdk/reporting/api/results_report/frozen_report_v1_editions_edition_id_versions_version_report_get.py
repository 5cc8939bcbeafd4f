from http import HTTPStatus
from typing import Any
from urllib.parse import quote
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
    edition_id: UUID,
    version: int,
    *,
    format_: ReportFormat | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/editions/{edition_id}/versions/{version}/report".format(
            edition_id=quote(str(edition_id), safe=""),
            version=quote(str(version), safe=""),
        ),
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
    edition_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Frozen Report

     The report frozen in one version of an edition, exactly as it was frozen (readers of the
    edition); 404 when that version has none.

    Args:
        edition_id (UUID):
        version (int):
        format_ (ReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        edition_id=edition_id,
        version=version,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    edition_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Frozen Report

     The report frozen in one version of an edition, exactly as it was frozen (readers of the
    edition); 404 when that version has none.

    Args:
        edition_id (UUID):
        version (int):
        format_ (ReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return sync_detailed(
        edition_id=edition_id,
        version=version,
        client=client,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    edition_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Frozen Report

     The report frozen in one version of an edition, exactly as it was frozen (readers of the
    edition); 404 when that version has none.

    Args:
        edition_id (UUID):
        version (int):
        format_ (ReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        edition_id=edition_id,
        version=version,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    edition_id: UUID,
    version: int,
    *,
    client: AuthenticatedClient,
    format_: ReportFormat | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Frozen Report

     The report frozen in one version of an edition, exactly as it was frozen (readers of the
    edition); 404 when that version has none.

    Args:
        edition_id (UUID):
        version (int):
        format_ (ReportFormat | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return (
        await asyncio_detailed(
            edition_id=edition_id,
            version=version,
            client=client,
            format_=format_,
        )
    ).parsed
