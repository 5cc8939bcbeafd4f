"""A plan as the caller may see it: goals (sensitive ones only under the sensitive-data rules,
with their actions), each action's allowed next statuses and linked referral, each goal's
proposed assessment, the reviews, and whether the review is overdue."""

from __future__ import annotations

import uuid
from collections import defaultdict
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Access, Actor
from splot.clients.casework import workflow
from splot.clients.casework.models import Plan, PlanAction, PlanGoal, PlanParty, PlanReview, PlanType
from splot.clients.casework.visibility import may_see_sensitive
from splot.clients.schemas.casework_plans import (
    ActionRead,
    ActionReferralRead,
    GoalRead,
    PlanListItem,
    PlanRead,
    ReviewRead,
)


def plan_key(plan_id: uuid.UUID) -> str:
    return f"plan.{plan_id}"


def review_overdue(plan: Plan, today: date | None = None) -> bool:
    today = today or date.today()
    return plan.status == "active" and plan.next_review_due is not None and plan.next_review_due < today


async def parties_of(session: AsyncSession, plan_id: uuid.UUID) -> list[uuid.UUID]:
    return list(
        (
            await session.scalars(
                select(PlanParty.institution_id).where(PlanParty.plan_id == plan_id).order_by(PlanParty.id)
            )
        ).all()
    )


def action_read(action: PlanAction) -> ActionRead:
    referral = None
    if action.referral_id is not None:
        referral = ActionReferralRead(
            referral_id=action.referral_id,
            status=action.referral_status,
            outcome_code=action.referral_outcome_code,
            receiver_institution_id=action.referral_receiver_institution_id,
        )
    status = workflow.ActionStatus(action.status)
    return ActionRead(
        id=action.id,
        goal_id=action.goal_id,
        owner_institution_id=action.owner_institution_id,
        description=action.description,
        service_type_code=action.service_type_code,
        due_date=action.due_date,
        status=status,
        result=action.result,
        conference_id=action.conference_id,
        referral=referral,
        proposed_result=workflow.ActionStatus(action.proposed_result) if action.proposed_result else None,
        allowed_statuses=sorted(workflow.ACTION_TRANSITIONS[status]),
    )


def goal_read(goal: PlanGoal, actions: list[PlanAction]) -> GoalRead:
    return GoalRead(
        id=goal.id,
        area_code=goal.area_code,
        description=goal.description,
        sensitive=goal.sensitive,
        status=goal.status,
        assessment=workflow.Assessment(goal.assessment) if goal.assessment else None,
        assessment_reason=goal.assessment_reason,
        assessed_at=goal.assessed_at,
        proposed_assessment=workflow.proposed_assessment(a.status for a in actions),
        actions=[action_read(a) for a in actions],
    )


async def plan_read(session: AsyncSession, plan: Plan, *, actor: Actor, access: Access) -> PlanRead:
    plan_type = await session.get(PlanType, plan.plan_type_code)
    goals = (
        await session.scalars(
            select(PlanGoal).where(PlanGoal.plan_id == plan.id).order_by(PlanGoal.created_at, PlanGoal.id)
        )
    ).all()
    actions_by_goal: dict[uuid.UUID, list[PlanAction]] = defaultdict(list)
    for action in (
        await session.scalars(
            select(PlanAction)
            .where(PlanAction.plan_id == plan.id)
            .order_by(PlanAction.created_at, PlanAction.id)
        )
    ).all():
        actions_by_goal[action.goal_id].append(action)
    see_sensitive = may_see_sensitive(plan.owner_institution_id, actor=actor, access=access)
    shown = [g for g in goals if see_sensitive or not g.sensitive]
    reviews = (
        await session.scalars(
            select(PlanReview)
            .where(PlanReview.plan_id == plan.id)
            .order_by(PlanReview.reviewed_on, PlanReview.id)
        )
    ).all()
    return PlanRead(
        id=plan.id,
        person_id=plan.person_id,
        plan_type_code=plan.plan_type_code,
        legal_basis_code=plan_type.legal_basis_code if plan_type else "",
        owner_institution_id=plan.owner_institution_id,
        parties=await parties_of(session, plan.id),
        diagnosis_id=plan.diagnosis_id,
        starts_on=plan.starts_on,
        status=plan.status,
        agreement_date=plan.agreement_date,
        agreement_method=plan.agreement_method,
        next_review_due=plan.next_review_due,
        review_overdue=review_overdue(plan),
        programme=plan.programme,
        goals=[goal_read(g, actions_by_goal[g.id]) for g in shown],
        hidden_sensitive_goals=len(goals) - len(shown),
        reviews=[
            ReviewRead(
                reviewed_on=r.reviewed_on,
                note=r.note,
                institution_id=r.institution_id,
                created_at=r.created_at,
            )
            for r in reviews
        ],
        created_at=plan.created_at,
        updated_at=plan.updated_at,
        version=plan.version,
    )


def plan_list_item(plan: Plan) -> PlanListItem:
    return PlanListItem(
        id=plan.id,
        person_id=plan.person_id,
        plan_type_code=plan.plan_type_code,
        owner_institution_id=plan.owner_institution_id,
        status=plan.status,
        next_review_due=plan.next_review_due,
        review_overdue=review_overdue(plan),
        programme=plan.programme,
        version=plan.version,
    )
