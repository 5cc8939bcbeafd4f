"""Three years of referrals written in chunks: the referral rows, their event rows, follow-ups,
the outbox events (in time order within a chunk) with the institutions each concerns, and the
reporting facts derived from the same final snapshots.

Each chunk is played from its own seed (drawn in order from the load's generator) by a pool of
processes (forked: the world is inherited, not sent). Each process numbers the outbox events of
its chunk (``seq``, feed ``position``) when the chunk's turn comes (:class:`Numbering`: after the
chunk before it, whichever process played that one) and COPYs the chunk over its own
connections: nothing comes back but counts, and the load stays deterministic for a seed whatever
the number of processes."""

from __future__ import annotations

import asyncio
import gc
import multiprocessing
import os
import random
from collections import deque
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from multiprocessing.util import Finalize
from typing import Any

from splot.common import workdays
from splot.common.events import check_payload
from splot.embedded.national import facts as fact_rows
from splot.embedded.national.bulk import Loader, connect, dumps
from splot.embedded.national.lifecycle import WARSAW, ReferralState
from splot.embedded.national.stories import Story, World, play_story, route, sent_moment
from splot.referrals.models import Referral

CHUNK_ROOTS = 20_000
_COLUMNS = [c.key for c in Referral.__table__.columns]


def _row(r: ReferralState) -> dict[str, Any]:
    row = {name: getattr(r, name) for name in _COLUMNS}
    row["outcome_codes"] = dumps(list(r.outcome_codes or []))
    return row


def working_days(since: datetime, now: datetime) -> list[date]:
    day, end, days = since.astimezone(WARSAW).date(), now.astimezone(WARSAW).date(), []
    while day <= end:
        if workdays.is_working_day(day):
            days.append(day)
        day += timedelta(days=1)
    return days


def processes() -> int:
    """Processes playing chunks: ``SPLOT_NATIONAL_PROCESSES``, else one per core (0: none, the
    chunks are played in this process)."""
    configured = os.environ.get("SPLOT_NATIONAL_PROCESSES")
    return int(configured) if configured else os.cpu_count() or 1


@dataclass
class _Job:
    """What every chunk is played against (set before the pool forks)."""

    world: World
    days: list[date]
    pup: dict[str, Any]
    now: datetime
    ctx: Any
    events: bool
    numbering: Numbering | None = None
    #: The referrals and reporting databases, where the pool's processes connect.
    urls: tuple[str, str] | None = None


_JOB: _Job | None = None


@dataclass
class Chunk:
    """A played chunk, ready to be numbered and written: ``rank`` is an outbox row's place in
    the chunk's time order, counted from 1 (its number is the feed's last number plus it)."""

    referrals: list[dict[str, Any]]
    events: list[dict[str, Any]]
    followups: list[dict[str, Any]]
    outbox: list[dict[str, Any]]  # payloads as JSON text, without seq and position
    parties: list[tuple[Any, int]]  # (institution id, rank of the event)
    facts: list[dict[str, Any]]  # last_event_seq: the rank of the referral's last snapshot (0: none)
    outcomes: list[dict[str, Any]]
    followup_facts: list[dict[str, Any]]


def play_chunk(seed: int, quota: int) -> Chunk:
    """Play exactly ``quota`` referrals (whole chains) from ``seed`` and build their rows."""
    job = _JOB
    assert job is not None
    world, rng = job.world, random.Random(seed)  # noqa: S311 - synthetic data
    stories: list[Story] = []
    while len(stories) < quota:
        person = rng.choice(world.persons)
        powiat = person.gmina[:4]
        sender_kind, target_kind, _ = route(rng)
        if sender_kind == "OPS":
            sender = world.local[person.gmina]
        elif sender_kind == "PUP":
            sender = job.pup[powiat]
        else:
            sender = world.near(rng, "NGO", powiat)
        target = world.near(rng, target_kind, powiat)
        if target.id == sender.id:
            continue
        children: list[Story] = []
        root = play_story(
            world, rng, person=person, sender=sender, target=target,
            sent=sent_moment(rng, job.days, job.now), now=job.now, children=children,
        )  # fmt: skip
        if len(stories) + 1 + len(children) > quota:
            continue  # the last chain would overshoot the count asked for: another root
        stories.append(root)
        stories.extend(children)
    return _rows(stories, job.ctx, job.events)


