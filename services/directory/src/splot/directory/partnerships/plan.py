"""The partnership's action plan: tasks, client selection criteria, the service standard and
targets; and the standard's deadline between two parties, which referrals follow."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from sqlalchemy import Select, delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.auth import Principal
from splot.common.db import utcnow
from splot.common.errors import Problem, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.directory.models import Institution, PartnershipAgreement, ServiceType
from splot.directory.partnerships import access
from splot.directory.partnerships import schemas as ps
from splot.directory.partnerships.lifecycle import Status, agreement_status
from splot.directory.partnerships.models import (
    Partnership,
    PartnershipParty,
    PartnershipTarget,
    PlanTask,
    SelectionCriteria,
    StandardStep,
)


def _require_party(partnership: Partnership, institution_id: uuid.UUID, day: date, what: str) -> None:
    if institution_id not in access.party_ids(partnership, day):
        raise Problem(422, "not_a_party", f"the {what} must be a party of the partnership")


def new_task(
    partnership: Partnership, data: ps.TaskCreate, day: date, meeting_id: uuid.UUID | None = None
) -> PlanTask:
    _require_party(partnership, data.owner_institution_id, day, "task's owner")
    return PlanTask(partnership_id=partnership.id, meeting_id=meeting_id, **data.model_dump())


async def create_task(
    session: AsyncSession, *, partnership: Partnership, data: ps.TaskCreate, actor: Principal, day: date
) -> PlanTask:
    access.require_organiser(partnership, actor, day)
    task = new_task(partnership, data, day)
    session.add(task)
    await session.flush()
    return task


async def update_task(
    session: AsyncSession,
    *,
    partnership: Partnership,
    task_id: uuid.UUID,
    data: ps.TaskUpdate,
    actor: Principal,
    if_match: str | None,
    day: date,
) -> PlanTask:
    task = await session.get(PlanTask, task_id)
    if task is None or task.partnership_id != partnership.id:
        raise not_found("task")
    owner_staff = actor.institution_id == task.owner_institution_id and actor.has_role(
        *access.SIGNATORY_ROLES
    )
    if not owner_staff:
        access.require_organiser(partnership, actor, day)
    check_if_match(if_match, task.id, task.version)
    changes = data.model_dump(exclude_unset=True)
    if "owner_institution_id" in changes:
        _require_party(partnership, changes["owner_institution_id"], day, "task's owner")
    for field, value in changes.items():
        setattr(task, field, value)
    if task.starts_on and task.due_on and task.due_on < task.starts_on:
        raise Problem(422, "invalid_period", "due_on cannot be before starts_on")
    await session.flush()
    return task


async def list_tasks(
    session: AsyncSession, *, partnership: Partnership, cursor: str | None, limit: int | None
) -> tuple[list[PlanTask], str | None]:
    stmt: Select[Any] = select(PlanTask).where(PlanTask.partnership_id == partnership.id)
    return await paginate(
        session, stmt, order_by=[PlanTask.created_at, PlanTask.id], cursor=cursor, limit=limit
    )


async def read_plan(session: AsyncSession, partnership: Partnership) -> ps.PlanRead:
    criteria = await session.get(SelectionCriteria, partnership.id)
    steps = (
        await session.scalars(
            select(StandardStep)
            .where(StandardStep.partnership_id == partnership.id)
            .order_by(StandardStep.position)
        )
    ).all()
    targets = (
        await session.scalars(
            select(PartnershipTarget)
            .where(PartnershipTarget.partnership_id == partnership.id)
            .order_by(PartnershipTarget.period, PartnershipTarget.indicator_code)
        )
    ).all()
    return ps.PlanRead(
        criteria=ps.Criteria.model_validate({k: getattr(criteria, k) for k in ps.Criteria.model_fields})
        if criteria
        else None,
        standard=[ps.StandardStepRead.model_validate(s) for s in steps],
        targets=[ps.TargetRead.model_validate(t) for t in targets],
        partnership_version=partnership.version,
    )


async def _change(
    session: AsyncSession, partnership: Partnership, actor: Principal, if_match: str | None, day: date
) -> None:
    access.require_organiser(partnership, actor, day)
    check_if_match(if_match, partnership.id, partnership.version)
    partnership.updated_at = utcnow()


async def set_criteria(
    session: AsyncSession,
    *,
    partnership: Partnership,
    data: ps.Criteria,
    actor: Principal,
    if_match: str | None,
    day: date,
) -> None:
    await _change(session, partnership, actor, if_match, day)
    criteria = await session.get(SelectionCriteria, partnership.id)
    if criteria is None:
        criteria = SelectionCriteria(partnership_id=partnership.id)
        session.add(criteria)
    for field, value in data.model_dump().items():
        setattr(criteria, field, value)
    await session.flush()


async def set_standard(
    session: AsyncSession,
    *,
    partnership: Partnership,
    data: ps.Standard,
    actor: Principal,
    if_match: str | None,
    day: date,
) -> None:
    await _change(session, partnership, actor, if_match, day)
    codes = {s.service_type_code for s in data.steps if s.service_type_code}
    if codes:
        known = set(
            (await session.scalars(select(ServiceType.code).where(ServiceType.code.in_(codes)))).all()
        )
        if known != codes:
            raise Problem(422, "unknown_service_type", "a step names a service type not in the catalogue")
    for step in data.steps:
        if step.performer_institution_id is not None:
            _require_party(partnership, step.performer_institution_id, day, "step's performer")
    await session.execute(delete(StandardStep).where(StandardStep.partnership_id == partnership.id))
    for position, step in enumerate(data.steps, start=1):
        values = step.model_dump()
        values["performer_type"] = step.performer_type.value if step.performer_type else None
        session.add(StandardStep(partnership_id=partnership.id, position=position, **values))
    await session.flush()


async def set_targets(
    session: AsyncSession,
    *,
    partnership: Partnership,
    data: ps.Targets,
    actor: Principal,
    if_match: str | None,
    day: date,
) -> None:
    await _change(session, partnership, actor, if_match, day)
    await session.execute(delete(PartnershipTarget).where(PartnershipTarget.partnership_id == partnership.id))
    for target in data.targets:
        values = target.model_dump()
        values["indicator_code"] = target.indicator_code.value
        session.add(PartnershipTarget(partnership_id=partnership.id, **values))
    await session.flush()


async def standard_deadline(
    session: AsyncSession, *, sender_id: uuid.UUID, receiver_id: uuid.UUID, service_type: str, day: date
) -> ps.StandardDeadline:
    """The working-day deadline of the standard step the receiver performs for the service type,
    in a partnership with an agreement in force today to which both are parties. A step names its
    performer by institution or by type (or leaves it open), and may leave the service type open
    (any)."""
    receiver = await session.get(Institution, receiver_id)
    if receiver is None or sender_id == receiver_id:
        raise not_found("standard")
    both = (
        select(PartnershipParty.partnership_id)
        .where(
            PartnershipParty.institution_id.in_([sender_id, receiver_id]), PartnershipParty.state == "party"
        )
        .where(PartnershipParty.joined_on <= day)
        .where((PartnershipParty.left_on.is_(None)) | (PartnershipParty.left_on > day))
        .group_by(PartnershipParty.partnership_id)
    )
    candidates = [
        pid
        for pid in (await session.scalars(both)).all()
        if await _both_parties(session, pid, sender_id, receiver_id, day)
    ]
    # The most specific step applies (its service type named, then its performer by institution,
    # then by type); among equally specific ones the shortest deadline.
    best: tuple[tuple[bool, bool, bool, int], ps.StandardDeadline] | None = None
    for partnership_id in candidates:
        if not await _in_force(session, partnership_id, {sender_id, receiver_id}, day):
            continue
        steps = (
            await session.scalars(select(StandardStep).where(StandardStep.partnership_id == partnership_id))
        ).all()
        for step in steps:
            if step.deadline_working_days is None or step.service_type_code not in (None, service_type):
                continue
            if step.performer_institution_id not in (None, receiver_id) or step.performer_type not in (
                None,
                receiver.type,
            ):
                continue
            rank = (
                step.service_type_code is not None,
                step.performer_institution_id is not None,
                step.performer_type is not None,
                -step.deadline_working_days,
            )
            if best is None or rank > best[0]:
                answer = ps.StandardDeadline(
                    partnership_id=partnership_id,
                    step_id=step.id,
                    deadline_working_days=step.deadline_working_days,
                )
                best = (rank, answer)
    if best is None:
        raise not_found("standard")
    return best[1]


async def _both_parties(
    session: AsyncSession, partnership_id: uuid.UUID, sender_id: uuid.UUID, receiver_id: uuid.UUID, day: date
) -> bool:
    rows = (
        await session.scalars(
            select(PartnershipParty).where(PartnershipParty.partnership_id == partnership_id)
        )
    ).all()
    current = {r.institution_id for r in rows if r.is_party_on(day)}
    return {sender_id, receiver_id} <= current


async def _in_force(
    session: AsyncSession, partnership_id: uuid.UUID, named: set[uuid.UUID], day: date
) -> bool:
    from sqlalchemy.orm import selectinload

    versions = (
        await session.scalars(
            select(PartnershipAgreement)
            .options(selectinload(PartnershipAgreement.parties))
            .where(PartnershipAgreement.partnership_id == partnership_id)
        )
    ).all()
    return any(
        agreement_status(a, day) == Status.in_force and named <= {p.id for p in a.parties} for a in versions
    )
