"""Where events come from: the other services' ``GET /v1/events`` feeds (or, in tests, memory)."""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import httpx
import orjson

from splot.common.http import ServiceTokenProvider, service_http_client
from splot.reporting.config import ReportingSettings
from splot.reporting.facts import parse_datetime

SOURCE_NAMES = ("directory", "clients", "referrals")
EVENTS_SCOPE = "events:read"


@dataclass(frozen=True)
class FeedEvent:
    seq: int
    id: uuid.UUID
    type: str
    aggregate_type: str
    aggregate_id: str
    occurred_at: datetime
    payload: dict[str, Any]

    @classmethod
    def from_json(cls, item: dict[str, Any]) -> FeedEvent:
        occurred = parse_datetime(item["occurred_at"])
        assert occurred is not None
        payload = item["payload"]
        if not isinstance(payload, dict):  # parsed from the page just now: no copy needed
            raise TypeError("an event's payload is an object")
        return cls(
            seq=int(item["seq"]),
            id=uuid.UUID(str(item["id"])),
            type=str(item["type"]),
            aggregate_type=str(item["aggregate_type"]),
            aggregate_id=str(item["aggregate_id"]),
            occurred_at=occurred,
            payload=payload,
        )


@dataclass(frozen=True)
class FeedPage:
    items: list[FeedEvent]
    last_seq: int
    head_seq: int


class SourceUnavailable(Exception):
    """The feed could not be read now (network, 5xx, auth): back off and retry."""


class EventSource(Protocol):
    name: str

    async def fetch(self, *, after: int, limit: int) -> FeedPage: ...


@dataclass
class Prefetching:
    """A feed read one page ahead: as soon as a page is handed out, the next one is requested,
    so that while the consumer writes a page the feed's server is already reading the next (a
    rebuild or a catch-up: one sequential round trip per page otherwise). A request for another
    position than the one fetched ahead (the cursor moved elsewhere, or a page is fetched again
    after a failure) drops the page read ahead and reads afresh; a failure of the read ahead is
    raised by the fetch that wanted its page, as a direct read would."""

    source: EventSource
    name: str = field(init=False)
    _ahead: tuple[int, int, asyncio.Task[FeedPage]] | None = None

    def __post_init__(self) -> None:
        self.name = self.source.name

    async def fetch(self, *, after: int, limit: int) -> FeedPage:
        ahead, self._ahead = self._ahead, None
        page: FeedPage | None = None
        if ahead is not None:
            if ahead[:2] == (after, limit):
                page = await ahead[2]
            else:
                await _drop(ahead[2])
        if page is None:
            page = await self.source.fetch(after=after, limit=limit)
        if page.items and page.last_seq < page.head_seq:
            task = asyncio.create_task(self.source.fetch(after=page.last_seq, limit=limit))
            self._ahead = (page.last_seq, limit, task)
        return page

    async def aclose(self) -> None:
        """Drop the page read ahead, if any (the consumer stopped before it)."""
        ahead, self._ahead = self._ahead, None
        if ahead is not None:
            await _drop(ahead[2])


async def _drop(task: asyncio.Task[FeedPage]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError, Exception):  # its outcome is not wanted
        await task


class ServiceTypeSource(Protocol):
    async def service_types(self) -> list[dict[str, Any]]: ...


@dataclass
class InMemorySource:
    """A feed held in a list (tests, and replaying captured feeds)."""

    name: str
    events: list[FeedEvent] = field(default_factory=list)
    #: Raise SourceUnavailable on the next N fetches (to exercise back-off).
    fail_next: int = 0
    fetches: int = 0

    def append(
        self, event_type: str, payload: dict[str, Any], *, occurred_at: datetime, **kw: Any
    ) -> FeedEvent:
        seq = (self.events[-1].seq if self.events else 0) + 1
        aggregate_type = kw.get("aggregate_type") or event_type.split(".")[0]
        event = FeedEvent(
            seq=seq,
            id=kw.get("id") or uuid.uuid4(),
            type=event_type,
            aggregate_type=aggregate_type,
            aggregate_id=str(kw.get("aggregate_id") or payload.get("id") or ""),
            occurred_at=occurred_at,
            payload=payload,
        )
        self.events.append(event)
        return event

    async def fetch(self, *, after: int, limit: int) -> FeedPage:
        self.fetches += 1
        if self.fail_next > 0:
            self.fail_next -= 1
            raise SourceUnavailable(self.name)
        # events are appended in seq order: a binary search, not a scan (a rebuild's bench replays
        # millions of events in thousands of pages)
        start = bisect.bisect_right(self.events, after, key=lambda e: e.seq)
        items = self.events[start : start + limit]
        head = self.events[-1].seq if self.events else 0
        return FeedPage(items=items, last_seq=items[-1].seq if items else after, head_seq=head)