def _rows(stories: list[Story], ctx: Any, events: bool) -> Chunk:
    outbox: list[tuple[datetime, int, dict[str, Any]]] = []
    for n, story in enumerate(stories):
        for row in story.play.outbox:
            outbox.append((row["occurred_at"], n, row))
        for row in story.followup_events:
            outbox.append((row["occurred_at"], n, row))
    outbox.sort(key=lambda item: item[0])  # stable: one referral's events keep their order
    parties: list[tuple[Any, int]] = []
    last_rank: dict[Any, int] = {}
    rows: list[dict[str, Any]] = []
    checked: set[str] = set()
    if events:
        for rank, (_, n, event) in enumerate(outbox, start=1):
            if event["type"] not in checked:
                check_payload(event["type"], event["payload"])
                checked.add(event["type"])
            r = stories[n].play.r
            if "referral" in event["payload"]:
                # What ingestion keeps as the fact's last event: its feed position.
                last_rank[r.id] = rank
            for institution in sorted({r.sender_institution_id, r.target_institution_id}, key=str):
                parties.append((institution, rank))
            rows.append({**event, "payload": dumps(event["payload"])})
    facts, outcomes, followups = fact_rows.build(stories, last_rank, ctx)
    return Chunk(
        referrals=[_row(s.play.r) for s in stories],
        events=[{**e, "payload": dumps(e["payload"])} for s in stories for e in s.play.events],
        followups=[f for s in stories for f in s.followups],
        outbox=rows,
        parties=parties,
        facts=facts,
        outcomes=outcomes,
        followup_facts=followups,
    )


#: The tables a chunk writes, per database (their indexes are deferred before the first chunk).
TABLES = {
    "referrals": ("referral", "referral_event", "follow_up", "outbox_event", "event_party"),
    "reporting": ("referral_fact", "referral_outcome", "followup_fact"),
}


class Numbering:
    """The outbox numbers (``seq``, feed ``position``), handed out to the chunks in their order
    whichever process played them: chunk ``i`` waits for chunk ``i - 1`` to take its share."""

    def __init__(self, context: Any, seq: int, position: int | None) -> None:
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


def number(chunk: Chunk, seq: int, position: int | None) -> list[dict[str, Any]]:
    """Number the chunk's outbox rows after ``seq`` (and ``position``); its facts' last events and
    its event parties follow. Returns the ``event_party`` rows."""
    for n, row in enumerate(chunk.outbox, start=1):
        row["seq"] = seq + n
        if position is not None:
            row["position"] = position + n
    base = seq if position is None else position
    for fact in chunk.facts:
        if fact["last_event_seq"]:
            fact["last_event_seq"] += base
    return [{"institution_id": i, "event_seq": seq + rank} for i, rank in chunk.parties]


async def write(chunk: Chunk, parties: list[dict[str, Any]], referrals: Loader, reporting: Loader) -> None:
    """COPY a numbered chunk (one task per database connection)."""

    async def write_referrals() -> None:
        await referrals.copy("referral", chunk.referrals)
        await referrals.copy("referral_event", chunk.events)
        await referrals.copy("follow_up", chunk.followups)
        await referrals.copy_outbox(chunk.outbox)
        await referrals.copy("event_party", parties)

    async def write_reporting() -> None:
        await reporting.copy("referral_fact", chunk.facts)
        await reporting.copy("referral_outcome", chunk.outcomes)
        await reporting.copy("followup_fact", chunk.followup_facts)

    await asyncio.gather(write_referrals(), write_reporting())


@dataclass
class _Writer:
    """A pool process's own event loop and connections (opened at its first chunk)."""

    loop: asyncio.AbstractEventLoop
    referrals: Loader
    reporting: Loader

    def close(self) -> None:
        for loader in (self.referrals, self.reporting):
            self.loop.run_until_complete(loader.conn.close())
        self.loop.close()


_WRITER: _Writer | None = None


def _writer(urls: tuple[str, str]) -> _Writer:
    global _WRITER
    if _WRITER is None:
        loop = asyncio.new_event_loop()
        referrals, reporting = (
            Loader(loop.run_until_complete(connect(url)), url=url, owns_indexes=False) for url in urls
        )
        _WRITER = _Writer(loop, referrals, reporting)
        Finalize(_WRITER, _WRITER.close, exitpriority=10)
    return _WRITER


