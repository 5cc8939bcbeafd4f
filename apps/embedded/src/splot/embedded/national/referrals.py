"""Three years of referrals written in chunks: the referral rows, their event rows, follow-ups,
the outbox events (in time order within a chunk) with the institutions each concerns, and the
reporting facts derived from the same final snapshots."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

from splot.common import workdays
from splot.common.events import check_payload
from splot.embedded.national import facts as fact_rows
from splot.embedded.national.bulk import Loader, Pipeline, dumps
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
) -> int:
    days = working_days(since, now)
    by_kind: dict[str, list[Any]] = {}
    for inst in world.institutions:
        by_kind.setdefault("OPS" if inst.type == "CUS" else inst.type, []).append(inst)
    pup = {i.powiat: i for i in by_kind["PUP"]}
    checked: set[str] = set()
    written = 0
    pipeline = Pipeline()
    while written < total:
        stories: list[Story] = []
        while len(stories) < CHUNK_ROOTS and written + len(stories) < total:
            person = rng.choice(world.persons)
            powiat = person.gmina[:4]
            sender_kind, target_kind, _ = route(rng)
            if sender_kind == "OPS":
                sender = world.local[person.gmina]
            elif sender_kind == "PUP":
                sender = pup[powiat]
            else:
                sender = world.near(rng, "NGO", powiat)
            target = world.near(rng, target_kind, powiat)
            if target.id == sender.id:
                continue
            children: list[Story] = []
            root = play_story(
                world, rng, person=person, sender=sender, target=target,
                sent=sent_moment(rng, days, now), now=now, children=children,
            )  # fmt: skip
            if written + len(stories) + 1 + len(children) > total:
                continue  # the last chain would overshoot the count asked for: another root
            stories.append(root)
            stories.extend(children)
        await _write(stories, referrals, reporting, ctx, events, checked, pipeline)
        written += len(stories)
        progress(f"  referrals: {written:,} of {total:,}")
    await pipeline.drain()
    return written


async def _write(
    stories: list[Story], referrals: Loader, reporting: Loader, ctx: Any, events: bool,
    checked: set[str], pipeline: Pipeline,
) -> None:  # fmt: skip
    outbox: list[tuple[datetime, int, dict[str, Any]]] = []
    for n, story in enumerate(stories):
        for row in story.play.outbox:
            outbox.append((row["occurred_at"], n, row))
        for row in story.followup_events:
            outbox.append((row["occurred_at"], n, row))
    outbox.sort(key=lambda item: item[0])  # stable: one referral's events keep their order
    parties: list[dict[str, Any]] = []
    last_seq: dict[Any, int] = {}
    rows: list[dict[str, Any]] = [dict(row) for _, _, row in outbox] if events else []
    await referrals.number(rows)
    for (_, n, _), row in zip(outbox, rows, strict=False):
        if row["type"] not in checked:
            check_payload(row["type"], row["payload"])
            checked.add(row["type"])
        r = stories[n].play.r
        if "referral" in row["payload"]:
            # What ingestion keeps as the fact's last event: its feed position.
            last_seq[r.id] = row.get("position", row["seq"])
        for institution in sorted({r.sender_institution_id, r.target_institution_id}, key=str):
            parties.append({"institution_id": institution, "event_seq": row["seq"]})
        row["payload"] = dumps(row["payload"])
    referral_rows = [_row(s.play.r) for s in stories]
    event_rows = [{**e, "payload": dumps(e["payload"])} for s in stories for e in s.play.events]
    followup_rows = [f for s in stories for f in s.followups]
    facts, outcomes, followups = fact_rows.build(stories, last_seq if events else {}, ctx)

    async def write_referrals() -> None:
        await referrals.copy("referral", referral_rows)
        await referrals.copy("referral_event", event_rows)
        await referrals.copy("follow_up", followup_rows)
        if events:
            await referrals.copy_outbox(rows)
            await referrals.copy("event_party", parties)

    async def write_reporting() -> None:
        await reporting.copy("referral_fact", facts)
        await reporting.copy("referral_outcome", outcomes)
        await reporting.copy("followup_fact", followups)

    await pipeline.submit(write_referrals(), write_reporting())
