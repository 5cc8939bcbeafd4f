"""What a plan holds: goals (linked to a problem area; sensitive when the area is, or when the
plan's diagnosis raised it), their assessment (the state table of :mod:`workflow`), actions
(their owner, the conference that decided them, status changes by the plan's or the action's
owner) and reviews. Every change moves the plan's version. Keyword-only, ``flush()`` only."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import Actor, AuditContext
from splot.clients.casework import events, workflow
from splot.clients.casework.catalogue import area_of, unknown_code
from splot.clients.casework.models import (
    CaseConference,
    DiagnosisArea,
    Plan,
    PlanAction,
    PlanGoal,
    PlanReview,
)
from splot.clients.casework.plan_views import parties_of, plan_key
from splot.clients.casework.plans import editable_plan, record_change
from splot.clients.casework.visibility import (
    institution_sees_person,
    institution_sees_sensitive,
    require_writable,
    visible_plan,
)
from splot.clients.schemas.casework_plans import (
    ActionCreate,
    ActionUpdate,
    GoalAssess,
    GoalCreate,
    PlanRead,
    ReviewCreate,
)
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match


async def _goal(session: AsyncSession, plan: Plan, goal_id: uuid.UUID) -> PlanGoal:
    goal = await session.get(PlanGoal, goal_id)
    if goal is None or goal.plan_id != plan.id:
        raise not_found("goal")
    return goal


async def add_goal(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    data: GoalCreate,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    area = await area_of(session, data.area_code)
    raised = False
    if plan.diagnosis_id is not None:
        raised = (
            await session.scalar(
                select(DiagnosisArea.id).where(
                    DiagnosisArea.diagnosis_id == plan.diagnosis_id,
                    DiagnosisArea.area_code == area.code,
                    DiagnosisArea.sensitive.is_(True),
                )
            )
        ) is not None
    goal = PlanGoal(
        plan_id=plan.id,
        area_code=area.code,
        description=data.description,
        sensitive=area.sensitive or raised,
        status="open",
    )
    session.add(goal)
    await session.flush()
    await events.goal_event(session, "plan.goal_added", plan, goal)
    return await record_change(session, actor=actor, access=access, plan=plan, audit=audit)


async def assess_goal(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    goal_id: uuid.UUID,
    data: GoalAssess,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    """The final assessment of a goal (abandoned needs a reason)."""
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    goal = await _goal(session, plan, goal_id)
    workflow.check_goal_transition(goal.status, workflow.GoalStatus.assessed)
    workflow.check_assessment(data.assessment, data.reason)
    goal.status = workflow.GoalStatus.assessed.value
    goal.assessment = data.assessment.value
    goal.assessment_reason = data.reason
    goal.assessed_at = utcnow()
    await session.flush()
    await events.goal_event(session, "plan.goal_assessed", plan, goal)
    return await record_change(session, actor=actor, access=access, plan=plan, audit=audit)


async def reopen_goal(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    goal_id: uuid.UUID,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    goal = await _goal(session, plan, goal_id)
    workflow.check_goal_transition(goal.status, workflow.GoalStatus.open)
    goal.status = workflow.GoalStatus.open.value
    goal.assessment = goal.assessment_reason = None
    goal.assessed_at = None
    await session.flush()
    await events.goal_event(session, "plan.goal_reopened", plan, goal)
    return await record_change(session, actor=actor, access=access, plan=plan, audit=audit)


async def _check_action_owner(session: AsyncSession, plan: Plan, owner: uuid.UUID) -> None:
    if owner == plan.owner_institution_id or owner in await parties_of(session, plan.id):
        return
    if not await institution_sees_person(session, institution_id=owner, person_id=plan.person_id):
        raise Problem(
            422,
            "institution_without_access",
            "the action's owner has no access to the person (registration or a referral's grant)",
        )


async def _check_conference(session: AsyncSession, plan: Plan, conference_id: uuid.UUID) -> None:
    conference = await session.get(CaseConference, conference_id)
    members = {str(plan.owner_institution_id)}
    if (
        conference is None
        or conference.person_id != plan.person_id
        or not members.intersection({p["institution_id"] for p in conference.participants})
    ):
        raise unknown_code("conference_id", "case_conference")


async def add_action(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    data: ActionCreate,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    goal = await session.get(PlanGoal, data.goal_id)
    if goal is None or goal.plan_id != plan.id:
        raise unknown_code("goal_id", "plan_goal")
    if goal.status != workflow.GoalStatus.open:
        raise Problem(409, "goal_assessed", "the goal is assessed; reopen it to add actions")
    owner = data.owner_institution_id or plan.owner_institution_id
    await _check_action_owner(session, plan, owner)
    if goal.sensitive and not await institution_sees_sensitive(
        session, institution_id=owner, recorded_by=plan.owner_institution_id, person_id=plan.person_id
    ):
        raise Problem(
            422,
            "sensitive_goal_not_shared",
            "the goal is sensitive: another institution owns an action of it only after accepting "
            "a referral from you that covers sensitive data (refer the person from an action you own)",
        )
    if data.conference_id is not None:
        await _check_conference(session, plan, data.conference_id)
    action = PlanAction(
        plan_id=plan.id,
        goal_id=goal.id,
        owner_institution_id=owner,
        description=data.description,
        service_type_code=data.service_type_code,
        due_date=data.due_date,
        status=workflow.ActionStatus.planned.value,
        conference_id=data.conference_id,
    )
    session.add(action)
    await session.flush()
    await events.action_event(session, "plan.action_added", plan, action)
    return await record_change(session, actor=actor, access=access, plan=plan, audit=audit)


async def update_action(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    action_id: uuid.UUID,
    data: ActionUpdate,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    """The plan's owner or the action's owner moves the action along the state table; only the
    plan's owner changes its due date."""
    plan, access = await visible_plan(session, actor=actor, plan_id=plan_id)
    require_writable(access)
    action = await session.get(PlanAction, action_id)
    if action is None or action.plan_id != plan.id:
        raise not_found("action")
    is_owner = plan.owner_institution_id == actor.institution_id
    if not is_owner and action.owner_institution_id != actor.institution_id:
        raise forbidden("only the plan's owner or the action's owner changes an action")
    if data.due_date is not None and not is_owner:
        raise forbidden("only the plan's owner changes an action's due date")
    check_if_match(if_match, plan_key(plan.id), plan.version)
    if plan.status == "closed":
        raise Problem(409, "plan_closed", "the plan is closed")
    if data.status is not None and data.status != action.status:
        target = workflow.check_action_transition(action.status, data.status)
        if target in workflow.ACTION_RESULT_REQUIRED and not (data.result or action.result):
            raise Problem(
                422,
                "result_required",
                f"an action that is {target} needs a result",
                errors=[
                    {"loc": ["body", "result"], "msg": "a result is required", "type": "result_required"}
                ],
            )
        action.status = target.value
    if "result" in data.model_fields_set:
        action.result = data.result
    if data.due_date is not None:
        action.due_date = data.due_date
    action.updated_at = utcnow()
    await session.flush()
    await events.action_event(session, "plan.action_changed", plan, action)
    return await record_change(session, actor=actor, access=access, plan=plan, audit=audit)


async def add_review(
    session: AsyncSession,
    *,
    actor: Actor,
    plan_id: uuid.UUID,
    data: ReviewCreate,
    if_match: str | None,
    audit: AuditContext,
) -> PlanRead:
    plan, access = await editable_plan(session, actor=actor, plan_id=plan_id, if_match=if_match)
    was_due = plan.next_review_due
    session.add(
        PlanReview(
            plan_id=plan.id,
            reviewed_on=data.reviewed_on,
            note=data.note,
            institution_id=actor.institution_id,
            reviewed_by=actor.subject[:128],
        )
    )
    plan.next_review_due = data.next_review_due
    return await record_change(
        session,
        actor=actor,
        access=access,
        plan=plan,
        audit=audit,
        event_type="plan.reviewed",
        reviewed_on=data.reviewed_on.isoformat(),
        review_was_due=was_due.isoformat() if was_due else None,
    )
