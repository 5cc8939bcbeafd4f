"""Three years of referrals written in chunks: the referral rows, their event rows, follow-ups,
the outbox events (in time order within a chunk) with the institutions each concerns, and the
reporting facts derived from the same final snapshots.

Each chunk is played from its own seed (drawn in order from the load's generator) by a pool of
processes (forked: the world is inherited, not sent); the chunks come back in order, and this
process gives their outbox events their numbers (``seq``, feed ``position``) and COPYs them, so
the load stays deterministic for a seed whatever the number of processes."""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import random
import uuid
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from multiprocessing.reduction import ForkingPickler
from typing import Any

from splot.common import workdays
from splot.common.events import check_payload
from splot.embedded.national import facts as fact_rows
from splot.embedded.national.bulk import Loader, Pipeline, dumps
from splot.embedded.national.lifecycle import WARSAW, ReferralState
from splot.embedded.national.stories import Story, World, play_story, route, sent_moment
from splot.referrals.models import Referral

CHUNK_ROOTS = 20_000
_new, _set = object.__new__, object.__setattr__


def _uuid(value: int) -> uuid.UUID:
    u = _new(uuid.UUID)
    _set(u, "int", value)
    _set(u, "is_safe", uuid.SafeUUID.unknown)
    return u


def _reduce_uuid(u: uuid.UUID) -> tuple[Callable[[int], uuid.UUID], tuple[int]]:
    return _uuid, (u.int,)


# A chunk holds hundreds of thousands of ids: sent to this process as integers, not with
# ``UUID.__setstate__`` (the pool's pickler only; pickle's own is left as it is).
ForkingPickler.register(uuid.UUID, _reduce_uuid)
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


class _InProcess(Executor):
    """The pool's interface, played here (no processes)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


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
    global _JOB
    pup = {i.powiat: i for i in world.institutions if i.type == "PUP"}
    _JOB = _Job(world, working_days(since, now), pup, now, ctx, events)
    quotas = [min(CHUNK_ROOTS, total - start) for start in range(0, total, CHUNK_ROOTS)]
    seeds = [rng.getrandbits(64) for _ in quotas]
    workers = processes() if workers is None else workers
    pool: Executor = (
        ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
        if workers > 0 and len(quotas) > 1
        else _InProcess()
    )
    loop = asyncio.get_running_loop()
    written = 0
    pipeline = Pipeline()
    try:
        pending: deque[asyncio.Future[Chunk]] = deque()
        ahead = max(workers, 1) + 1  # chunks played ahead of the one being written
        for seed, quota in zip(seeds, quotas, strict=True):
            pending.append(loop.run_in_executor(pool, play_chunk, seed, quota))
            if len(pending) >= ahead:
                written += await _write(await pending.popleft(), referrals, reporting, pipeline)
                progress(f"  referrals: {written:,} of {total:,}")
        while pending:
            written += await _write(await pending.popleft(), referrals, reporting, pipeline)
            progress(f"  referrals: {written:,} of {total:,}")
        await pipeline.drain()
    finally:
        pool.shutdown(cancel_futures=True)
        _JOB = None
    return written


async def _write(chunk: Chunk, referrals: Loader, reporting: Loader, pipeline: Pipeline) -> int:
    """Number the chunk's outbox rows after the feed's last and write everything."""
    await referrals.number(chunk.outbox)
    parties: list[dict[str, Any]] = []
    if chunk.outbox:
        first = chunk.outbox[0]
        seq_base = first["seq"] - 1
        position_base = first.get("position", first["seq"]) - 1
        parties = [{"institution_id": i, "event_seq": seq_base + rank} for i, rank in chunk.parties]
        for fact in chunk.facts:
            if fact["last_event_seq"]:
                fact["last_event_seq"] += position_base

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

    await pipeline.submit(write_referrals(), write_reporting())
    return len(chunk.referrals)
