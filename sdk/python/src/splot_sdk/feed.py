"""Follow an event feed — ``GET /v1/referral-events`` of the referrals service by default: every
event that concerns your institution, oldest first, a page ``{items, next_cursor, has_more}`` at a
time — and know where to resume after your own downtime.

Persist :attr:`FeedIterator.cursor` (after you have processed the events) and pass it as ``after``
next time. It moves to a page's ``next_cursor`` once you have taken every event of that page, so
after a crash you get the unfinished page again (at least once: deduplicate on ``Event.id``)::

    feed = iter_feed(splot.referrals, after=load_cursor())
    for event in feed:
        handle(event)
        save_cursor(feed.cursor)
    save_cursor(feed.cursor)  # the last page's end

Or a page at a time: ``for page in feed.pages(): handle(page.items); save_cursor(page.next_cursor)``.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import httpx

from splot_sdk.events import Event

#: The referrals service's institution feed, below its base URL.
REFERRAL_EVENTS_PATH = "/v1/referral-events"


@dataclass(frozen=True)
class FeedPage:
    items: list[Event]
    next_cursor: str | None
    has_more: bool

    @classmethod
    def parse(cls, page: Any) -> FeedPage:
        """A page from its JSON object, a generated model (``to_dict()``) or an httpx response."""
        if isinstance(page, httpx.Response):
            page.raise_for_status()
            page = page.json()
        elif hasattr(page, "to_dict"):
            page = page.to_dict()
        if not isinstance(page, Mapping) or not isinstance(page.get("items"), list):
            raise ValueError("not a feed page: {items, next_cursor, has_more} expected")
        cursor = page.get("next_cursor")
        return cls(
            items=[Event.from_dict(item) for item in page["items"]],
            next_cursor=None if cursor is None else str(cursor),
            has_more=bool(page.get("has_more", False)),
        )


class _SyncSource(Protocol):
    def get_httpx_client(self) -> httpx.Client: ...


class _AsyncSource(Protocol):
    def get_async_httpx_client(self) -> httpx.AsyncClient: ...


def _query(after: str | None, params: Mapping[str, Any] | None) -> dict[str, Any]:
    query = dict(params or {})
    if after is not None:
        query["after"] = after
    return query


class FeedIterator:
    """Iterates the events (``for event in feed``) or the pages (:meth:`pages`) of a feed.

    ``fetch(after)`` returns one page (see :meth:`FeedPage.parse` for the shapes accepted). Without
    ``follow`` the iteration ends when the feed has nothing more; with it, it waits
    ``poll_interval`` seconds and asks again, for ever.
    """

    def __init__(
        self,
        fetch: Callable[[str | None], Any],
        *,
        after: str | None = None,
        follow: bool = False,
        poll_interval: float = 5.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._fetch = fetch
        #: The position to resume from: pass it as ``after`` next time.
        self.cursor = after
        self.follow = follow
        self.poll_interval = poll_interval
        self._sleep = sleep

    def pages(self) -> Iterator[FeedPage]:
        position = self.cursor
        while True:
            page = FeedPage.parse(self._fetch(position))
            yield page
            position = page.next_cursor if page.next_cursor is not None else position
            self.cursor = position
            if not page.has_more:
                if not self.follow:
                    return
                self._sleep(self.poll_interval)

    def __iter__(self) -> Iterator[Event]:
        for page in self.pages():
            yield from page.items


class AsyncFeedIterator:
    """:class:`FeedIterator` for ``async for`` (``fetch`` is a coroutine function)."""

    def __init__(
        self,
        fetch: Callable[[str | None], Awaitable[Any]],
        *,
        after: str | None = None,
        follow: bool = False,
        poll_interval: float = 5.0,
    ) -> None:
        self._fetch = fetch
        self.cursor = after
        self.follow = follow
        self.poll_interval = poll_interval

    async def pages(self) -> AsyncIterator[FeedPage]:
        position = self.cursor
        while True:
            page = FeedPage.parse(await self._fetch(position))
            yield page
            position = page.next_cursor if page.next_cursor is not None else position
            self.cursor = position
            if not page.has_more:
                if not self.follow:
                    return
                await asyncio.sleep(self.poll_interval)

    async def __aiter__(self) -> AsyncIterator[Event]:
        async for page in self.pages():
            for event in page.items:
                yield event


def iter_feed(
    source: _SyncSource | httpx.Client | Callable[[str | None], Any],
    *,
    after: str | None = None,
    path: str = REFERRAL_EVENTS_PATH,
    params: Mapping[str, Any] | None = None,
    follow: bool = False,
    poll_interval: float = 5.0,
) -> FeedIterator:
    """The events of the feed at ``path`` (relative to the client's base URL) after ``after``.

    ``source`` is a generated client (``splot.referrals``), an httpx client, or a function
    ``fetch(after)`` returning a page — e.g. a generated operation:
    ``lambda after: referral_events_v1_referral_events_get.sync(client=splot.referrals,
    after=after or UNSET)`` (``splot_sdk.referrals.api.referral_events``).
    ``params`` are further query parameters (``{"type": [...], "limit": 200}``)."""
    fetch: Callable[[str | None], Any]
    if isinstance(source, httpx.Client):
        http = source
        fetch = lambda after_: http.get(path, params=_query(after_, params))  # noqa: E731
    elif hasattr(source, "get_httpx_client"):
        client = source.get_httpx_client()
        fetch = lambda after_: client.get(path, params=_query(after_, params))  # noqa: E731
    elif callable(source):
        fetch = source
    else:
        raise TypeError("source: a generated client, an httpx.Client or a fetch(after) function")
    return FeedIterator(fetch, after=after, follow=follow, poll_interval=poll_interval)


def aiter_feed(
    source: _AsyncSource | httpx.AsyncClient | Callable[[str | None], Awaitable[Any]],
    *,
    after: str | None = None,
    path: str = REFERRAL_EVENTS_PATH,
    params: Mapping[str, Any] | None = None,
    follow: bool = False,
    poll_interval: float = 5.0,
) -> AsyncFeedIterator:
    """:func:`iter_feed` for asyncio (a generated client's async httpx client, an
    ``httpx.AsyncClient`` or a coroutine function ``fetch(after)``)."""
    fetch: Callable[[str | None], Awaitable[Any]]
    if isinstance(source, httpx.AsyncClient):
        http = source
        fetch = lambda after_: http.get(path, params=_query(after_, params))  # noqa: E731
    elif hasattr(source, "get_async_httpx_client"):
        client = source.get_async_httpx_client()
        fetch = lambda after_: client.get(path, params=_query(after_, params))  # noqa: E731
    elif callable(source):
        fetch = source
    else:
        raise TypeError("source: a generated client, an httpx.AsyncClient or a fetch(after) function")
    return AsyncFeedIterator(fetch, after=after, follow=follow, poll_interval=poll_interval)
