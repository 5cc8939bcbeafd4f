"""An employment outcome counts once per forwarding chain.

In a PUP → OPS → NGO chain the NGO reports "employed" and the OPS often completes its own referral
with the same outcome: one job, reported twice up the chain. The referrals service schedules one
follow-up set per chain (for the first referral that reported the outcome); the reporting counts
the outcome once, for the same referral: the first of the chain to end with an employment outcome
(then the deepest, then the id). The other referrals keep their outcome codes (the outcome cube
still shows what each receiver reported) but do not count as employment outcomes, nor do their
follow-up measures.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Mapping
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import among, table_of
from splot.reporting import cubes
from splot.reporting.models import ReferralFact

_NEVER = datetime.max.replace(tzinfo=UTC)
Row = TypeVar("Row", bound=Mapping[str, Any])
_FACTS = table_of(ReferralFact)
#: What the rule reads of each fact of a chain.
_READ = [
    _FACTS.c[name]
    for name in (
        "referral_id", "chain_root_id", "chain_depth", "referrals", "status", "outcome_codes", "ended_at",
        "employment_outcome", "followup_3m_outcome", "followup_6m_outcome", "sent_year", "sent_month",
    )
]  # fmt: skip
#: What the rule writes (the keys of :func:`employment_columns`), one statement built once.
_WRITTEN = (
    "employment_outcome", "followup_3m_answered", "followup_3m_employed",
    "followup_6m_answered", "followup_6m_employed",
)  # fmt: skip
_WRITE = (
    update(_FACTS)
    .where(_FACTS.c.referral_id == bindparam("rid"))
    .values({name: bindparam(name) for name in _WRITTEN})
)


def _reports_employment(fact: Mapping[str, Any], employment_outcomes: Collection[str]) -> bool:
    return (
        bool(fact["referrals"])
        and fact["status"] == "completed"
        and bool(set(fact["outcome_codes"] or []) & set(employment_outcomes))
    )


def employment_columns(
    fact: Mapping[str, Any], value: int, employment_outcomes: Collection[str]
) -> dict[str, int]:
    """The employment outcome and the follow-up measures that depend on it."""
    columns = {"employment_outcome": value}
    for months in (3, 6):
        outcome = fact[f"followup_{months}m_outcome"]
        columns[f"followup_{months}m_answered"] = int(bool(value) and outcome is not None)
        columns[f"followup_{months}m_employed"] = int(bool(value) and outcome in employment_outcomes)
    return columns


def recount(facts: list[Row], employment_outcomes: Collection[str]) -> list[tuple[Row, int]]:
    """The facts of one chain (mappings of the fact's columns) whose employment outcome must
    change, with the new value (also the synthetic country's loader's rule, on its rows)."""
    reporting = [f for f in facts if _reports_employment(f, employment_outcomes)]
    if len(reporting) <= 1 and all(f["employment_outcome"] == 1 for f in reporting):
        return []
    first = min(
        reporting,
        key=lambda f: (f["ended_at"] or _NEVER, -f["chain_depth"], str(f["referral_id"])),
        default=None,
    )
    return [(f, int(f is first)) for f in reporting if f["employment_outcome"] != int(f is first)]


async def count_once_per_chain(
    session: AsyncSession, chain_roots: Collection[uuid.UUID | None], employment_outcomes: Collection[str]
) -> None:
    """Leave the employment outcome (and its follow-up measures) on one referral of each chain:
    one read of the chains' facts, one update of those that change, their months marked dirty.
    The caller's pending ORM changes are flushed first, and facts the ORM holds are expired."""
    roots = {root for root in chain_roots if root is not None}
    if not roots:
        return
    await session.flush()
    chains: dict[uuid.UUID, list[Mapping[str, Any]]] = defaultdict(list)
    longer = (
        select(_FACTS.c.chain_root_id)
        .where(among(session, _FACTS.c.chain_root_id, roots))
        .group_by(_FACTS.c.chain_root_id)
        .having(func.count() > 1)
    )  # most chains are one referral: nothing to decide
    for row in await session.execute(select(*_READ).where(_FACTS.c.chain_root_id.in_(longer))):
        chains[row.chain_root_id].append(dict(row._mapping))
    changes = [
        (fact, value) for facts in chains.values() for fact, value in recount(facts, employment_outcomes)
    ]
    if not changes:
        return
    await session.execute(
        _WRITE,
        [
            {"rid": fact["referral_id"], **employment_columns(fact, value, employment_outcomes)}
            for fact, value in changes
        ],
    )
    for obj in list(session.identity_map.values()):
        if isinstance(obj, ReferralFact):
            session.expire(obj)
    await cubes.mark_dirty(session, [(fact["sent_year"], fact["sent_month"]) for fact, _ in changes])
