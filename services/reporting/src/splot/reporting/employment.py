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
from collections.abc import Collection
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.reporting import cubes
from splot.reporting.models import ReferralFact

_NEVER = datetime.max.replace(tzinfo=UTC)


def _reports_employment(fact: ReferralFact, employment_outcomes: Collection[str]) -> bool:
    return (
        bool(fact.referrals)
        and fact.status == "completed"
        and bool(set(fact.outcome_codes or []) & set(employment_outcomes))
    )


def _set_employment(fact: ReferralFact, value: int, employment_outcomes: Collection[str]) -> None:
    fact.employment_outcome = value
    for months, outcome in ((3, fact.followup_3m_outcome), (6, fact.followup_6m_outcome)):
        setattr(fact, f"followup_{months}m_answered", int(bool(value) and outcome is not None))
        setattr(fact, f"followup_{months}m_employed", int(bool(value) and outcome in employment_outcomes))


async def count_once_per_chain(
    session: AsyncSession, chain_root_id: uuid.UUID | None, employment_outcomes: Collection[str]
) -> None:
    """Leave the employment outcome (and its follow-up measures) on one referral of the chain."""
    if chain_root_id is None:
        return
    facts = list(
        (await session.scalars(select(ReferralFact).where(ReferralFact.chain_root_id == chain_root_id))).all()
    )
    reporting = [f for f in facts if _reports_employment(f, employment_outcomes)]
    if len(reporting) <= 1 and all(f.employment_outcome == 1 for f in reporting):
        return
    first = min(
        reporting,
        key=lambda f: (f.ended_at or _NEVER, -f.chain_depth, str(f.referral_id)),
        default=None,
    )
    changed = []
    for fact in reporting:
        value = int(fact is first)
        if fact.employment_outcome != value:
            _set_employment(fact, value, employment_outcomes)
            changed.append((fact.sent_year, fact.sent_month))
    if changed:
        await session.flush()
        await cubes.mark_dirty(session, changed)
