from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbidden_problem import ForbiddenProblem
from ...models.frozen_report_read import FrozenReportRead
from ...models.problem_detail import ProblemDetail
from ...models.report_freeze import ReportFreeze
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    edition_id: UUID,
    *,
    body: ReportFreeze,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/editions/{edition_id}/report".format(
            edition_id=quote(str(edition_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 201:
        response_201 = FrozenReportRead.from_dict(response.json())

        return response_201

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
) -> Response[ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    edition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportFreeze,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Freeze Report

     Freeze the results report of the edition's territory and period into its current version
    (analysts whose scope covers the edition; once per version, 409 `report_exists` after).

    Args:
        edition_id (UUID):
        idempotency_key (str | Unset):
        body (ReportFreeze):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        edition_id=edition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    edition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportFreeze,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Freeze Report

     Freeze the results report of the edition's territory and period into its current version
    (analysts whose scope covers the edition; once per version, 409 `report_exists` after).

    Args:
        edition_id (UUID):
        idempotency_key (str | Unset):
        body (ReportFreeze):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        edition_id=edition_id,
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    edition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportFreeze,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Freeze Report

     Freeze the results report of the edition's territory and period into its current version
    (analysts whose scope covers the edition; once per version, 409 `report_exists` after).

    Args:
        edition_id (UUID):
        idempotency_key (str | Unset):
        body (ReportFreeze):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        edition_id=edition_id,
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    edition_id: UUID,
    *,
    client: AuthenticatedClient,
    body: ReportFreeze,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Freeze Report

     Freeze the results report of the edition's territory and period into its current version
    (analysts whose scope covers the edition; once per version, 409 `report_exists` after).

    Args:
        edition_id (UUID):
        idempotency_key (str | Unset):
        body (ReportFreeze):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | FrozenReportRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            edition_id=edition_id,
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
