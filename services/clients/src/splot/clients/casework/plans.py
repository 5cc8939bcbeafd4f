"""Individual plans: drawing one up (its type allowed for the owner's kind of institution, the
parties of a joint plan among the institutions with access to the person), changing it (the
person's agreement, the next review, parties, closing), reading it, and the lists — a person's
plans and the coordinators' list of plans due for review. Keyword-only, ``flush()`` only."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Access, Actor, AuditContext, access_to, log_access, visible_person_ids
from splot.clients.casework import events
from splot.clients.casework.catalogue import unknown_code
from splot.clients.casework.models import Plan, PlanAction, PlanParty, PlanType
from splot.clients.casework.plan_views import parties_of, plan_key, plan_list_item, plan_read
from splot.clients.casework.visibility import (
    institution_sees_person,
    owned_plan,
    person_access,
    require_writable,
    visible_diagnosis,
    visible_plan,
)
from splot.clients.persons import touch
from splot.clients.schemas.casework_plans import PlanCreate, PlanListItem, PlanRead, PlanUpdate
from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.common.etag import check_if_match
from splot.common.pagination import paginate


async def record_change(
    session: AsyncSession,
    *,
    actor: Actor,
    access: Access,
    plan: Plan,
    audit: AuditContext,
    event_type: str | None = None,
    **extra: Any,
) -> PlanRead:
    """Every change moves the plan's version (its one ETag), is audited and, with ``event_type``,
    published as a plan event."""
    plan.updated_at = utcnow()
    await session.flush()
    if event_type is not None:
        await events.plan_event(session, event_type, plan, await parties_of(session, plan.id), **extra)
    await touch(session, plan.person_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[plan.person_id],
        action="casework_write",
        legal_basis=access.basis,
        basis_ref=str(plan.id),
    )
    return await plan_read(session, plan, actor=actor, access=access)


async def editable_plan(
    session: AsyncSession, *, actor: Actor, plan_id: uuid.UUID, if_match: str | None
) -> tuple[Plan, Access]:
    plan, access = await owned_plan(session, actor=actor, plan_id=plan_id)
    check_if_match(if_match, plan_key(plan.id), plan.version)
    if plan.status == "closed":
        raise Problem(409, "plan_closed", "the plan is closed")
    return plan, access


async def _check_parties(
    session: AsyncSession,
    *,
    plan_type: PlanType,
    owner: uuid.UUID,
    person_id: uuid.UUID,
    parties: list[uuid.UUID],
) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(p for p in parties if p != owner))
    if unique and not plan_type.joint:
        raise Problem(
            422, "parties_only_in_joint_plans", "only a joint plan has other institutions as parties"
        )
    for party in unique:
        if not await institution_sees_person(session, institution_id=party, person_id=person_id):
            raise Problem(
                422,
                "institution_without_access",
                "a party has no access to the person (registration or a referral's grant)",
            )
    return unique


async def create_plan(
    session: AsyncSession, *, actor: Actor, person_id: uuid.UUID, data: PlanCreate, audit: AuditContext
) -> PlanRead:
    access = await person_access(session, actor=actor, person_id=person_id)
    require_writable(access)
    plan_type = await session.get(PlanType, data.plan_type_code)
    if plan_type is None:
        raise unknown_code("plan_type_code", "plan_type")
    if actor.principal.institution_type not in plan_type.institution_types:
        raise Problem(
            403,
            "plan_type_not_for_institution",
            "this plan type is drawn up by " + ", ".join(plan_type.institution_types) + " institutions only",
            institution_types=list(plan_type.institution_types),
        )
    if data.diagnosis_id is not None:
        try:
            diagnosis, _, _ = await visible_diagnosis(session, actor=actor, diagnosis_id=data.diagnosis_id)
        except Problem:
            diagnosis = None
        if diagnosis is None or diagnosis.person_id != person_id:
            raise unknown_code("diagnosis_id", "diagnosis")
    parties = await _check_parties(
        session, plan_type=plan_type, owner=actor.institution_id, person_id=person_id, parties=data.parties
    )
    plan = Plan(
        person_id=person_id,
        plan_type_code=plan_type.code,
        owner_institution_id=actor.institution_id,
        created_by=actor.subject[:128],
        diagnosis_id=data.diagnosis_id,
        starts_on=data.starts_on,
        status="active",
        next_review_due=data.next_review_due,
        programme=data.programme,
    )
    session.add(plan)
    await session.flush()
    for party in parties:
        session.add(PlanParty(plan_id=plan.id, institution_id=party))
    return await record_change(
        session, actor=actor, access=access, plan=plan, audit=audit, event_type="plan.created"
    )


async def update_plan(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    data: PlanUpdate,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    given = data.model_fields_set
    if "agreement_date" in given or "agreement_method" in given:
        agreement_date = data.agreement_date if "agreement_date" in given else plan.agreement_date
        method = data.agreement_method if "agreement_method" in given else plan.agreement_method
        if (agreement_date is None) != (method is None):
            raise Problem(
                422, "agreement_incomplete", "the person's agreement needs both its date and how it was given"
            )
        plan.agreement_date, plan.agreement_method = agreement_date, method
    if "next_review_due" in given:
        plan.next_review_due = data.next_review_due
    if "programme" in given:
        plan.programme = data.programme
    if data.parties is not None:
        plan_type = await session.get(PlanType, plan.plan_type_code)
        assert plan_type is not None
        parties = await _check_parties(
            session,
            plan_type=plan_type,
            owner=plan.owner_institution_id,
            person_id=plan.person_id,
            parties=data.parties,
        )
        await session.execute(delete(PlanParty).where(PlanParty.plan_id == plan.id))
        for party in parties:
            session.add(PlanParty(plan_id=plan.id, institution_id=party))
    if data.status is not None:
        plan.status = data.status
    return await record_change(
        session, actor=actor, access=access, plan=plan, audit=audit, event_type="plan.updated"
    )


async def get_plan(
    session: AsyncSession, *, actor: Actor, plan_id: uuid.UUID, audit: AuditContext
) -> PlanRead:
    plan, access = await visible_plan(session, actor=actor, plan_id=plan_id)
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[plan.person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return await plan_read(session, plan, actor=actor, access=access)


def _involving(institution_id: uuid.UUID) -> Any:
    return or_(
        Plan.owner_institution_id == institution_id,
        Plan.id.in_(select(PlanParty.plan_id).where(PlanParty.institution_id == institution_id)),
        Plan.id.in_(select(PlanAction.plan_id).where(PlanAction.owner_institution_id == institution_id)),
    )


async def list_person_plans(
    session: AsyncSession,
    *,
    actor: Actor,
    person_id: uuid.UUID,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[PlanRead], str | None]:
    """The person's plans the caller's institution takes part in (all of them in break-glass)."""
    access = await person_access(session, actor=actor, person_id=person_id)
    stmt: Select[Any] = select(Plan).where(Plan.person_id == person_id)
    if not access.read_only:
        stmt = stmt.where(_involving(actor.institution_id))
    rows, next_cursor = await paginate(
        session, stmt, order_by=[Plan.created_at, Plan.id], cursor=cursor, limit=limit, descending=True
    )
    await log_access(
        session,
        principal=actor.principal,
        audit=audit,
        person_ids=[person_id],
        action="read",
        legal_basis=access.basis,
        basis_ref=access.basis_ref,
    )
    return [await plan_read(session, p, actor=actor, access=access) for p in rows], next_cursor


async def list_plans(
    session: AsyncSession,
    *,
    actor: Actor,
    review_due_before: date | None,
    cursor: str | None,
    limit: int | None,
    audit: AuditContext,
) -> tuple[list[PlanListItem], str | None]:
    """The coordinators' list: active plans the caller's institution owns or is a party to, of
    persons it still sees; with ``review_due_before`` only those whose review falls before it,
    soonest first."""
    involved = or_(
        Plan.owner_institution_id == actor.institution_id,
        Plan.id.in_(select(PlanParty.plan_id).where(PlanParty.institution_id == actor.institution_id)),
    )
    stmt: Select[Any] = select(Plan).where(
        involved,
        Plan.status == "active",
        Plan.person_id.in_(visible_person_ids(actor, utcnow(), include_break_glass=False)),
    )
    if review_due_before is not None:
        stmt = stmt.where(Plan.next_review_due.is_not(None), Plan.next_review_due < review_due_before)
        order = [Plan.next_review_due, Plan.id]
    else:
        order = [Plan.created_at, Plan.id]
    rows, next_cursor = await paginate(session, stmt, order_by=order, cursor=cursor, limit=limit)
    now = utcnow()
    for person_id in sorted({p.person_id for p in rows}):
        access = await access_to(session, actor=actor, person_id=person_id, now=now)
        await log_access(
            session,
            principal=actor.principal,
            audit=audit,
            person_ids=[person_id],
            action="list",
            legal_basis=access.basis,
            basis_ref=access.basis_ref,
        )
    return [plan_list_item(p) for p in rows], next_cursor