@dataclass
class StaticServiceTypes:
    items: Sequence[dict[str, Any]] = ()

    async def service_types(self) -> list[dict[str, Any]]:
        return [dict(i) for i in self.items]


class HttpEventSource:
    """``GET {base}/v1/events?after=&limit=`` with this service's client-credentials token."""

    def __init__(
        self, name: str, base_url: str, *, tokens: ServiceTokenProvider, http: httpx.AsyncClient
    ) -> None:
        self.name = name
        self.base_url = base_url.rstrip("/")
        self.tokens = tokens
        self.http = http

    async def _get(self, path: str, params: dict[str, Any] | None = None) -> Any:
        for attempt in (1, 2):
            try:
                token = await self.tokens.token()
                response = await self.http.get(
                    self.base_url + path, params=params, headers={"Authorization": f"Bearer {token}"}
                )
            except Exception as exc:  # network errors and the token provider's own 503
                raise SourceUnavailable(self.name) from exc
            if response.status_code == 401 and attempt == 1:
                self.tokens.invalidate()  # expired or rotated key: get a new token once
                continue
            if response.status_code != 200:
                raise SourceUnavailable(f"{self.name}: HTTP {response.status_code}")
            try:  # a page of a feed is up to a thousand snapshots: orjson parses it ≈ 3× faster
                return orjson.loads(response.content)
            except orjson.JSONDecodeError as exc:
                raise SourceUnavailable(f"{self.name}: not JSON") from exc
        raise SourceUnavailable(self.name)

    async def fetch(self, *, after: int, limit: int) -> FeedPage:
        body = await self._get("/v1/events", {"after": after, "limit": limit})
        try:
            items = [FeedEvent.from_json(item) for item in body["items"]]
            return FeedPage(items=items, last_seq=int(body["last_seq"]), head_seq=int(body["head_seq"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise SourceUnavailable(f"{self.name}: unexpected feed document") from exc

    async def service_types(self) -> list[dict[str, Any]]:
        body = await self._get("/v1/service-types")
        try:
            return [dict(item) for item in body["items"]]
        except (KeyError, TypeError) as exc:
            raise SourceUnavailable(f"{self.name}: unexpected catalogue document") from exc

    async def programmes(self) -> list[dict[str, Any]]:
        """The directory's programme catalogue (the names of the ``programme`` dimension)."""
        body = await self._get("/v1/programmes")
        try:
            return [dict(item) for item in body["items"]]
        except (KeyError, TypeError) as exc:
            raise SourceUnavailable(f"{self.name}: unexpected catalogue document") from exc


@dataclass
class Sources:
    feeds: list[EventSource]
    catalogue: ServiceTypeSource | None
    http: httpx.AsyncClient | None = None

    async def aclose(self) -> None:
        if self.http is not None:
            await self.http.aclose()


def http_sources(settings: ReportingSettings, http: httpx.AsyncClient | None = None) -> Sources:
    """The production sources: the three feeds over HTTP, the catalogue from the directory."""
    client = http or service_http_client()
    tokens = ServiceTokenProvider(
        token_url=settings.token_url,
        client_id=settings.service_client_id,
        client_secret=settings.service_client_secret.get_secret_value(),
        scope=EVENTS_SCOPE,
        http=client,
    )
    urls = {
        "directory": settings.directory_url,
        "clients": settings.clients_url,
        "referrals": settings.referrals_url,
    }
    feeds = {name: HttpEventSource(name, urls[name], tokens=tokens, http=client) for name in SOURCE_NAMES}
    return Sources(feeds=[feeds[name] for name in SOURCE_NAMES], catalogue=feeds["directory"], http=client)
