import datetime
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.event_type import EventType
from ...models.feed_page import FeedPage
from ...models.forbidden_problem import ForbiddenProblem
from ...models.problem_detail import ProblemDetail
from ...models.validation_problem import ValidationProblem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    after: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_after: None | str | Unset
    if isinstance(after, Unset):
        json_after = UNSET
    else:
        json_after = after
    params["after"] = json_after

    json_since: None | str | Unset
    if isinstance(since, Unset):
        json_since = UNSET
    elif isinstance(since, datetime.datetime):
        json_since = since.isoformat()
    else:
        json_since = since
    params["since"] = json_since

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = []
        for type_type_0_item_data in type_:
            type_type_0_item = type_type_0_item_data.value
            json_type_.append(type_type_0_item)

    else:
        json_type_ = type_
    params["type"] = json_type_

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/referral-events",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    if response.status_code == 200:
        response_200 = FeedPage.from_dict(response.json())

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
) -> Response[FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Referral Events

     The referral events that concern your institution — the ones its webhook subscriptions are
    sent: of the referrals it sent or received, and a descendant's outcome in a chain it started —
    oldest first, in the order they committed. Poll with ``after`` set to the last ``next_cursor``:
    no event is skipped, even one that committed late, so a system catches up after its downtime.

    Args:
        after (None | str | Unset): The previous page's next_cursor; absent: from the start
        since (datetime.datetime | None | Unset): Without after: start with the events that
            occurred at or after this moment
        type_ (list[EventType] | None | Unset): Only these event types (repeat the parameter)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        after=after,
        since=since,
        type_=type_,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Referral Events

     The referral events that concern your institution — the ones its webhook subscriptions are
    sent: of the referrals it sent or received, and a descendant's outcome in a chain it started —
    oldest first, in the order they committed. Poll with ``after`` set to the last ``next_cursor``:
    no event is skipped, even one that committed late, so a system catches up after its downtime.

    Args:
        after (None | str | Unset): The previous page's next_cursor; absent: from the start
        since (datetime.datetime | None | Unset): Without after: start with the events that
            occurred at or after this moment
        type_ (list[EventType] | None | Unset): Only these event types (repeat the parameter)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return sync_detailed(
        client=client,
        after=after,
        since=since,
        type_=type_,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> Response[FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem]:
    """Referral Events

     The referral events that concern your institution — the ones its webhook subscriptions are
    sent: of the referrals it sent or received, and a descendant's outcome in a chain it started —
    oldest first, in the order they committed. Poll with ``after`` set to the last ``next_cursor``:
    no event is skipped, even one that committed late, so a system catches up after its downtime.

    Args:
        after (None | str | Unset): The previous page's next_cursor; absent: from the start
        since (datetime.datetime | None | Unset): Without after: start with the events that
            occurred at or after this moment
        type_ (list[EventType] | None | Unset): Only these event types (repeat the parameter)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem]
    """

    kwargs = _get_kwargs(
        after=after,
        since=since,
        type_=type_,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    after: None | str | Unset = UNSET,
    since: datetime.datetime | None | Unset = UNSET,
    type_: list[EventType] | None | Unset = UNSET,
    limit: int | Unset = 100,
) -> FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem | None:
    """Referral Events

     The referral events that concern your institution — the ones its webhook subscriptions are
    sent: of the referrals it sent or received, and a descendant's outcome in a chain it started —
    oldest first, in the order they committed. Poll with ``after`` set to the last ``next_cursor``:
    no event is skipped, even one that committed late, so a system catches up after its downtime.

    Args:
        after (None | str | Unset): The previous page's next_cursor; absent: from the start
        since (datetime.datetime | None | Unset): Without after: start with the events that
            occurred at or after this moment
        type_ (list[EventType] | None | Unset): Only these event types (repeat the parameter)
        limit (int | Unset):  Default: 100.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FeedPage | ForbiddenProblem | ProblemDetail | ValidationProblem
    """

    return (
        await asyncio_detailed(
            client=client,
            after=after,
            since=since,
            type_=type_,
            limit=limit,
        )
    ).parsed
