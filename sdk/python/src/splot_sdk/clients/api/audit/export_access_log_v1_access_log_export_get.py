import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.export_access_log_v1_access_log_export_get_format import (
    ExportAccessLogV1AccessLogExportGetFormat,
)
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    format_: ExportAccessLogV1AccessLogExportGetFormat
    | Unset = ExportAccessLogV1AccessLogExportGetFormat.CSV,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_format_: str | Unset = UNSET
    if not isinstance(format_, Unset):
        json_format_ = format_.value

    params["format"] = json_format_

    json_person_id: None | str | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, UUID):
        json_person_id = str(person_id)
    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    json_institution_id: None | str | Unset
    if isinstance(institution_id, Unset):
        json_institution_id = UNSET
    elif isinstance(institution_id, UUID):
        json_institution_id = str(institution_id)
    else:
        json_institution_id = institution_id
    params["institution_id"] = json_institution_id

    json_subject: None | str | Unset
    if isinstance(subject, Unset):
        json_subject = UNSET
    else:
        json_subject = subject
    params["subject"] = json_subject

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    else:
        json_action = action
    params["action"] = json_action

    json_legal_basis: None | str | Unset
    if isinstance(legal_basis, Unset):
        json_legal_basis = UNSET
    else:
        json_legal_basis = legal_basis
    params["legal_basis"] = json_legal_basis

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.date):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_until: None | str | Unset
    if isinstance(until, Unset):
        json_until = UNSET
    elif isinstance(until, datetime.date):
        json_until = until.isoformat()
    else:
        json_until = until
    params["until"] = json_until

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/access-log/export",
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
    format_: ExportAccessLogV1AccessLogExportGetFormat
    | Unset = ExportAccessLogV1AccessLogExportGetFormat.CSV,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Export Access Log

     The filtered access log as a file (auditors), newest first; over the export limit a 422
    ``export_too_large`` names the count and the limit. The export is recorded in the log.

    Args:
        format_ (ExportAccessLogV1AccessLogExportGetFormat | Unset): csv or xlsx Default:
            ExportAccessLogV1AccessLogExportGetFormat.CSV.
        person_id (None | Unset | UUID): Entries about this person
        institution_id (None | Unset | UUID): Entries of this institution
        subject (None | str | Unset): The user (or system) who acted
        action (None | str | Unset):
        legal_basis (None | str | Unset): Basis of access, e.g. access_grant, break_glass
        since (datetime.date | None | Unset): First day (UTC), YYYY-MM-DD
        until (datetime.date | None | Unset): Last day (UTC), YYYY-MM-DD; not before since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        format_=format_,
        person_id=person_id,
        institution_id=institution_id,
        subject=subject,
        action=action,
        legal_basis=legal_basis,
        since=since,
        until=until,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    format_: ExportAccessLogV1AccessLogExportGetFormat
    | Unset = ExportAccessLogV1AccessLogExportGetFormat.CSV,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Export Access Log

     The filtered access log as a file (auditors), newest first; over the export limit a 422
    ``export_too_large`` names the count and the limit. The export is recorded in the log.

    Args:
        format_ (ExportAccessLogV1AccessLogExportGetFormat | Unset): csv or xlsx Default:
            ExportAccessLogV1AccessLogExportGetFormat.CSV.
        person_id (None | Unset | UUID): Entries about this person
        institution_id (None | Unset | UUID): Entries of this institution
        subject (None | str | Unset): The user (or system) who acted
        action (None | str | Unset):
        legal_basis (None | str | Unset): Basis of access, e.g. access_grant, break_glass
        since (datetime.date | None | Unset): First day (UTC), YYYY-MM-DD
        until (datetime.date | None | Unset): Last day (UTC), YYYY-MM-DD; not before since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return sync_detailed(
        client=client,
        format_=format_,
        person_id=person_id,
        institution_id=institution_id,
        subject=subject,
        action=action,
        legal_basis=legal_basis,
        since=since,
        until=until,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    format_: ExportAccessLogV1AccessLogExportGetFormat
    | Unset = ExportAccessLogV1AccessLogExportGetFormat.CSV,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]:
    """Export Access Log

     The filtered access log as a file (auditors), newest first; over the export limit a 422
    ``export_too_large`` names the count and the limit. The export is recorded in the log.

    Args:
        format_ (ExportAccessLogV1AccessLogExportGetFormat | Unset): csv or xlsx Default:
            ExportAccessLogV1AccessLogExportGetFormat.CSV.
        person_id (None | Unset | UUID): Entries about this person
        institution_id (None | Unset | UUID): Entries of this institution
        subject (None | str | Unset): The user (or system) who acted
        action (None | str | Unset):
        legal_basis (None | str | Unset): Basis of access, e.g. access_grant, break_glass
        since (datetime.date | None | Unset): First day (UTC), YYYY-MM-DD
        until (datetime.date | None | Unset): Last day (UTC), YYYY-MM-DD; not before since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ValidationProblem | str]
    """

    kwargs = _get_kwargs(
        format_=format_,
        person_id=person_id,
        institution_id=institution_id,
        subject=subject,
        action=action,
        legal_basis=legal_basis,
        since=since,
        until=until,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    format_: ExportAccessLogV1AccessLogExportGetFormat
    | Unset = ExportAccessLogV1AccessLogExportGetFormat.CSV,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ValidationProblem | str | None:
    """Export Access Log

     The filtered access log as a file (auditors), newest first; over the export limit a 422
    ``export_too_large`` names the count and the limit. The export is recorded in the log.

    Args:
        format_ (ExportAccessLogV1AccessLogExportGetFormat | Unset): csv or xlsx Default:
            ExportAccessLogV1AccessLogExportGetFormat.CSV.
        person_id (None | Unset | UUID): Entries about this person
        institution_id (None | Unset | UUID): Entries of this institution
        subject (None | str | Unset): The user (or system) who acted
        action (None | str | Unset):
        legal_basis (None | str | Unset): Basis of access, e.g. access_grant, break_glass
        since (datetime.date | None | Unset): First day (UTC), YYYY-MM-DD
        until (datetime.date | None | Unset): Last day (UTC), YYYY-MM-DD; not before since

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ValidationProblem | str
    """

    return (
        await asyncio_detailed(
            client=client,
            format_=format_,
            person_id=person_id,
            institution_id=institution_id,
            subject=subject,
            action=action,
            legal_basis=legal_basis,
            since=since,
            until=until,
        )
    ).parsed
