"""Workflow transitions of :mod:`splot.referrals.workflow`: the checks in the documented order
(reader, visibility, If-Match, the table, payload), the action's effects, one version bump, the
record (:mod:`splot.referrals.recording`), the receiver's new access state, follow-ups after an
employment outcome, and the system's expiry of unanswered referrals."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common import workdays
from splot.common.db import utcnow
from splot.common.etag import check_if_match
from splot.referrals import access, occupancy, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.effects import (
    EFFECTS,
    Payload,
    check_assign,
    check_assignee,
    check_payload,
    check_reason,
    payload_details,
)
from splot.referrals.models import FollowUp, OutcomeCode, Referral
from splot.referrals.peers import Peers
from splot.referrals.reading import load_referral, lock_referral, require_writer, rules
from splot.referrals.recording import record
from splot.referrals.sending import check_with_registry, send, set_deadlines, validate_target
from splot.referrals.workflow import SYSTEM, TERMINAL, TRANSITIONS, Actor, Status, Transition, authorise


async def transition(
    session: AsyncSession,
    *,
    referral_id: uuid.UUID,
    request: schemas.TransitionRequest,
    actor: Actor,
    if_match: str | None,
    peers: Peers,
    settings: ReferralsSettings,
    now: datetime | None = None,
) -> Referral | None:
    """Take one workflow action; ``None`` when a draft was discarded."""
    require_writer(actor)
    now = now or utcnow()
    action = str(request.action.value)
    if action in ("send", "discard"):
        referral = await load_referral(session, referral_id, actor, for_update=True)
    else:
        # The rest change only the referral's columns: a Core read and write, no unit of work.
        referral = await lock_referral(session, referral_id, actor)
    check_if_match(if_match, referral.id, referral.version)
    t = authorise(action, actor, referral, rules(settings), now)
    given = request.model_dump(exclude={"action"})
    check_payload(t, given)
    if action == "discard":
        await session.delete(referral)
        await session.flush()
        return None
    if action == "send":
        await send(
            session, referral, t, actor=actor, peers=peers, settings=settings, now=now, text=request.text
        )
        return referral
    payload = Payload(**{k: (v.value if hasattr(v, "value") else v) for k, v in given.items()})
    await check_reason(session, action, payload.reason_code)
    if action == "assign":
        check_assign(referral, payload.assignee_user_id, actor=actor)
    if payload.assignee_user_id is not None:
        await check_assignee(payload.assignee_user_id, referral, peers=peers)
    await apply(session, referral, t, payload, actor=actor, peers=peers, settings=settings, now=now)
    return referral


async def apply(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    payload: Payload,
    *,
    actor: Actor,
    peers: Peers | None,
    settings: ReferralsSettings,
    now: datetime,
) -> None:
    """Apply an authorised transition: effects, status, flag, revocation or grant, event row,
    outbox event, notifications. ``peers`` None (demo data) skips the registry."""
    from_status = referral.status
    if t.action == "reopen" and peers is not None:
        days = await validate_target(
            referral, peers=peers, settings=settings, actor_institution_id=referral.sender_institution_id
        )
        await check_with_registry(referral, peers=peers)
    else:
        days = (settings.response_days_routine, settings.response_days_urgent)
    # One flush at the end, so the version moves exactly once per transition.
    with session.no_autoflush:
        await EFFECTS[t.action](session, referral, payload, now)
        if t.to_status is not None:
            referral.status = t.to_status
        if t.sets_flag:
            setattr(referral, t.sets_flag, True)
        if t.action == "reopen":
            set_deadlines(referral, days=days, settings=settings, now=now)
        if t.action == "complete":
            await _schedule_follow_ups(session, referral, settings=settings, now=now)
        ended = referral.status in TERMINAL and (
            from_status not in TERMINAL or referral.status == Status.entered_in_error
        )
        referral.updated_at = now
    await record(
        session,
        referral,
        t,
        actor=actor,
        from_status=from_status,
        settings=settings,
        now=now,
        text=payload.text,
        reason_code=payload.reason_code,
        details={k: v for k, v in payload_details(payload).items() if v is not None},
    )
    # What the receiver may see changes with these: recorded now, sent to the registry once
    # this transaction has committed (see splot.referrals.access).
    if ended and from_status != Status.draft:
        retention = 0 if referral.status == Status.entered_in_error else settings.access_retention_days
        await access.enqueue(session, referral, active=False, retention_days=retention, now=now)
    elif t.action in ("accept", "reopen"):
        await access.enqueue(session, referral, active=True, now=now)
    # A place of the offer taken or freed: delivered to the directory after the commit too.
    await occupancy.follow(session, referral, from_status=from_status, now=now)


async def _schedule_follow_ups(
    session: AsyncSession, referral: Referral, *, settings: ReferralsSettings, now: datetime
) -> None:
    employment = (
        await session.scalars(
            select(OutcomeCode.code).where(
                OutcomeCode.code.in_(referral.outcome_codes), OutcomeCode.employment.is_(True)
            )
        )
    ).first()
    if employment is None:
        return
    # One set per chain: the same outcome reported up the chain (the OPS completing after the NGO
    # found the person a job) schedules nothing more. The chain's root sender answers them.
    existing = (
        await session.scalars(
            select(FollowUp.id).where(
                FollowUp.chain_root_id == referral.chain_root_id, FollowUp.status != "cancelled"
            )
        )
    ).first()
    if existing is not None:
        return
    root = (
        referral
        if referral.chain_root_id == referral.id
        else await session.get(Referral, referral.chain_root_id)
    )
    owner = root.sender_institution_id if root is not None else referral.sender_institution_id
    for months in settings.followup_months:
        session.add(
            FollowUp(
                referral_id=referral.id,
                chain_root_id=referral.chain_root_id,
                institution_id=owner,
                due_months=months,
                due_at=workdays.add_months(now, months),
                created_at=now,
            )
        )


async def expire(
    session: AsyncSession, referral: Referral, *, settings: ReferralsSettings, now: datetime
) -> None:
    """The system cancels an unanswered referral (reason ``no_response``); the caller holds the lock."""
    t = TRANSITIONS["expire"]
    await apply(
        session,
        referral,
        t,
        Payload(reason_code="no_response"),
        actor=SYSTEM,
        peers=None,
        settings=settings,
        now=now,
    )
