"""Joint casework of the synthetic country, loaded after the referrals: for a share of the persons
served by two or more institutions (read back from the referrals database), a diagnosis shared
by those institutions and one individual plan with actions they own, some served by the person's
later referrals (``referral.plan_action_id`` set afterwards). Written with COPY into the client
registry with the events it would have published (``diagnosis.*``, ``plan.*``,
``lead_worker.assigned``, ``case_conference.recorded``), and the reporting's casework facts as
its ingestion derives them from those events (``splot.reporting.casework``), so that the
casework measures show a country. The plans themselves are played by
:mod:`splot.embedded.national.casework_stories`."""

from __future__ import annotations

import asyncio
import json
import random
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Any

import splot.clients.casework.events  # noqa: F401 - declares the casework events
from splot.common.events import check_payload
from splot.embedded.national import pool
from splot.embedded.national.bulk import Loader, Pipeline, dumps
from splot.embedded.national.casework_stories import Casework, Ref, Setting, play
from splot.embedded.national.lifecycle import GENERATOR
from splot.embedded.national.pool import Counts, Numbering, add_counts, number_rows, processes, write_here
from splot.reporting.facts import parse_date, parse_datetime
from splot.reporting.ingestion import IngestContext

#: Chance of a plan for a person served by ``n`` institutions: ``min(MAX_SHARE, SHARE * n)``
#: (≈9 % of the persons with referrals: most have two institutions, a few three or more).
SHARE = 0.03
MAX_SHARE = 0.25
CHUNK = 5_000
#: The registry's tables in the order they are written (parents first).
CLIENT_TABLES = (
    "diagnosis", "diagnosis_contributor", "diagnosis_area", "case_conference", "plan", "plan_party",
    "plan_goal", "plan_action", "plan_review", "lead_worker",
)  # fmt: skip
_REFERRALS = (
    "SELECT r.id, r.person_id, r.sender_institution_id, r.target_institution_id, r.service_type_code,"
    " r.status, r.outcome_codes, r.version, r.created_at, r.sent_at, r.responded_at, r.accepted_at,"
    " r.ended_at FROM referral r JOIN casework_person c ON c.person_id = r.person_id"
    " WHERE r.created_by = $1 AND r.sent_at IS NOT NULL AND r.target_institution_id IS NOT NULL"
    " ORDER BY r.person_id, r.sent_at, r.id"
)


@dataclass
class _Job:
    """What every chunk of plans is played against (set before the pool forks)."""

    setting: Setting
    chosen: list[tuple[uuid.UUID, list[Ref]]]
    ctx: IngestContext
    events: bool
    numbering: Numbering
    #: The clients and reporting databases, where the pool's processes connect.
    urls: dict[str, str] | None


_JOB: _Job | None = None


async def load(
    rng: random.Random,
    loaders: Mapping[str, Loader],
    *,
    ctx: IngestContext,
    now: datetime,
    events: bool,
    progress: Callable[[str], None],
    workers: int | None = None,
) -> int:
    """Load the casework, a chunk of persons at a time, each chunk played from its own seed
    (drawn here in order) and in the pool's processes when there are (see
    ``splot.embedded.national.pool``); returns the number of plans."""
    global _JOB
    clients, reporting = loaders["clients"], loaders["reporting"]
    setting = await _setting(loaders, now)
    persons = await _chosen(rng, loaders["referrals"])
    progress(f"  casework: plans for {len(persons):,} persons…")
    chosen = await _referrals_of(loaders["referrals"], persons)
    starts = range(0, len(chosen), CHUNK)
    seeds = [rng.getrandbits(64) for _ in starts]
    workers = processes() if workers is None else workers
    if clients.url is None or reporting.url is None:
        workers = 0
    numbering = Numbering(*await clients.numbered())
    for table in (*CLIENT_TABLES, "outbox_event"):
        await clients.defer_constraints(table)
    for table in FACTS.values():
        await reporting.defer_constraints(table)
    urls = {"clients": clients.url, "reporting": reporting.url} if clients.url and reporting.url else None
    _JOB = _Job(setting, chosen, ctx, events, numbering, urls)
    links: list[tuple[uuid.UUID, uuid.UUID]] = []
    done = 0
    try:
        if workers <= 0 or len(seeds) <= 1:
            pipeline = Pipeline()
            for index, seed in enumerate(seeds):
                out, outbox, facts = play_chunk(index, seed)
                links.extend(out.links)
                await pipeline.submit(_write_clients(clients, out, outbox), _write_facts(reporting, facts))
                done += len(chosen[index * CHUNK : (index + 1) * CHUNK])
                progress(f"  casework: {done:,} of {len(persons):,} plans")
            await pipeline.drain()
        else:

            def written(result: tuple[int, list[tuple[uuid.UUID, uuid.UUID]], Counts]) -> None:
                nonlocal done
                done += result[0]
                links.extend(result[1])
                add_counts(loaders, result[2])
                progress(f"  casework: {done:,} of {len(persons):,} plans")

            await pool.run(workers, play_and_write, list(enumerate(seeds)), written, numbering)
    finally:
        clients.numbered_up_to(*numbering.last)
        _JOB = None
    await _link(loaders["referrals"], links)
    return done


