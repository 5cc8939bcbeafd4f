"""Referrals serve plan actions: the referrals service links a referral to the action it was
created from and keeps the action up to date with the referral's state. Newest state wins by the
referral's ``version`` (repeats and late, older states change nothing); the referral's status
proposes the action's result (the table in :mod:`workflow`); the action's status itself is the
owner's to change."""

from __future__ import annotations

import uuid

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.access import AuditContext, log_access
from splot.clients.casework import events, workflow
from splot.clients.casework.models import Plan, PlanAction, PlanParty
from splot.clients.models import Person
from splot.clients.schemas.casework_plans import ActionReferralResult, ActionReferralSet
from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, not_found


def _result(action: PlanAction, *, applied: bool) -> ActionReferralResult:
    assert action.referral_id is not None
    return ActionReferralResult(
        action_id=action.id,
        plan_id=action.plan_id,
        referral_id=action.referral_id,
        referral_status=action.referral_status,
        referral_version=action.referral_version,
        proposed_result=workflow.ActionStatus(action.proposed_result) if action.proposed_result else None,
        applied=applied,
    )


#: Referral statuses after which the action may be served by another referral.
_ENDED = frozenset({"rejected", "cancelled", "failed", "withdrawn", "completed", "entered_in_error"})


async def _check_referral_serves(
    session: AsyncSession, *, plan: Plan, action: PlanAction, data: ActionReferralSet
) -> None:
    """A referral may serve an action only if it is about the plan's person and was sent by the
    action's owner, the plan's owner or a party of the plan (an institution that can see a plan
    must not attach its referrals to another institution's action); and an action is served by
    one open referral at a time (a late state of an earlier referral does not take it back)."""
    persons = {
        plan.person_id,
        *(await session.scalars(select(Person.id).where(Person.merged_into_id == plan.person_id))),
    }
    parties = set(await session.scalars(select(PlanParty.institution_id).where(PlanParty.plan_id == plan.id)))
    senders = {action.owner_institution_id, plan.owner_institution_id, *parties}
    if data.person_id not in persons or data.sender_institution_id not in senders:
        raise Problem(409, "referral_not_for_action", "this referral is not for this plan action")
    if (
        action.referral_id is not None
        and action.referral_id != data.referral_id
        and action.referral_status not in _ENDED
    ):
        raise Problem(409, "action_has_open_referral", "another referral already serves this action")


async def link_referral(
    session: AsyncSession,
    *,
    principal: Principal,
    action_id: uuid.UUID,
    data: ActionReferralSet,
    audit: AuditContext,
) -> ActionReferralResult:
    action = await session.get(PlanAction, action_id, with_for_update=True)
    if action is None:
        raise not_found("plan action")
    plan = await session.get(Plan, action.plan_id, with_for_update=True)
    assert plan is not None
    await _check_referral_serves(session, plan=plan, action=action, data=data)
    same_referral = action.referral_id == data.referral_id
    if same_referral and action.referral_version is not None and data.version <= action.referral_version:
        if data.version < action.referral_version or action.referral_status == data.status:
            return _result(action, applied=False)
    action.referral_id = data.referral_id
    action.referral_status = data.status
    action.referral_outcome_code = data.outcome_code
    action.referral_receiver_institution_id = data.receiver_institution_id
    action.referral_version = data.version
    proposed = workflow.proposed_result(data.status)
    action.proposed_result = proposed.value if proposed else None
    action.updated_at = utcnow()
    plan.updated_at = utcnow()
    await session.flush()
    await events.action_event(session, "plan.action_changed", plan, action)
    await log_access(
        session,
        principal=principal,
        audit=audit,
        person_ids=[plan.person_id],
        action="service_write",
        legal_basis="service",
        basis_ref=str(data.referral_id),
    )
    return _result(action, applied=True)
