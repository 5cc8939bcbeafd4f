import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.access_log_page import AccessLogPage
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

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
        "url": "/v1/access-log",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AccessLogPage.from_dict(response.json())

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
) -> Response[AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Access Log

     The append-only access log, newest first (auditors); a reversed period is a 422.

    Args:
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
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
        Response[AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
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
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Access Log

     The append-only access log, newest first (auditors); a reversed period is a 422.

    Args:
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
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
        AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        cursor=cursor,
        limit=limit,
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
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> Response[AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Access Log

     The append-only access log, newest first (auditors); a reversed period is a 422.

    Args:
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
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
        Response[AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        cursor=cursor,
        limit=limit,
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
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    person_id: None | Unset | UUID = UNSET,
    institution_id: None | Unset | UUID = UNSET,
    subject: None | str | Unset = UNSET,
    action: None | str | Unset = UNSET,
    legal_basis: None | str | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
) -> AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Access Log

     The append-only access log, newest first (auditors); a reversed period is a 422.

    Args:
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
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
        AccessLogPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            cursor=cursor,
            limit=limit,
            person_id=person_id,
            institution_id=institution_id,
            subject=subject,
            action=action,
            legal_basis=legal_basis,
            since=since,
            until=until,
        )
    ).parsed
