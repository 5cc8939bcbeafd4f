"""The load's pool of processes, shared by the stages that play chunks (persons, referrals,
casework): each chunk is played from its own seed (drawn in order by the stage), by a forked
process (what the stage prepared before the fork is inherited, not sent), which numbers the
chunk's outbox events when the chunk's turn comes (:class:`Numbering`: after the chunk before
it, whichever process played that one) and COPYs the chunk over its own connections. Nothing
comes back but counts (and what the stage asks for), and a load stays deterministic for a seed
whatever the number of processes."""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing.util import Finalize
from typing import Any

from splot.embedded.national.bulk import Loader, connect

#: Rows written per database and table by one chunk.
Counts = dict[str, dict[str, int]]

CONTEXT = multiprocessing.get_context("fork")


def processes() -> int:
    """Processes playing chunks: ``SPLOT_NATIONAL_PROCESSES``, else one per core (0: none, the
    chunks are played in this process)."""
    configured = os.environ.get("SPLOT_NATIONAL_PROCESSES")
    return int(configured) if configured else os.cpu_count() or 1


class Numbering:
    """The outbox numbers (``seq``, feed ``position``) of one feed, handed out to the chunks in
    their order whichever process played them: chunk ``i`` waits for chunk ``i - 1`` to take its
    share."""

    def __init__(self, seq: int, position: int | None, context: Any = CONTEXT) -> None:
        self._turn = context.Condition()
        self._next = context.RawValue("q", 0)  # the index of the chunk whose turn it is
        self._seq = context.RawValue("q", seq)
        self._position = context.RawValue("q", -1 if position is None else position)
        self._failed = context.RawValue("b", 0)

    def take(self, index: int, count: int) -> tuple[int, int | None]:
        """The last numbers before chunk ``index``'s ``count`` outbox rows (once its turn comes)."""
        with self._turn:
            while self._next.value != index:
                if self._failed.value:
                    raise RuntimeError("an earlier chunk failed")
                self._turn.wait(0.5)
            seq, position = self._seq.value, self._position.value
            self._seq.value = seq + count
            if position >= 0:
                self._position.value = position + count
            self._next.value = index + 1
            self._turn.notify_all()
        return seq, None if position < 0 else position

    def fail(self) -> None:
        with self._turn:
            self._failed.value = 1
            self._turn.notify_all()

    @property
    def last(self) -> tuple[int, int | None]:
        position = self._position.value
        return self._seq.value, None if position < 0 else position


def number_rows(rows: list[dict[str, Any]], seq: int, position: int | None) -> None:
    """Give ``rows`` the numbers after ``seq`` (and ``position``), in their order."""
    for n, row in enumerate(rows, start=1):
        row["seq"] = seq + n
        if position is not None:
            row["position"] = position + n


@dataclass
class _Writer:
    """A pool process's own event loop and connections (opened at its first chunk)."""

    loop: asyncio.AbstractEventLoop
    loaders: dict[str, Loader]
    urls: dict[str, str]

    def close(self) -> None:
        for loader in self.loaders.values():
            self.loop.run_until_complete(loader.conn.close())
        self.loop.close()


_WRITER: _Writer | None = None


def write_here(urls: Mapping[str, str], write: Callable[[dict[str, Loader]], Awaitable[Any]]) -> Counts:
    """In a pool process: run ``write`` with this process's loaders of the databases at ``urls``
    (connected at the first call); returns the rows it wrote per database and table."""
    global _WRITER
    if _WRITER is not None and _WRITER.urls != dict(urls):
        _WRITER.close()
        _WRITER = None
    if _WRITER is None:
        loop = asyncio.new_event_loop()
        loaders = {
            name: Loader(loop.run_until_complete(connect(url)), url=url, owns_indexes=False)
            for name, url in urls.items()
        }
        _WRITER = _Writer(loop, loaders, dict(urls))
        Finalize(_WRITER, _WRITER.close, exitpriority=10)
    w = _WRITER
    before = {name: dict(loader.counts) for name, loader in w.loaders.items()}
    w.loop.run_until_complete(write(w.loaders))
    return {
        name: {t: n - before[name].get(t, 0) for t, n in loader.counts.items() if n != before[name].get(t, 0)}
        for name, loader in w.loaders.items()
    }


def add_counts(loaders: Mapping[str, Loader], counts: Counts) -> None:
    """Count in ``loaders`` what a pool process wrote."""
    for name, tables in counts.items():
        loader = loaders[name]
        for table, n in tables.items():
            loader.counts[table] = loader.counts.get(table, 0) + n


async def run(
    workers: int, play: Callable[..., Any], calls: Iterable[tuple[Any, ...]], done: Callable[[Any], None],
    numbering: Numbering | None = None,
) -> None:  # fmt: skip
    """``play(*call)`` for every call in a pool of ``workers`` forked processes, a few chunks
    ahead; ``done`` gets the results in the calls' order. A failure stops the numbering (no
    process waits for ever for a chunk that will not come)."""
    # What the processes inherit stays out of their collector's way (and their pages shared).
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=CONTEXT)
    loop = asyncio.get_running_loop()
    try:
        pending: deque[asyncio.Future[Any]] = deque()
        for call in calls:
            pending.append(loop.run_in_executor(pool, play, *call))
            if len(pending) >= 2 * workers:
                done(await pending.popleft())
        while pending:
            done(await pending.popleft())
    except BaseException:
        if numbering is not None:
            numbering.fail()
        raise
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()
