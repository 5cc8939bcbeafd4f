"""Who sees and who edits casework, decided at read time from the registry's own access rules.

- Nothing without access to the person (registration, an active referral grant, break-glass):
  404, the same as for a person who does not exist.
- A plan is seen by its owner, its parties and the institutions owning one of its actions; a
  diagnosis by its owner and its contributors. A coordinator in break-glass sees every plan and
  diagnosis read-only. Any other institution, even one that sees the person, gets a 404.
- Sensitive areas and goals (special-category data): the institution that recorded them (the
  area's contributor, the plan's owner) always; another institution only through the referral
  rule of case attributes — an accepted referral *from* that institution whose grant covers
  sensitive data. Registrants, parties and break-glass see the non-sensitive parts only.
- Only the owner edits (a contributor its own section; an action's owner its action's status);
  break-glass is read-only (403).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Access, Actor, active_grant_clause
from splot.clients.casework.models import Diagnosis, DiagnosisContributor, Plan, PlanAction, PlanParty
from splot.clients.models import AccessGrant, Registration
from splot.clients.persons import PersonMerged, visible_person
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found


def may_see_sensitive(recorded_by: uuid.UUID, *, actor: Actor, access: Access) -> bool:
    """A sensitive area or goal recorded by ``recorded_by``: see the module's rules."""
    if recorded_by == actor.institution_id:
        return True
    return any(
        grant.sender_institution_id == recorded_by
        and grant.covers_sensitive
        and grant.accepted_at is not None
        for grant in access.grants
    )


async def person_access(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, now: datetime | None = None
) -> Access:
    """The caller's basis for the person; 404 when it has none (a merged record too: casework
    stays with the record it was written for)."""
    try:
        _, access = await visible_person(session, actor=actor, person_id=person_id, now=now or utcnow())
    except PersonMerged:
        raise not_found("person") from None
    return access


async def plan_institutions(session: AsyncSession, plan: Plan) -> set[uuid.UUID]:
    """The owner, the parties and the institutions owning one of the plan's actions."""
    parties = (
        await session.scalars(select(PlanParty.institution_id).where(PlanParty.plan_id == plan.id))
    ).all()
    owners = (
        await session.scalars(select(PlanAction.owner_institution_id).where(PlanAction.plan_id == plan.id))
    ).all()
    return {plan.owner_institution_id, *parties, *owners}


async def visible_plan(session: AsyncSession, *, actor: Actor, plan_id: uuid.UUID) -> tuple[Plan, Access]:
    plan = await session.get(Plan, plan_id)
    if plan is None:
        raise not_found("plan")
    try:
        access = await person_access(session, actor=actor, person_id=plan.person_id)
    except Problem:
        raise not_found("plan") from None
    if access.read_only:
        return plan, access
    if actor.institution_id not in await plan_institutions(session, plan):
        raise not_found("plan")
    return plan, access


async def owned_plan(session: AsyncSession, *, actor: Actor, plan_id: uuid.UUID) -> tuple[Plan, Access]:
    """A plan the caller's institution owns and may write (others that see it: 403)."""
    plan, access = await visible_plan(session, actor=actor, plan_id=plan_id)
    if access.read_only:
        raise forbidden("break-glass access is read-only")
    if plan.owner_institution_id != actor.institution_id:
        raise forbidden("only the plan's owner changes it")
    return plan, access


async def contributors_of(session: AsyncSession, diagnosis_id: uuid.UUID) -> list[DiagnosisContributor]:
    return list(
        (
            await session.scalars(
                select(DiagnosisContributor)
                .where(DiagnosisContributor.diagnosis_id == diagnosis_id)
                .order_by(DiagnosisContributor.invited_at, DiagnosisContributor.id)
            )
        ).all()
    )


async def visible_diagnosis(
    session: AsyncSession, *, actor: Actor, diagnosis_id: uuid.UUID
) -> tuple[Diagnosis, Access, list[DiagnosisContributor]]:
    diagnosis = await session.get(Diagnosis, diagnosis_id)
    if diagnosis is None:
        raise not_found("diagnosis")
    try:
        access = await person_access(session, actor=actor, person_id=diagnosis.person_id)
    except Problem:
        raise not_found("diagnosis") from None
    contributors = await contributors_of(session, diagnosis.id)
    if not access.read_only and actor.institution_id not in {c.institution_id for c in contributors}:
        raise not_found("diagnosis")
    return diagnosis, access, contributors


def require_writable(access: Access) -> None:
    if access.read_only:
        raise forbidden("break-glass access is read-only")


async def institution_sees_person(
    session: AsyncSession, *, institution_id: uuid.UUID, person_id: uuid.UUID
) -> bool:
    """Whether an institution (not a caller) has a lasting basis for the person: a registration or
    an active referral grant (break-glass is personal and does not count)."""
    now = utcnow()
    registered = await session.scalar(
        select(Registration.id).where(
            Registration.person_id == person_id, Registration.institution_id == institution_id
        )
    )
    if registered is not None:
        return True
    granted = await session.scalar(
        select(AccessGrant.id).where(
            AccessGrant.person_id == person_id,
            AccessGrant.institution_id == institution_id,
            active_grant_clause(now),
        )
    )
    return granted is not None


async def institution_sees_sensitive(
    session: AsyncSession, *, institution_id: uuid.UUID, recorded_by: uuid.UUID, person_id: uuid.UUID
) -> bool:
    """:func:`may_see_sensitive` for an institution that is not the caller (an action's owner)."""
    if institution_id == recorded_by:
        return True
    grant = await session.scalar(
        select(AccessGrant.id).where(
            AccessGrant.person_id == person_id,
            AccessGrant.institution_id == institution_id,
            AccessGrant.sender_institution_id == recorded_by,
            AccessGrant.covers_sensitive.is_(True),
            AccessGrant.accepted_at.is_not(None),
            active_grant_clause(utcnow()),
        )
    )
    return grant is not None