def play_and_write(index: int, seed: int, quota: int) -> dict[str, dict[str, int]]:
    """In a pool process: play chunk ``index``, number it in its turn, COPY it over this process's
    own connections; returns the rows written per database and table."""
    job = _JOB
    assert job is not None and job.numbering is not None and job.urls is not None
    try:
        chunk = play_chunk(seed, quota)
        parties = number(chunk, *job.numbering.take(index, len(chunk.outbox)))
        w = _writer(job.urls)
        before = {
            name: dict(loader.counts)
            for name, loader in (("referrals", w.referrals), ("reporting", w.reporting))
        }
        w.loop.run_until_complete(write(chunk, parties, w.referrals, w.reporting))
    except BaseException:
        job.numbering.fail()
        raise
    return {
        name: {t: n - before[name].get(t, 0) for t, n in loader.counts.items() if n != before[name].get(t, 0)}
        for name, loader in (("referrals", w.referrals), ("reporting", w.reporting))
    }


async def load(
    rng: random.Random,
    world: World,
    *,
    total: int,
    since: datetime,
    now: datetime,
    referrals: Loader,
    reporting: Loader,
    ctx: Any,
    events: bool,
    progress: Callable[[str], None],
    workers: int | None = None,
) -> int:
    """Play and write ``total`` referrals. Each chunk's seed is drawn here in order; with processes
    (and the loaders' URLs), every process plays whole chunks and COPYs them itself, the chunks
    numbered in their order through :class:`Numbering`; without, they are played here."""
    global _JOB
    pup = {i.powiat: i for i in world.institutions if i.type == "PUP"}
    quotas = [min(CHUNK_ROOTS, total - start) for start in range(0, total, CHUNK_ROOTS)]
    seeds = [rng.getrandbits(64) for _ in quotas]
    workers = processes() if workers is None else workers
    if referrals.url is None or reporting.url is None:
        workers = 0
    for name, loader in (("referrals", referrals), ("reporting", reporting)):
        for table in TABLES[name]:
            await loader.defer_indexes(table)
    context = multiprocessing.get_context("fork")
    numbering = Numbering(context, *await referrals.numbered())
    urls = (referrals.url, reporting.url) if referrals.url and reporting.url else None
    _JOB = _Job(world, working_days(since, now), pup, now, ctx, events, numbering, urls)
    written = 0
    try:
        if workers <= 0 or len(quotas) <= 1:
            for index, (seed, quota) in enumerate(zip(seeds, quotas, strict=True)):
                chunk = play_chunk(seed, quota)
                parties = number(chunk, *numbering.take(index, len(chunk.outbox)))
                await write(chunk, parties, referrals, reporting)
                written += quota
                progress(f"  referrals: {written:,} of {total:,}")
        else:
            written = await _in_pool(workers, context, seeds, quotas, referrals, reporting, progress, total)
    finally:
        referrals.numbered_up_to(*numbering.last)
        _JOB = None
    return written


async def _in_pool(
    workers: int, context: Any, seeds: list[int], quotas: list[int], referrals: Loader, reporting: Loader,
    progress: Callable[[str], None], total: int,
) -> int:  # fmt: skip
    job = _JOB
    assert job is not None and job.numbering is not None
    # What the processes inherit stays out of their collector's way (and their pages shared).
    gc.freeze()
    pool = ProcessPoolExecutor(workers, mp_context=context)
    loop = asyncio.get_running_loop()
    written = 0
    try:
        pending: deque[tuple[int, asyncio.Future[dict[str, dict[str, int]]]]] = deque()
        ahead = 2 * workers
        jobs = iter(enumerate(zip(seeds, quotas, strict=True)))
        for index, (seed, quota) in jobs:
            pending.append((quota, loop.run_in_executor(pool, play_and_write, index, seed, quota)))
            if len(pending) < ahead:
                continue
            written += await _collect(*pending.popleft(), referrals, reporting)
            progress(f"  referrals: {written:,} of {total:,}")
        while pending:
            written += await _collect(*pending.popleft(), referrals, reporting)
            progress(f"  referrals: {written:,} of {total:,}")
    except BaseException:
        job.numbering.fail()
        raise
    finally:
        pool.shutdown(cancel_futures=True)
        gc.unfreeze()
    return written


async def _collect(
    quota: int, future: asyncio.Future[dict[str, dict[str, int]]], referrals: Loader, reporting: Loader
) -> int:
    counts = await future
    for name, loader in (("referrals", referrals), ("reporting", reporting)):
        for table, n in counts.get(name, {}).items():
            loader.counts[table] = loader.counts.get(table, 0) + n
    return quota
