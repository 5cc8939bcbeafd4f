"""Reporting facts written directly, the way ingestion derives them from the referrals feed
(``splot.reporting.ingestion._referral`` and ``splot.reporting.employment``): from each referral's
last snapshot, with the reporting service's own ``derive`` for cohorts, durations, SLA states and
measure flags, and an employment outcome counted once per forwarding chain."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from splot.common.workdays import working_days_between
from splot.embedded.national.stories import Story
from splot.reporting import employment
from splot.reporting.facts import Calendar, derive, parse_datetime
from splot.reporting.ingest_batch import snapshot_columns
from splot.reporting.ingestion import IngestContext

_TIMES = ("created_at", "sent_at", "responded_at", "accepted_at", "started_at", "ended_at", "due_at")


def build(
    stories: list[Story], last_seq: dict[uuid.UUID, int], ctx: IngestContext
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Referral facts, their outcome rows and the follow-up facts of one chunk of stories (whole
    chains: children are in the chunk of their root)."""
    followup_facts: list[dict[str, Any]] = []
    answered: dict[uuid.UUID, dict[int, str | None]] = {}
    for story in stories:
        for event in story.followup_events:
            p = event["payload"]
            referral_id = uuid.UUID(p["referral_id"])
            followup_facts.append(
                {
                    "followup_id": uuid.UUID(p["followup_id"]),
                    "referral_id": referral_id,
                    "due_months": int(p["due_months"]),
                    "outcome_code": p["outcome_code"],
                    "answered_at": parse_datetime(p["answered_at"]),
                }
            )
            answered.setdefault(referral_id, {})[int(p["due_months"])] = p["outcome_code"]
    facts: list[dict[str, Any]] = []
    outcomes: list[dict[str, Any]] = []
    chains: dict[uuid.UUID, list[dict[str, Any]]] = {}
    for story in stories:
        snapshots = [e["payload"]["referral"] for e in story.play.outbox if "referral" in e["payload"]]
        if not snapshots:
            continue
        fact = _fact(snapshots[-1], last_seq.get(story.play.r.id, 0), answered.get(story.play.r.id, {}), ctx)
        facts.append(fact)
        outcomes.extend(
            {"referral_id": fact["referral_id"], "outcome_code": c} for c in fact["outcome_codes"]
        )
        if fact["chain_root_id"] is not None:
            chains.setdefault(fact["chain_root_id"], []).append(fact)
    for chain in chains.values():
        _count_once(chain, ctx.employment_outcomes)
    for fact in facts:
        fact["outcome_codes"] = _json_list(fact["outcome_codes"])
    return facts, outcomes, followup_facts


def _json_list(values: list[str]) -> str:
    from splot.embedded.national.bulk import dumps

    return dumps(values)


@lru_cache(maxsize=500_000)
def _working_days_between(start: date, end: date) -> int:
    return working_days_between(start, end)


class _Calendar(Calendar):
    """The reporting calendar with its working-day counts remembered (the same few thousand
    pairs of days come back millions of times; the count itself is the service's)."""

    def working_days(self, start: datetime | None, end: datetime | None) -> int | None:
        if start is None or end is None:
            return None
        return _working_days_between(self.local_date(start), self.local_date(end))


@lru_cache(maxsize=8)
def _calendar(calendar: Calendar) -> Calendar:
    return _Calendar(calendar.zone)


def _fact(
    snapshot: dict[str, Any], seq: int, followups: dict[int, str | None], ctx: IngestContext
) -> dict[str, Any]:
    fact: dict[str, Any] = {
        **snapshot_columns(snapshot, seq),
        "person_pseudonym": ctx.pseudonymise(snapshot.get("person_id")),
        "followup_3m_outcome": followups.get(3),
        "followup_6m_outcome": followups.get(6),
    }
    for name in _TIMES:
        fact[name] = parse_datetime(snapshot.get(name))
    fact.update(
        derive(
            snapshot,
            calendar=_calendar(ctx.calendar),
            employment_outcomes=ctx.employment_outcomes,
            followup_3m=fact["followup_3m_outcome"],
            followup_6m=fact["followup_6m_outcome"],
        )
    )
    return fact


def _count_once(chain: list[dict[str, Any]], employment_outcomes: frozenset[str]) -> None:
    """``splot.reporting.employment``'s rule on rows: the first referral of the chain to end with
    an employment outcome keeps it (then the deepest, then the id)."""
    for fact, value in employment.recount(chain, employment_outcomes):
        fact.update(employment.employment_columns(fact, value, employment_outcomes))
