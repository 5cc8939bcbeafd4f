import datetime
from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.box_sort import BoxSort
from ...models.forbidden_problem import ForbiddenProblem
from ...models.priority import Priority
from ...models.problem_detail import ProblemDetail
from ...models.referral_page import ReferralPage
from ...models.status import Status
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    sort: BoxSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    status: list[Status] | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    priority: None | Priority | Unset = UNSET,
    sent_from: datetime.date | None | Unset = UNSET,
    sent_to: datetime.date | None | Unset = UNSET,
    person_id: list[UUID] | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

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

    json_status: list[str] | None | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, list):
        json_status = []
        for status_type_0_item_data in status:
            status_type_0_item = status_type_0_item_data.value
            json_status.append(status_type_0_item)

    else:
        json_status = status
    params["status"] = json_status

    json_overdue: bool | None | Unset
    if isinstance(overdue, Unset):
        json_overdue = UNSET
    else:
        json_overdue = overdue
    params["overdue"] = json_overdue

    json_service_type: None | str | Unset
    if isinstance(service_type, Unset):
        json_service_type = UNSET
    else:
        json_service_type = service_type
    params["service_type"] = json_service_type

    json_assignee: None | str | Unset
    if isinstance(assignee, Unset):
        json_assignee = UNSET
    else:
        json_assignee = assignee
    params["assignee"] = json_assignee

    json_priority: None | str | Unset
    if isinstance(priority, Unset):
        json_priority = UNSET
    elif isinstance(priority, Priority):
        json_priority = priority.value
    else:
        json_priority = priority
    params["priority"] = json_priority

    json_sent_from: None | str | Unset
    if isinstance(sent_from, Unset):
        json_sent_from = UNSET
    elif isinstance(sent_from, datetime.date):
        json_sent_from = sent_from.isoformat()
    else:
        json_sent_from = sent_from
    params["sent_from"] = json_sent_from

    json_sent_to: None | str | Unset
    if isinstance(sent_to, Unset):
        json_sent_to = UNSET
    elif isinstance(sent_to, datetime.date):
        json_sent_to = sent_to.isoformat()
    else:
        json_sent_to = sent_to
    params["sent_to"] = json_sent_to

    json_person_id: list[str] | None | Unset
    if isinstance(person_id, Unset):
        json_person_id = UNSET
    elif isinstance(person_id, list):
        json_person_id = []
        for person_id_type_0_item_data in person_id:
            person_id_type_0_item = str(person_id_type_0_item_data)
            json_person_id.append(person_id_type_0_item)

    else:
        json_person_id = person_id
    params["person_id"] = json_person_id

    json_number: None | str | Unset
    if isinstance(number, Unset):
        json_number = UNSET
    else:
        json_number = number
    params["number"] = json_number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referrals/inbox",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = ReferralPage.from_dict(response.json())

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
) -> Response[ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    sort: BoxSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    status: list[Status] | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    priority: None | Priority | Unset = UNSET,
    sent_from: datetime.date | None | Unset = UNSET,
    sent_to: datetime.date | None | Unset = UNSET,
    person_id: list[UUID] | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem]:
    """Inbox

     Referrals your institution received, newest first (or ``sort=due``: deadline soonest first).

    Args:
        sort (BoxSort | Unset): ``newest`` (sent, or for the outbox created, newest first) or
            ``due`` (response deadline,
            soonest first; drafts have none and are left out).
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
        status (list[Status] | None | Unset):
        overdue (bool | None | Unset):
        service_type (None | str | Unset):
        assignee (None | str | Unset): A user id, "me" or "none" (unassigned)
        priority (None | Priority | Unset):
        sent_from (datetime.date | None | Unset):
        sent_to (datetime.date | None | Unset):
        person_id (list[UUID] | None | Unset): A person's id (repeatable: any of up to 50 persons)
        number (None | str | Unset): Part of the referral number, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        cursor=cursor,
        limit=limit,
        status=status,
        overdue=overdue,
        service_type=service_type,
        assignee=assignee,
        priority=priority,
        sent_from=sent_from,
        sent_to=sent_to,
        person_id=person_id,
        number=number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    sort: BoxSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    status: list[Status] | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    priority: None | Priority | Unset = UNSET,
    sent_from: datetime.date | None | Unset = UNSET,
    sent_to: datetime.date | None | Unset = UNSET,
    person_id: list[UUID] | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem | None:
    """Inbox

     Referrals your institution received, newest first (or ``sort=due``: deadline soonest first).

    Args:
        sort (BoxSort | Unset): ``newest`` (sent, or for the outbox created, newest first) or
            ``due`` (response deadline,
            soonest first; drafts have none and are left out).
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
        status (list[Status] | None | Unset):
        overdue (bool | None | Unset):
        service_type (None | str | Unset):
        assignee (None | str | Unset): A user id, "me" or "none" (unassigned)
        priority (None | Priority | Unset):
        sent_from (datetime.date | None | Unset):
        sent_to (datetime.date | None | Unset):
        person_id (list[UUID] | None | Unset): A person's id (repeatable: any of up to 50 persons)
        number (None | str | Unset): Part of the referral number, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem
    """

    return sync_detailed(
        client=client,
        sort=sort,
        cursor=cursor,
        limit=limit,
        status=status,
        overdue=overdue,
        service_type=service_type,
        assignee=assignee,
        priority=priority,
        sent_from=sent_from,
        sent_to=sent_to,
        person_id=person_id,
        number=number,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    sort: BoxSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    status: list[Status] | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    priority: None | Priority | Unset = UNSET,
    sent_from: datetime.date | None | Unset = UNSET,
    sent_to: datetime.date | None | Unset = UNSET,
    person_id: list[UUID] | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
) -> Response[ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem]:
    """Inbox

     Referrals your institution received, newest first (or ``sort=due``: deadline soonest first).

    Args:
        sort (BoxSort | Unset): ``newest`` (sent, or for the outbox created, newest first) or
            ``due`` (response deadline,
            soonest first; drafts have none and are left out).
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
        status (list[Status] | None | Unset):
        overdue (bool | None | Unset):
        service_type (None | str | Unset):
        assignee (None | str | Unset): A user id, "me" or "none" (unassigned)
        priority (None | Priority | Unset):
        sent_from (datetime.date | None | Unset):
        sent_to (datetime.date | None | Unset):
        person_id (list[UUID] | None | Unset): A person's id (repeatable: any of up to 50 persons)
        number (None | str | Unset): Part of the referral number, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem]
    """

    kwargs = _get_kwargs(
        sort=sort,
        cursor=cursor,
        limit=limit,
        status=status,
        overdue=overdue,
        service_type=service_type,
        assignee=assignee,
        priority=priority,
        sent_from=sent_from,
        sent_to=sent_to,
        person_id=person_id,
        number=number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    sort: BoxSort | Unset = UNSET,
    cursor: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,
    status: list[Status] | None | Unset = UNSET,
    overdue: bool | None | Unset = UNSET,
    service_type: None | str | Unset = UNSET,
    assignee: None | str | Unset = UNSET,
    priority: None | Priority | Unset = UNSET,
    sent_from: datetime.date | None | Unset = UNSET,
    sent_to: datetime.date | None | Unset = UNSET,
    person_id: list[UUID] | None | Unset = UNSET,
    number: None | str | Unset = UNSET,
) -> ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem | None:
    """Inbox

     Referrals your institution received, newest first (or ``sort=due``: deadline soonest first).

    Args:
        sort (BoxSort | Unset): ``newest`` (sent, or for the outbox created, newest first) or
            ``due`` (response deadline,
            soonest first; drafts have none and are left out).
        cursor (None | str | Unset): From the previous page's next_cursor
        limit (int | None | Unset):
        status (list[Status] | None | Unset):
        overdue (bool | None | Unset):
        service_type (None | str | Unset):
        assignee (None | str | Unset): A user id, "me" or "none" (unassigned)
        priority (None | Priority | Unset):
        sent_from (datetime.date | None | Unset):
        sent_to (datetime.date | None | Unset):
        person_id (list[UUID] | None | Unset): A person's id (repeatable: any of up to 50 persons)
        number (None | str | Unset): Part of the referral number, any case

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbiddenProblem | ProblemDetail | ReferralPage | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            sort=sort,
            cursor=cursor,
            limit=limit,
            status=status,
            overdue=overdue,
            service_type=service_type,
            assignee=assignee,
            priority=priority,
            sent_from=sent_from,
            sent_to=sent_to,
            person_id=person_id,
            number=number,
        )
    ).parsed