def play_chunk(index: int, seed: int) -> tuple[Casework, list[dict[str, Any]], _Facts]:
    """The plans of chunk ``index`` played from ``seed``, its events numbered in its turn, and
    their facts."""
    job = _JOB
    assert job is not None
    rng = random.Random(seed)  # noqa: S311 - synthetic data
    out = Casework()
    for person_id, refs in job.chosen[index * CHUNK : (index + 1) * CHUNK]:
        play(rng, job.setting, person_id, refs, out)
    outbox, facts = _events_and_facts(out, index, job.numbering, job.ctx, job.events)
    return out, outbox, facts


def play_and_write(index: int, seed: int) -> tuple[int, list[tuple[uuid.UUID, uuid.UUID]], Counts]:
    """In a pool process: play chunk ``index`` and COPY it over this process's own connections;
    returns its plans, the referrals that serve its actions and the rows written."""
    job = _JOB
    assert job is not None and job.urls is not None
    try:
        out, outbox, facts = play_chunk(index, seed)
        counts = write_here(job.urls, lambda loaders: _write(loaders, out, outbox, facts))
    except BaseException:
        job.numbering.fail()
        raise
    return len(job.chosen[index * CHUNK : (index + 1) * CHUNK]), out.links, counts


async def _write(
    loaders: dict[str, Loader], out: Casework, outbox: list[dict[str, Any]], facts: _Facts
) -> None:
    await asyncio.gather(
        _write_clients(loaders["clients"], out, outbox), _write_facts(loaders["reporting"], facts)
    )


async def _setting(loaders: Mapping[str, Loader], now: datetime) -> Setting:
    directory, clients = loaders["directory"].conn, loaders["clients"].conn
    offers: dict[uuid.UUID, list[str]] = {}
    for r in await directory.fetch(
        "SELECT institution_id, service_type_code FROM service_offer WHERE active"
        " ORDER BY institution_id, service_type_code"
    ):
        offers.setdefault(r["institution_id"], []).append(r["service_type_code"])
    plan_types = {
        r["code"]: frozenset(_listed(r["institution_types"]))
        for r in await clients.fetch("SELECT code, institution_types FROM plan_type ORDER BY code")
    }
    return Setting(
        types={r["id"]: r["type"] for r in await directory.fetch("SELECT id, type FROM institution")},
        offers={k: tuple(dict.fromkeys(v)) for k, v in offers.items()},
        areas={
            r["code"]: bool(r["sensitive"])
            for r in await clients.fetch("SELECT code, sensitive FROM problem_area ORDER BY sort_order, code")
        },
        plan_types=plan_types,
        programmes=frozenset(
            r["code"] for r in await directory.fetch("SELECT code FROM programme WHERE active")
        ),
        now=now,
    )


def _listed(value: Any) -> list[str]:
    return list(json.loads(value) if isinstance(value, str) else value or [])


async def _chosen(rng: random.Random, referrals: Loader) -> list[uuid.UUID]:
    """The persons who get a plan: of those the generator's referrals connect with two or more
    institutions, each with a chance growing with their number (in the order of their ids)."""
    rows = await referrals.conn.fetch(
        "SELECT person_id, count(*) AS n FROM (SELECT person_id, sender_institution_id AS i FROM referral"
        " WHERE created_by = $1 AND sent_at IS NOT NULL UNION SELECT person_id, target_institution_id"
        " FROM referral WHERE created_by = $1 AND sent_at IS NOT NULL AND target_institution_id IS NOT NULL)"
        " s GROUP BY person_id HAVING count(*) >= 2 ORDER BY person_id",
        GENERATOR,
    )
    return [r["person_id"] for r in rows if rng.random() < min(MAX_SHARE, SHARE * r["n"])]


