from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.create_import_v1_imports_post_files_body import CreateImportV1ImportsPostFilesBody
from ...models.create_import_v1_imports_post_json_body import CreateImportV1ImportsPostJsonBody
from ...models.forbidden_problem import ForbiddenProblem
from ...models.import_read import ImportRead
from ...models.problem_detail import ProblemDetail
from ...models.stale_etag_problem import StaleEtagProblem
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: CreateImportV1ImportsPostJsonBody | CreateImportV1ImportsPostFilesBody | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
        "params": params,
    }

    if isinstance(body, CreateImportV1ImportsPostJsonBody):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, CreateImportV1ImportsPostFilesBody):
        _kwargs["files"] = body.to_multipart()

        headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    if response.status_code == 202:
        response_202 = ImportRead.from_dict(response.json())

        return response_202

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

    if response.status_code == 413:
        response_413 = ProblemDetail.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = ProblemDetail.from_dict(response.json())

        return response_415

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
) -> Response[ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateImportV1ImportsPostJsonBody | CreateImportV1ImportsPostFilesBody | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Create Import

     Start a bulk import (coordinators or the institution's system); poll the job for progress.

    Args:
        dry_run (bool | Unset): Report outcomes per row without writing anything Default: False.
        idempotency_key (str | Unset):
        body (CreateImportV1ImportsPostJsonBody):
        body (CreateImportV1ImportsPostFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CreateImportV1ImportsPostJsonBody | CreateImportV1ImportsPostFilesBody | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Create Import

     Start a bulk import (coordinators or the institution's system); poll the job for progress.

    Args:
        dry_run (bool | Unset): Report outcomes per row without writing anything Default: False.
        idempotency_key (str | Unset):
        body (CreateImportV1ImportsPostJsonBody):
        body (CreateImportV1ImportsPostFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateImportV1ImportsPostJsonBody | CreateImportV1ImportsPostFilesBody | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> Response[ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]:
    """Create Import

     Start a bulk import (coordinators or the institution's system); poll the job for progress.

    Args:
        dry_run (bool | Unset): Report outcomes per row without writing anything Default: False.
        idempotency_key (str | Unset):
        body (CreateImportV1ImportsPostJsonBody):
        body (CreateImportV1ImportsPostFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateImportV1ImportsPostJsonBody | CreateImportV1ImportsPostFilesBody | Unset = UNSET,
    dry_run: bool | Unset = False,
    idempotency_key: str | Unset = UNSET,
) -> ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem | None:
    """Create Import

     Start a bulk import (coordinators or the institution's system); poll the job for progress.

    Args:
        dry_run (bool | Unset): Report outcomes per row without writing anything Default: False.
        idempotency_key (str | Unset):
        body (CreateImportV1ImportsPostJsonBody):
        body (CreateImportV1ImportsPostFilesBody):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ImportRead | ProblemDetail | StaleEtagProblem | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
            idempotency_key=idempotency_key,
        )
    ).parsed
