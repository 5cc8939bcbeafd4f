"""The measures of casework (issue #14; definitions in docs/indicators.md, "Casework").

Every measure is over the plans (and their goals, actions and diagnoses) whose **owner** is in
the caller's scope: for an analyst or a regional system, the owners seated in its territory (the
national scope: every plan); for an institution, the plans it owns. An institution looking at its
own work sees the exact numbers; everyone else gets them through the suppression policy like any
statistic (small counts suppressed, the rest rounded, rates of the rounded counts, a median only
as an interior order statistic of a large enough cell).

* persons with a plan: distinct persons with a plan in force during the period (started by its
  last day, not closed before its first), in all and by plan type (persons merged in the registry
  count once); with a **joint** plan: one with a party institution other than its owner;
* goals by problem area × assessment: goals assessed in the period (their final assessment);
* actions: actions added in the period and not cancelled; of them delivered by another
  institution than the plan's owner — the action's owner or, once the referral serving it was
  accepted (accepted, in progress, on hold, completed), the institution it went to;
* working days from diagnosis to first action: for each plan based on a diagnosis whose first
  action (the earliest added and not cancelled) falls in the period, the working days from the day of diagnosis to
  that day (:func:`splot.common.workdays.working_days_between`); the median of them;
* plans reviewed on time: of the plans whose last review falls in the period and had a review date
  due then, the share reviewed on or before it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.workdays import working_days_between
from splot.reporting.models import (
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
    InstitutionDim,
    PersonDim,
)
from splot.reporting.partnership_measures import Publish
from splot.reporting.scopes import Scope

CANCELLED = "cancelled"


@dataclass(frozen=True)
class Window:
    """The caller's scope and the days of the period (first and last, inclusive)."""

    scope: Scope
    first: date
    last: date

    def owned(self, owner: Any) -> ColumnElement[bool]:
        if self.scope.is_institution:
            return owner == self.scope.institution_id  # type: ignore[no-any-return]
        if not self.scope.territory:
            return true()
        seated = select(InstitutionDim.id).where(InstitutionDim.teryt.startswith(self.scope.territory))
        return owner.in_(seated)  # type: ignore[no-any-return]

    def during(self, day: Any) -> ColumnElement[bool]:
        return day.between(self.first, self.last)  # type: ignore[no-any-return]

    def in_force(self, starts: Any, closed: Any) -> ColumnElement[bool]:
        """Started by the period's last day and not closed before its first."""
        return and_(starts <= self.last, or_(closed.is_(None), closed >= self.first))


async def _survivors(session: AsyncSession, pseudonyms: set[str]) -> dict[str, str]:
    """The person each merged pseudonym now is (a merge after a plan's last event is not yet in
    its fact; merges keep ``merged_into`` pointing at the final survivor)."""
    if not pseudonyms:
        return {}
    rows = await session.execute(
        select(PersonDim.pseudonym, PersonDim.merged_into).where(
            PersonDim.pseudonym.in_(pseudonyms), PersonDim.merged_into.is_not(None)
        )
    )
    return {str(p): str(m) for p, m in rows.all()}


async def persons_with_plans(session: AsyncSession, window: Window, publish: Publish) -> dict[str, Any]:
    p = CaseworkPlanFact
    rows = (
        await session.execute(
            select(p.person_pseudonym, p.plan_type, p.owner_institution_id, p.party_institution_ids).where(
                window.owned(p.owner_institution_id),
                window.in_force(p.created_on, p.closed_on),
                p.person_pseudonym.is_not(None),
            )
        )
    ).all()
    survivor = await _survivors(session, {str(row[0]) for row in rows})
    persons: set[str] = set()
    joint: set[str] = set()
    by_type: dict[str, set[str]] = {}
    for pseudonym, plan_type, owner, parties in rows:
        person = survivor.get(str(pseudonym), str(pseudonym))
        persons.add(person)
        by_type.setdefault(plan_type, set()).add(person)
        if set(parties or []) - {str(owner)}:
            joint.add(person)
    return {
        "persons_with_plan": publish.count(len(persons)),
        "persons_with_plan_by_type": [
            {"plan_type": t, "value": publish.count(len(people))} for t, people in sorted(by_type.items())
        ],
        "persons_with_joint_plan": publish.count(len(joint)),
    }