async def _referrals_of(referrals: Loader, persons: list[uuid.UUID]) -> list[tuple[uuid.UUID, list[Ref]]]:
    """The chosen persons' sent referrals (oldest first), for those who have. The referral
    table's secondary indexes are not built yet: one join with a temporary table."""
    conn = referrals.conn
    await conn.execute("CREATE TEMPORARY TABLE casework_person (person_id uuid PRIMARY KEY)")
    try:
        await conn.copy_records_to_table("casework_person", records=[(p,) for p in persons])
        await conn.execute("ANALYZE casework_person")
        by_person: dict[uuid.UUID, list[Ref]] = {}
        for r in await conn.fetch(_REFERRALS, GENERATOR):
            outcomes = _listed(r["outcome_codes"])
            by_person.setdefault(r["person_id"], []).append(
                Ref(
                    r["id"],
                    r["sender_institution_id"],
                    r["target_institution_id"],
                    r["service_type_code"],
                    r["status"],
                    outcomes[0] if outcomes else None,
                    r["version"],
                    r["created_at"],
                    r["sent_at"],
                    r["responded_at"],
                    r["accepted_at"],
                    r["ended_at"],
                )  # fmt: skip
            )
    finally:
        await conn.execute("DROP TABLE casework_person")
    return [(p, by_person[p]) for p in persons if p in by_person]


def _events_and_facts(
    out: Casework, index: int, numbering: Numbering, ctx: IngestContext, events: bool
) -> tuple[list[dict[str, Any]], dict[str, dict[Any, dict[str, Any]]]]:
    """The chunk's events in time order, numbered in chunk ``index``'s turn (when written), and
    the facts reporting's ingestion makes of them, each with the position of its last event."""
    out.events.sort(key=lambda item: (item[0], item[1]))
    rows = [row for _, _, row in out.events]
    # Every chunk takes its turn, even without events (the next one waits for it).
    numbers = numbering.take(index, len(rows) if events else 0)
    if events:
        number_rows(rows, *numbers)
    facts: dict[str, dict[Any, dict[str, Any]]] = {name: {} for name in FACTS}
    checked: set[str] = set()
    for row in rows:
        if row["type"] not in checked:
            check_payload(row["type"], row["payload"])
            checked.add(row["type"])
        apply = _HANDLERS.get(row["type"])
        if apply is not None:
            apply(
                facts,
                row["payload"],
                row.get("position", row.get("seq", 0)),
                row["occurred_at"],
                row["type"],
                ctx,
            )
        row["payload"] = dumps(row["payload"])
    return (rows if events else []), facts


# --- the facts, as splot.reporting.casework derives them from each event -------------------------

FACTS = {
    "plan": "casework_plan", "goal": "casework_goal", "action": "casework_action",
    "diagnosis": "casework_diagnosis",
}  # fmt: skip
_Facts = dict[str, dict[Any, dict[str, Any]]]


@lru_cache(maxsize=1 << 16)
def _uuid(value: str) -> uuid.UUID:
    """``uuid.UUID(str(value))`` remembered: the same plan, person and institution ids come back
    in every event of a plan."""
    return uuid.UUID(str(value))


def _local_day(value: Any, ctx: IngestContext) -> Any:
    moment = parse_datetime(value)
    return ctx.calendar.local_date(moment) if moment else None


def _plan(facts: _Facts, p: dict[str, Any], seq: int, at: datetime, kind: str, ctx: IngestContext) -> None:
    row = facts["plan"].setdefault(
        _uuid(p["plan_id"]),
        {
            "plan_id": _uuid(p["plan_id"]),
            "closed_on": None,
            "last_reviewed_on": None,
            "last_review_on_time": None,
        },
    )
    row.update(
        person_pseudonym=ctx.pseudonymise(p["person_id"]),
        plan_type=str(p["plan_type_code"])[:48],
        owner_institution_id=_uuid(p["owner_institution_id"]),
        party_institution_ids=sorted({str(_uuid(i)) for i in p.get("party_institution_ids") or []}),
        diagnosis_id=_uuid(p["diagnosis_id"]) if p.get("diagnosis_id") else None,
        created_on=parse_date(p["starts_on"]),
        next_review_due=parse_date(p.get("next_review_due")),
        status=str(p["status"])[:16],
        programme=str(p["programme"])[:64] if p.get("programme") else None,
        last_event_seq=seq,
    )
    row["closed_on"] = (
        (row["closed_on"] or ctx.calendar.local_date(at)) if row["status"] == "closed" else None
    )
    if kind == "plan.reviewed":
        reviewed, due = parse_date(p["reviewed_on"]), parse_date(p.get("review_was_due"))
        row["last_reviewed_on"] = reviewed
        row["last_review_on_time"] = None if due is None or reviewed is None else reviewed <= due


