"""Reading a feed one page ahead (issue #17: a rebuild reads thousands of pages, and each one's
round trip used to wait for the previous page to be written)."""

import asyncio
from datetime import UTC, datetime

import pytest

from splot.reporting.consumer import ingest_until_caught_up
from splot.reporting.ingestion import IngestContext
from splot.reporting.sources import FeedPage, InMemorySource, Prefetching, Sources, SourceUnavailable

WHEN = datetime(2025, 3, 3, 9, tzinfo=UTC)


class _Recording(InMemorySource):
    """An in-memory feed that records every read (after, limit) as it starts."""

    def __init__(self, name: str, events: int) -> None:
        super().__init__(name)
        self.calls: list[tuple[int, int]] = []
        for n in range(events):
            self.append("access.revoked", {"n": n}, occurred_at=WHEN)  # counts for nothing

    async def fetch(self, *, after: int, limit: int) -> FeedPage:
        self.calls.append((after, limit))
        return await super().fetch(after=after, limit=limit)


async def test_the_next_page_is_read_while_this_one_is_written_and_each_page_once(sessionmaker, settings):
    feed = _Recording("clients", 25)
    seen_after_batch: list[list[tuple[int, int]]] = []

    async def after_batch(batch):
        seen_after_batch.append(list(feed.calls))

    totals = await ingest_until_caught_up(
        sessionmaker,
        Sources(feeds=[feed], catalogue=None),
        IngestContext.from_settings(settings),
        batch_size=10,
        after_batch=after_batch,
    )
    assert totals["clients"].fetched == 25 and totals["clients"].last_seq == 25
    # by the time the first page was committed, the second had been asked for
    assert seen_after_batch[0] == [(0, 10), (10, 10)]
    assert feed.calls == [(0, 10), (10, 10), (20, 10)]  # nothing read twice, nothing past the head


async def test_another_position_than_the_one_read_ahead_is_read_afresh():
    feed = _Recording("clients", 6)
    ahead = Prefetching(feed)
    first = await ahead.fetch(after=0, limit=2)
    assert [e.seq for e in first.items] == [1, 2]
    again = await ahead.fetch(after=1, limit=2)  # e.g. the cursor was moved by another replica
    assert [e.seq for e in again.items] == [2, 3]
    assert feed.calls[-1] == (1, 2)
    third = await ahead.fetch(after=3, limit=2)  # the page read ahead this time
    assert [e.seq for e in third.items] == [4, 5]
    # the reads ahead of (2, 2) and (5, 2) were dropped before they started: never sent
    assert feed.calls == [(0, 2), (1, 2), (3, 2)]
    await ahead.aclose()


async def test_a_failed_read_ahead_fails_the_fetch_that_wanted_it_then_reads_again():
    feed = _Recording("clients", 4)
    ahead = Prefetching(feed)
    await ahead.fetch(after=0, limit=2)  # starts the read ahead …
    feed.fail_next = 1  # … which fails (it runs at the next await)
    with pytest.raises(SourceUnavailable):
        await ahead.fetch(after=2, limit=2)
    page = await ahead.fetch(after=2, limit=2)  # the consumer's retry
    assert [e.seq for e in page.items] == [3, 4]


async def test_closing_drops_a_read_still_under_way():
    release = asyncio.Event()

    class _Slow(_Recording):
        async def fetch(self, *, after: int, limit: int) -> FeedPage:
            if after > 0:
                await release.wait()
            return await super().fetch(after=after, limit=limit)

    feed = _Slow("clients", 4)
    ahead = Prefetching(feed)
    await ahead.fetch(after=0, limit=2)
    await asyncio.sleep(0)
    task = ahead._ahead[2]
    await ahead.aclose()
    assert task.cancelled() and ahead._ahead is None
