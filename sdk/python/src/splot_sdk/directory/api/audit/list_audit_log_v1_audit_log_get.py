import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.audit_action import AuditAction
from ...models.audit_page import AuditPage
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    institution_id: None | Unset | UUID = UNSET,
    target_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_institution_id: None | str | Unset
    if isinstance(institution_id, Unset):
        json_institution_id = UNSET
    elif isinstance(institution_id, UUID):
        json_institution_id = str(institution_id)
    else:
        json_institution_id = institution_id
    params["institution_id"] = json_institution_id

    json_target_id: None | str | Unset
    if isinstance(target_id, Unset):
        json_target_id = UNSET
    else:
        json_target_id = target_id
    params["target_id"] = json_target_id

    json_action: None | str | Unset
    if isinstance(action, Unset):
        json_action = UNSET
    elif isinstance(action, AuditAction):
        json_action = action.value
    else:
        json_action = action
    params["action"] = json_action

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
        "url": "/v1/audit-log",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = AuditPage.from_dict(response.json())

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
) -> Response[AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    target_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Audit Log

     The directory's append-only audit trail of account and access changes, newest first
    (auditors and system administrators).

    Args:
        institution_id (None | Unset | UUID): The target's or the actor's institution
        target_id (None | str | Unset): A user id or a client_id
        action (AuditAction | None | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        target_id=target_id,
        action=action,
        since=since,
        until=until,
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
    institution_id: None | Unset | UUID = UNSET,
    target_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Audit Log

     The directory's append-only audit trail of account and access changes, newest first
    (auditors and system administrators).

    Args:
        institution_id (None | Unset | UUID): The target's or the actor's institution
        target_id (None | str | Unset): A user id or a client_id
        action (AuditAction | None | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        institution_id=institution_id,
        target_id=target_id,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    target_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> Response[AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """List Audit Log

     The directory's append-only audit trail of account and access changes, newest first
    (auditors and system administrators).

    Args:
        institution_id (None | Unset | UUID): The target's or the actor's institution
        target_id (None | str | Unset): A user id or a client_id
        action (AuditAction | None | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        institution_id=institution_id,
        target_id=target_id,
        action=action,
        since=since,
        until=until,
        cursor=cursor,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    institution_id: None | Unset | UUID = UNSET,
    target_id: None | str | Unset = UNSET,
    action: AuditAction | None | Unset = UNSET,
    since: datetime.date | None | Unset = UNSET,
    until: datetime.date | None | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
) -> AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """List Audit Log

     The directory's append-only audit trail of account and access changes, newest first
    (auditors and system administrators).

    Args:
        institution_id (None | Unset | UUID): The target's or the actor's institution
        target_id (None | str | Unset): A user id or a client_id
        action (AuditAction | None | Unset):
        since (datetime.date | None | Unset):
        until (datetime.date | None | Unset):
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            institution_id=institution_id,
            target_id=target_id,
            action=action,
            since=since,
            until=until,
            cursor=cursor,
            limit=limit,
        )
    ).parsed
