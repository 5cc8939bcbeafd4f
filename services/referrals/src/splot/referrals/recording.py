"""What every transition leaves behind once its changes are made: the version bump, one immutable
event row, one outbox event (feed and webhooks), the state for the plan action the referral
serves (if any) and a notification to the other side."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.referrals import notifications, plan_actions
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral
from splot.referrals.publish import publish, transition_payload
from splot.referrals.reading import save_change
from splot.referrals.workflow import Actor, Side, Transition


async def record(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    *,
    actor: Actor,
    from_status: str | None,
    settings: ReferralsSettings,
    now: datetime,
    text: str | None,
    reason_code: str | None = None,
    details: dict[str, Any] | None = None,
    notify: bool = True,
) -> None:
    """Flush the change (bumping the version), then the event row, the outbox event, the plan
    action's state and the notifications to the other side."""
    assert t.event_type is not None
    # The immutable event row, written with the change (a Core insert: no ORM unit of work).
    await save_change(
        session,
        referral,
        event=dict(
            referral_id=referral.id,
            action=t.action,
            from_status=from_status,
            to_status=referral.status,
            actor_kind=actor.kind,
            actor_subject=actor.subject,
            actor_institution_id=actor.institution_id,
            reason_code=reason_code,
            text=text,
            payload=details or {},
            occurred_at=now,
        ),
    )
    root_sender = await chain_root_sender(session, referral) if t.action in CHAIN_OUTCOMES else None
    await publish(
        session,
        t.event_type,
        referral=referral,
        payload=transition_payload(
            referral,
            action=t.action,
            from_status=from_status,
            actor_institution_id=actor.institution_id,
            now=now,
        ),
        also_to=[root_sender[0]] if root_sender else (),
    )
    # Delivered to the client registry after the commit (see splot.referrals.plan_actions).
    await plan_actions.follow(session, referral, now=now)
    if notify:
        await _notify(session, referral, t, actor=actor, settings=settings, root_sender=root_sender)


async def _notify(
    session: AsyncSession,
    referral: Referral,
    t: Transition,
    *,
    actor: Actor,
    settings: ReferralsSettings,
    root_sender: tuple[uuid.UUID, uuid.UUID | None] | None,
) -> None:
    """The new assignee of an assignment; otherwise the other side, and a chain's root sender."""
    assert t.event_type is not None
    if t.action == "assign":
        if referral.assignee_user_id is not None and referral.assignee_user_id != actor.user_id:
            await notifications.notify(
                session,
                settings=settings,
                kind=t.event_type,
                institution_id=referral.target_institution_id or referral.sender_institution_id,
                user_id=referral.assignee_user_id,
                referral=referral,
            )
        return
    await notify_other_side(session, referral, kind=t.event_type, actor_side=t.side, settings=settings)
    if root_sender is not None:
        # The closed loop of a chain: its root sender hears of every descendant's outcome.
        await notifications.notify(
            session,
            settings=settings,
            kind=t.event_type,
            institution_id=root_sender[0],
            user_id=root_sender[1],
            referral=referral,
        )


#: Actions whose result the root sender of a chain hears about from any descendant.
CHAIN_OUTCOMES = frozenset({"complete", "fail"})


async def chain_root_sender(
    session: AsyncSession, referral: Referral
) -> tuple[uuid.UUID, uuid.UUID | None] | None:
    """The chain root's sending institution (and user), unless it is a party of ``referral``."""
    if referral.chain_depth == 0 or referral.chain_root_id == referral.id:
        return None
    root = await session.get(Referral, referral.chain_root_id)
    if root is None or root.sender_institution_id in referral.party_ids():
        return None
    return root.sender_institution_id, root.sender_user_id


async def notify_other_side(
    session: AsyncSession, referral: Referral, *, kind: str, actor_side: Side, settings: ReferralsSettings
) -> None:
    if actor_side in (Side.sender, Side.system) and referral.target_institution_id is not None:
        await notifications.notify(
            session,
            settings=settings,
            kind=kind,
            institution_id=referral.target_institution_id,
            user_id=referral.assignee_user_id,
            referral=referral,
        )
    if actor_side in (Side.receiver, Side.system):
        await notifications.notify(
            session,
            settings=settings,
            kind=kind,
            institution_id=referral.sender_institution_id,
            user_id=referral.sender_user_id,
            referral=referral,
        )
