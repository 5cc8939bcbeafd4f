"""What every transition leaves behind once its changes are made: the version bump, one immutable
event row, one outbox event (feed and webhooks) and a notification to the other side."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from splot.referrals import notifications
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import Referral, ReferralEvent
from splot.referrals.publish import publish, transition_payload
from splot.referrals.reading import flush_change
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
    """Flush the change (bumping the version), then the event row, the outbox event and the
    notifications to the other side."""
    await flush_change(session)
    assert t.event_type is not None
    session.add(
        ReferralEvent(
            referral_id=referral.id,
            action=t.action,
            from_status=from_status,
            to_status=referral.status,
            version=referral.version,
            actor_kind=actor.kind,
            actor_subject=actor.subject,
            actor_institution_id=actor.institution_id,
            reason_code=reason_code,
            text=text,
            payload=details or {},
            occurred_at=now,
        )
    )
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
    )
    if notify:
        await notify_other_side(session, referral, kind=t.event_type, actor_side=t.side, settings=settings)


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