def _goal(facts: _Facts, p: dict[str, Any], seq: int, at: datetime, kind: str, ctx: IngestContext) -> None:
    assessed = p.get("status") == "assessed" and p.get("assessment")
    facts["goal"][_uuid(p["goal_id"])] = {
        "goal_id": _uuid(p["goal_id"]), "plan_id": _uuid(p["plan_id"]),
        "owner_institution_id": _uuid(p["owner_institution_id"]), "area_code": str(p["area_code"])[:48],
        "assessment": str(p["assessment"])[:24] if assessed else None,
        "assessed_on": _local_day(p.get("assessed_at"), ctx) if assessed else None, "last_event_seq": seq,
    }  # fmt: skip


def _action(facts: _Facts, p: dict[str, Any], seq: int, at: datetime, kind: str, ctx: IngestContext) -> None:
    receiver = p.get("referral_receiver_institution_id")
    facts["action"][_uuid(p["action_id"])] = {
        "action_id": _uuid(p["action_id"]), "plan_id": _uuid(p["plan_id"]),
        "owner_institution_id": _uuid(p["owner_institution_id"]),
        "plan_owner_institution_id": _uuid(p["plan_owner_institution_id"]), "status": str(p["status"])[:16],
        "referral_receiver_institution_id": _uuid(receiver) if receiver else None,
        "referral_status": str(p["referral_status"])[:24] if p.get("referral_status") else None,
        "first_action_on": _local_day(p.get("created_at"), ctx) or ctx.calendar.local_date(at),
        "last_event_seq": seq,
    }  # fmt: skip


def _diagnosis(
    facts: _Facts, p: dict[str, Any], seq: int, at: datetime, kind: str, ctx: IngestContext
) -> None:
    facts["diagnosis"][_uuid(p["diagnosis_id"])] = {
        "diagnosis_id": _uuid(p["diagnosis_id"]), "person_pseudonym": ctx.pseudonymise(p["person_id"]),
        "owner_institution_id": _uuid(p["owner_institution_id"]), "diagnosed_on": parse_date(p["diagnosed_on"]),
        "signed_on": _local_day(p.get("signed_at"), ctx) if p.get("status") == "signed" else None,
        "joint": bool(p.get("joint")), "last_event_seq": seq,
    }  # fmt: skip


_HANDLERS: dict[str, Callable[[_Facts, dict[str, Any], int, datetime, str, IngestContext], None]] = {
    "diagnosis.created": _diagnosis, "diagnosis.updated": _diagnosis, "diagnosis.signed": _diagnosis,
    "plan.created": _plan, "plan.updated": _plan, "plan.reviewed": _plan,
    "plan.goal_added": _goal, "plan.goal_assessed": _goal, "plan.goal_reopened": _goal,
    "plan.action_added": _action, "plan.action_changed": _action,
}  # fmt: skip


# --- writing -----------------------------------------------------------------------------------


async def _write_clients(clients: Loader, out: Casework, outbox: list[dict[str, Any]]) -> None:
    for row in out.rows.get("case_conference", []):
        row["participants"] = dumps(row["participants"])
    for table in CLIENT_TABLES:
        await clients.copy(table, out.rows.get(table, []))
    await clients.copy_outbox(outbox)


async def _write_facts(reporting: Loader, facts: _Facts) -> None:
    for row in facts["plan"].values():
        row["party_institution_ids"] = dumps(row["party_institution_ids"])
    for name, table in FACTS.items():
        await reporting.copy(table, list(facts[name].values()))


async def _link(referrals: Loader, links: list[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """The referrals that serve plan actions carry the action's id."""
    if not links:
        return
    conn = referrals.conn
    await conn.execute("CREATE TEMPORARY TABLE casework_link (referral_id uuid PRIMARY KEY, action_id uuid)")
    try:
        await conn.copy_records_to_table("casework_link", records=links)
        await conn.execute(
            "UPDATE referral r SET plan_action_id = l.action_id FROM casework_link l WHERE r.id = l.referral_id"
        )
    finally:
        await conn.execute("DROP TABLE casework_link")
