"""Three years of referrals written in chunks: the referral rows, their event rows, follow-ups,
the outbox events (in time order within a chunk) with the institutions each concerns, and the
reporting facts derived from the same final snapshots.

Each chunk is played from its own seed (drawn in order from the load's generator) by the load's
pool of processes (:mod:`splot.embedded.national.pool`: forked, the world inherited), which
number the chunk's outbox events in the chunks' order and COPY it over their own connections."""

from __future__ import annotations

import asyncio
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from splot.common import workdays
from splot.common.events import check_payload
from splot.embedded.national import facts as fact_rows
from splot.embedded.national import pool
from splot.embedded.national.bulk import Loader, dumps
from splot.embedded.national.lifecycle import WARSAW, ReferralState
from splot.embedded.national.pool import Counts, Numbering, add_counts, number_rows, processes, write_here
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


#: The tables a chunk writes, per database (their indexes and keys are deferred before the first
#: chunk: see ``Loader.defer_constraints``).
TABLES = {
    "referrals": ("referral", "referral_event", "follow_up", "outbox_event", "event_party"),
    "reporting": ("referral_fact", "referral_outcome", "followup_fact"),
}


def number(chunk: Chunk, seq: int, position: int | None) -> list[dict[str, Any]]:
    """Number the chunk's outbox rows after ``seq`` (and ``position``); its facts' last events and
    its event parties follow. Returns the ``event_party`` rows."""
    number_rows(chunk.outbox, seq, position)
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


def play_and_write(index: int, seed: int, quota: int) -> tuple[int, Counts]:
    """In a pool process: play chunk ``index``, number it in its turn, COPY it over this process's
    own connections; returns its referrals and the rows written per database and table."""
    job = _JOB
    assert job is not None and job.numbering is not None and job.urls is not None
    try:
        chunk = play_chunk(seed, quota)
        parties = number(chunk, *job.numbering.take(index, len(chunk.outbox)))
        return quota, write_here(
            dict(zip(("referrals", "reporting"), job.urls, strict=True)),
            lambda loaders: write(chunk, parties, loaders["referrals"], loaders["reporting"]),
        )
    except BaseException:
        job.numbering.fail()
        raise


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
            await loader.defer_constraints(table)
    numbering = Numbering(*await referrals.numbered())
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
            loaders = {"referrals": referrals, "reporting": reporting}

            def done(result: tuple[int, Counts]) -> None:
                nonlocal written
                add_counts(loaders, result[1])
                written += result[0]
                progress(f"  referrals: {written:,} of {total:,}")

            calls = [
                (index, seed, quota) for index, (seed, quota) in enumerate(zip(seeds, quotas, strict=True))
            ]
            await pool.run(workers, play_and_write, calls, done, numbering)
    finally:
        referrals.numbered_up_to(*numbering.last)
        _JOB = None
    return written