async def goals(session: AsyncSession, window: Window, publish: Publish) -> list[dict[str, Any]]:
    g = CaseworkGoalFact
    rows = await session.execute(
        select(g.area_code, g.assessment, func.count())
        .where(window.owned(g.owner_institution_id), window.during(g.assessed_on), g.assessment.is_not(None))
        .group_by(g.area_code, g.assessment)
        .order_by(g.area_code, g.assessment)
    )
    return [
        {"area_code": area, "assessment": assessment, "value": publish.count(int(n))}
        for area, assessment, n in rows.all()
    ]


#: States of the referral serving an action in which its receiver is delivering (or delivered) it.
DELIVERING = frozenset({"accepted", "in_progress", "on_hold", "completed"})


def delivered_by(owner: uuid.UUID, receiver: uuid.UUID | None, referral_status: str | None) -> uuid.UUID:
    """Who delivers an action: the institution its referral went to once that one took it on,
    otherwise the action's owner."""
    if receiver is not None and referral_status in DELIVERING:
        return receiver
    return owner


async def actions(session: AsyncSession, window: Window, publish: Publish) -> dict[str, Any]:
    a = CaseworkActionFact
    rows = (
        await session.execute(
            select(
                a.owner_institution_id,
                a.plan_owner_institution_id,
                a.referral_receiver_institution_id,
                a.referral_status,
            ).where(
                window.owned(a.plan_owner_institution_id),
                window.during(a.first_action_on),
                a.status != CANCELLED,
            )
        )
    ).all()
    other = sum(
        1
        for row in rows
        if delivered_by(row.owner_institution_id, row.referral_receiver_institution_id, row.referral_status)
        != row.plan_owner_institution_id
    )
    return {
        "actions": publish.count(len(rows)),
        "actions_by_other_institution": publish.count(other),
        "share_by_other_institution": publish.ratio(other, len(rows)),
    }


async def diagnosis_to_first_action(
    session: AsyncSession, window: Window, publish: Publish
) -> dict[str, Any]:
    p, a, d = CaseworkPlanFact, CaseworkActionFact, CaseworkDiagnosisFact
    first_action = (
        select(a.plan_id, func.min(a.first_action_on).label("first_on"))
        .where(a.status != CANCELLED)
        .group_by(a.plan_id)
        .subquery()
    )
    rows = (
        await session.execute(
            select(d.diagnosed_on, first_action.c.first_on)
            .select_from(p)
            .join(first_action, first_action.c.plan_id == p.plan_id)
            .join(d, d.diagnosis_id == p.diagnosis_id)
            .where(window.owned(p.owner_institution_id), window.during(first_action.c.first_on))
        )
    ).all()
    histogram: Counter[int] = Counter(working_days_between(diagnosed, first) for diagnosed, first in rows)
    return {
        "plans_with_first_action_after_diagnosis": publish.count(len(rows)),
        "median_working_days_diagnosis_to_first_action": publish.percentile(histogram, 0.5),
    }


async def reviews(session: AsyncSession, window: Window, publish: Publish) -> dict[str, Any]:
    p = CaseworkPlanFact
    rows = (
        await session.execute(
            select(p.last_review_on_time).where(
                window.owned(p.owner_institution_id),
                window.during(p.last_reviewed_on),
                p.last_review_on_time.is_not(None),
            )
        )
    ).all()
    on_time = sum(1 for (flag,) in rows if flag)
    return {
        "plans_reviewed": publish.count(len(rows)),
        "plans_reviewed_on_time": publish.count(on_time),
        "review_on_time_share": publish.ratio(on_time, len(rows)),
    }


async def measures(session: AsyncSession, window: Window, publish: Publish) -> dict[str, Any]:
    """Every casework measure of the period, as cells (``Cell``) and rows of cells."""
    return {
        **await persons_with_plans(session, window, publish),
        "goals": await goals(session, window, publish),
        **await actions(session, window, publish),
        **await diagnosis_to_first_action(session, window, publish),
        **await reviews(session, window, publish),
    }


def as_json(value: Any) -> Any:
    """Cells as ``{"value", "suppressed"}`` throughout the answer."""
    if hasattr(value, "as_dict"):
        return value.as_dict()
    if isinstance(value, dict):
        return {k: as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    return value
