"""Casework: individual plans — drawing up, reading (enough for the printable plan), the person's
agreement, reviews, goals and their assessment, actions and their status — and the lists: a
person's plans and the coordinators' plans due for review. Every change needs the plan's ETag."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response, status

from splot.clients.casework import plan_items, plans
from splot.clients.casework.plan_views import plan_key
from splot.clients.routes.deps import Audit, PersonId, Reader, Writer
from splot.clients.schemas.casework_plans import (
    ActionCreate,
    ActionUpdate,
    GoalAssess,
    GoalCreate,
    PlanCreate,
    PlanListPage,
    PlanPage,
    PlanRead,
    PlanUpdate,
    ReviewCreate,
)
from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.common.validation import IsoDate

router = APIRouter(prefix="/v1", tags=["casework"])

PlanId = Annotated[uuid.UUID, Path(description="Id of the plan")]
GoalId = Annotated[uuid.UUID, Path(description="Id of the goal")]
ActionId = Annotated[uuid.UUID, Path(description="Id of the action")]


def _etag(response: Response, plan: PlanRead) -> PlanRead:
    set_etag(response, plan_key(plan.id), plan.version)
    return plan


@router.post(
    "/persons/{person_id:uuid}/plans",
    response_model=PlanRead,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_plan(
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    person_id: PersonId,
    data: PlanCreate,
    response: Response,
) -> PlanRead:
    """Draw up a plan for the person (its type must be one your kind of institution owns)."""
    created = await plans.create_plan(session, actor=actor, person_id=person_id, data=data, audit=audit)
    response.headers["Location"] = f"../../plans/{created.id}"  # /v1/plans/{id}
    return _etag(response, created)


@router.get("/persons/{person_id:uuid}/plans", response_model=PlanPage, responses=READ_RESPONSES)
async def list_person_plans(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    person_id: PersonId,
    cursor: Cursor = None,
    limit: Limit = None,
) -> PlanPage:
    """The person's plans your institution takes part in, newest first."""
    items, next_cursor = await plans.list_person_plans(
        session, actor=actor, person_id=person_id, cursor=cursor, limit=limit, audit=audit
    )
    return PlanPage(items=items, next_cursor=next_cursor)


@router.get("/plans", response_model=PlanListPage, responses=LIST_RESPONSES)
async def list_plans(
    session: SessionDep,
    actor: Reader,
    audit: Audit,
    review_due_before: Annotated[
        IsoDate | None, Query(description="Only plans whose review is due before this day")
    ] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> PlanListPage:
    """Active plans your institution owns or is a party to (the coordinators' list)."""
    items, next_cursor = await plans.list_plans(
        session, actor=actor, review_due_before=review_due_before, cursor=cursor, limit=limit, audit=audit
    )
    return PlanListPage(items=items, next_cursor=next_cursor)


@router.get("/plans/{plan_id}", response_model=PlanRead, responses=READ_RESPONSES)
async def get_plan(
    session: SessionDep, actor: Reader, audit: Audit, plan_id: PlanId, response: Response
) -> PlanRead:
    """A plan with its goals, actions and reviews (sensitive goals only under the sensitive-data rules)."""
    return _etag(response, await plans.get_plan(session, actor=actor, plan_id=plan_id, audit=audit))


@router.patch("/plans/{plan_id}", response_model=PlanRead, responses=WRITE_RESPONSES)
async def update_plan(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    data: PlanUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """The person's agreement, the next review, the parties, closing the plan (its owner)."""
    updated = await plans.update_plan(
        session, actor=actor, plan_id=plan_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post("/plans/{plan_id}/reviews", response_model=PlanRead, responses=WRITE_RESPONSES)
async def add_review(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    data: ReviewCreate,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """Record a review and set the next one."""
    updated = await plan_items.add_review(
        session, actor=actor, plan_id=plan_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post("/plans/{plan_id}/goals", response_model=PlanRead, responses=WRITE_RESPONSES)
async def add_goal(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    data: GoalCreate,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """Add a goal for a problem area (sensitive when the area is)."""
    updated = await plan_items.add_goal(
        session, actor=actor, plan_id=plan_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post(
    "/plans/{plan_id}/goals/{goal_id}/assessment", response_model=PlanRead, responses=WRITE_RESPONSES
)
async def assess_goal(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    goal_id: GoalId,
    data: GoalAssess,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """The goal's final assessment (abandoned needs a reason)."""
    updated = await plan_items.assess_goal(
        session, actor=actor, plan_id=plan_id, goal_id=goal_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.delete(
    "/plans/{plan_id}/goals/{goal_id}/assessment", response_model=PlanRead, responses=WRITE_RESPONSES
)
async def reopen_goal(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    goal_id: GoalId,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """Withdraw the goal's assessment: it is open again."""
    updated = await plan_items.reopen_goal(
        session, actor=actor, plan_id=plan_id, goal_id=goal_id, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.post("/plans/{plan_id}/actions", response_model=PlanRead, responses=WRITE_RESPONSES)
async def add_action(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    data: ActionCreate,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """Add an action to a goal (owned by your institution, a party or another serving institution)."""
    updated = await plan_items.add_action(
        session, actor=actor, plan_id=plan_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)


@router.patch("/plans/{plan_id}/actions/{action_id}", response_model=PlanRead, responses=WRITE_RESPONSES)
async def update_action(
    *,
    session: SessionDep,
    actor: Writer,
    audit: Audit,
    plan_id: PlanId,
    action_id: ActionId,
    data: ActionUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> PlanRead:
    """Move an action along its state table, record its result (the plan's or the action's owner)."""
    updated = await plan_items.update_action(
        session, actor=actor, plan_id=plan_id, action_id=action_id, data=data, if_match=if_match, audit=audit
    )
    return _etag(response, updated)
