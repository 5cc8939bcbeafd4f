"""Reading lists: the inbox and outbox with their filters, the referrals serving a plan action,
the counts per status, a person's referral history, the reference data (reason and outcome codes) and the workflow table."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, exists, func, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.common.pagination import paginate
from splot.referrals import schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import OutcomeCode, ReasonCode, Referral
from splot.referrals.reading import chain_party_clause, require_reader
from splot.referrals.workflow import TERMINAL, TRANSITIONS, Actor, BusinessStatus, Side, Status


def overdue_clause(now: datetime) -> Any:
    return and_(Referral.status == Status.requested.value, Referral.due_at <= now)


@dataclass
class BoxFilters:
    status: list[str] | None = None
    overdue: bool | None = None
    service_type: str | None = None
    assignee: str | None = None
    priority: str | None = None
    sent_from: date | None = None
    sent_to: date | None = None
    person_id: uuid.UUID | None = None
    #: More persons (the SPA's name search: ids the registry found for the caller).
    person_ids: list[uuid.UUID] | None = None
    #: Part of the referral number, any case (``SK-2026-7K3QM`` or just ``7k3qm``).
    number: str | None = None


def _box_base(box: schemas.Box, actor: Actor) -> Select[Any]:
    if box is schemas.Box.inbox:
        return select(Referral).where(
            Referral.target_institution_id == actor.institution_id, Referral.status != Status.draft.value
        )
    return select(Referral).where(Referral.sender_institution_id == actor.institution_id)


def _local_midnight(day: date, tz: str) -> datetime:
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def _filtered(
    stmt: Select[Any], f: BoxFilters, actor: Actor, settings: ReferralsSettings, now: datetime
) -> Select[Any]:
    if f.status:
        stmt = stmt.where(Referral.status.in_(f.status))
    if f.overdue is True:
        stmt = stmt.where(overdue_clause(now))
    elif f.overdue is False:
        stmt = stmt.where(not_(overdue_clause(now)))
    if f.service_type:
        stmt = stmt.where(Referral.service_type_code == f.service_type)
    if f.assignee == "none":
        stmt = stmt.where(Referral.assignee_user_id.is_(None))
    elif f.assignee == "me":
        stmt = stmt.where(Referral.assignee_user_id == actor.user_id)
    elif f.assignee:
        stmt = stmt.where(Referral.assignee_user_id == uuid.UUID(f.assignee))
    if f.priority:
        stmt = stmt.where(Referral.priority == f.priority)
    if f.sent_from:
        stmt = stmt.where(Referral.sent_at >= _local_midnight(f.sent_from, settings.timezone))
    if f.sent_to:
        stmt = stmt.where(
            Referral.sent_at < _local_midnight(f.sent_to + timedelta(days=1), settings.timezone)
        )
    if f.person_id:
        stmt = stmt.where(Referral.person_id == f.person_id)
    if f.person_ids is not None:
        stmt = stmt.where(Referral.person_id.in_(f.person_ids))
    if f.number:
        stmt = stmt.where(Referral.number.contains(f.number.upper(), autoescape=True))
    return stmt


async def list_box(
    session: AsyncSession,
    *,
    box: schemas.Box,
    actor: Actor,
    filters: BoxFilters,
    settings: ReferralsSettings,
    cursor: str | None,
    limit: int | None,
    sort: schemas.BoxSort = schemas.BoxSort.newest,
) -> tuple[list[Referral], str | None]:
    require_reader(actor)
    if filters.sent_from and filters.sent_to and filters.sent_to < filters.sent_from:
        raise Problem(422, "invalid_period", "sent_to cannot be before sent_from")
    stmt = _filtered(_box_base(box, actor), filters, actor, settings, utcnow())
    if sort is schemas.BoxSort.due:
        # Soonest response deadline first; referrals without one (drafts) have no place here.
        stmt = stmt.where(Referral.due_at.is_not(None))
        return await paginate(
            session, stmt, order_by=[Referral.due_at, Referral.id], cursor=cursor, limit=limit
        )
    order = (
        [Referral.sent_at, Referral.id] if box is schemas.Box.inbox else [Referral.created_at, Referral.id]
    )
    return await paginate(session, stmt, order_by=order, cursor=cursor, limit=limit, descending=True)


async def for_plan_action(
    session: AsyncSession,
    *,
    plan_action_id: uuid.UUID,
    actor: Actor,
    cursor: str | None,
    limit: int | None,
) -> tuple[list[Referral], str | None]:
    """The referrals serving a plan action that the actor's institution sent (its drafts too) or
    received, newest first; others' referrals are simply not there."""
    require_reader(actor)
    inst = actor.institution_id
    stmt = select(Referral).where(
        Referral.plan_action_id == plan_action_id,
        or_(
            Referral.sender_institution_id == inst,
            and_(Referral.target_institution_id == inst, Referral.status != Status.draft.value),
        ),
    )
    return await paginate(
        session,
        stmt,
        order_by=[Referral.created_at, Referral.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )


async def counts(session: AsyncSession, *, box: schemas.Box, actor: Actor) -> schemas.CountsRead:
    require_reader(actor)
    base = _box_base(box, actor).subquery()
    rows = (await session.execute(select(base.c.status, func.count()).group_by(base.c.status))).all()
    by_status = {s.value: 0 for s in Status if not (box is schemas.Box.inbox and s is Status.draft)}
    for status, n in rows:
        by_status[status] = int(n)
    now = utcnow()
    overdue = (
        await session.execute(
            select(func.count())
            .select_from(base)
            .where(base.c.status == Status.requested.value, base.c.due_at <= now)
        )
    ).scalar_one()
    return schemas.CountsRead(
        box=box, total=sum(by_status.values()), overdue=int(overdue), by_status=by_status
    )


async def person_history(
    session: AsyncSession, *, person_id: uuid.UUID, actor: Actor, cursor: str | None, limit: int | None
) -> schemas.PersonReferralPage:
    """A person's referrals, for institutions that sent or received at least one of them. Sensitive
    referrals (GDPR art. 9 service types) are shown only to their own parties. Everybody else gets
    an empty page: the same answer as for a person without referrals (or an unknown id), so the
    history neither fails for a newly registered person nor tells who has referrals."""
    require_reader(actor)
    inst = actor.institution_id
    party = or_(Referral.sender_institution_id == inst, Referral.target_institution_id == inst)
    sent = Referral.status != Status.draft.value
    may_see = (
        await session.execute(select(exists().where(Referral.person_id == person_id, sent, party)))
    ).scalar_one()
    if not may_see:
        return schemas.PersonReferralPage(items=[], next_cursor=None)
    stmt = select(Referral).where(
        Referral.person_id == person_id, sent, or_(Referral.sensitive.is_(False), party)
    )
    rows, next_cursor = await paginate(
        session, stmt, order_by=[Referral.sent_at, Referral.id], cursor=cursor, limit=limit, descending=True
    )
    roots = {r.chain_root_id for r in rows}
    my_chains = (
        set(
            (
                await session.scalars(
                    select(Referral.chain_root_id)
                    .where(Referral.chain_root_id.in_(roots), chain_party_clause(inst))
                    .distinct()
                )
            ).all()
        )
        if roots
        else set()
    )
    return schemas.PersonReferralPage(
        items=[
            schemas.PersonReferralItem(
                id=r.id,
                number=r.number,
                status=r.status,
                chain_root_id=r.chain_root_id,
                parent_referral_id=r.parent_referral_id,
                sender_institution_id=r.sender_institution_id,
                target_institution_id=r.target_institution_id,
                service_type_code=r.service_type_code,
                outcome_codes=list(r.outcome_codes or []),
                sent_at=r.sent_at,
                ended_at=r.ended_at,
                party=inst in r.party_ids(),
                openable=r.chain_root_id in my_chains,
            )
            for r in rows
        ],
        next_cursor=next_cursor,
    )


async def reason_codes(session: AsyncSession) -> list[ReasonCode]:
    return list(
        (await session.scalars(select(ReasonCode).order_by(ReasonCode.sort_order, ReasonCode.code))).all()
    )


async def outcome_codes(session: AsyncSession, *, kind: str | None) -> list[OutcomeCode]:
    stmt = select(OutcomeCode).order_by(OutcomeCode.kind, OutcomeCode.sort_order, OutcomeCode.code)
    if kind:
        stmt = stmt.where(OutcomeCode.kind == kind)
    return list((await session.scalars(stmt)).all())


def workflow_table() -> schemas.WorkflowRead:
    return schemas.WorkflowRead(
        statuses=list(Status),
        terminal=[s for s in Status if s in TERMINAL],
        business_statuses=list(BusinessStatus),
        transitions=[
            schemas.TransitionRuleRead(
                action=t.action,
                from_statuses=sorted(t.from_statuses),
                side=t.side,
                to_status=t.to_status,
                event_type=t.event_type,
                roles=sorted(t.roles) if t.side is not Side.system else [],
                required_fields=list(t.required),
                optional_fields=list(t.optional),
                sets_flag=t.sets_flag,
                requires_flag=t.requires_flag,
                unless_flag=t.unless_flag,
                assignee_bound=t.assignee_bound,
                guard=t.guard,
                endpoint=t.endpoint,
            )
            for t in TRANSITIONS.values()
        ],
    )
