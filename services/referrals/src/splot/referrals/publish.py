"""What leaves the service about a referral: outbox events (the reporting service's feed) and the
webhook deliveries they fan out to. Both are written in the caller's transaction.

Events never carry free text or names: ids, codes, flags and timestamps only.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import utcnow
from splot.common.events import emit
from splot.referrals.models import Referral, WebhookDelivery, WebhookSubscription

AGGREGATE_TYPE = "referral"


def iso(moment: datetime | None) -> str | None:
    return moment.astimezone(UTC).isoformat() if moment is not None else None


def _str(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


def snapshot(referral: Referral, now: datetime | None = None) -> dict[str, Any]:
    """The referral as the reporting service sees it (the shape is a published contract)."""
    return {
        "id": str(referral.id),
        "number": referral.number,
        "version": referral.version,
        "parent_referral_id": _str(referral.parent_referral_id),
        "chain_root_id": str(referral.chain_root_id),
        "chain_depth": referral.chain_depth,
        "person_id": str(referral.person_id),
        "sender_institution_id": str(referral.sender_institution_id),
        "target_institution_id": _str(referral.target_institution_id),
        "target_offer_id": _str(referral.target_offer_id),
        "service_type_code": referral.service_type_code,
        "priority": referral.priority,
        "programme": referral.programme,
        "status": referral.status,
        "business_status": referral.business_status,
        "legal_basis_kind": referral.legal_basis_kind,
        "reason_code": referral.reason_code,
        "declined_by": referral.declined_by,
        "outcome_codes": list(referral.outcome_codes or []),
        "cancellation_requested": referral.cancellation_requested,
        "acknowledged": referral.acknowledged,
        "created_at": iso(referral.created_at),
        "sent_at": iso(referral.sent_at),
        "responded_at": iso(referral.responded_at),
        "accepted_at": iso(referral.accepted_at),
        "started_at": iso(referral.started_at),
        "ended_at": iso(referral.ended_at),
        "due_at": iso(referral.due_at),
        "overdue": referral.overdue_at(now or utcnow()),
    }


def transition_payload(
    referral: Referral,
    *,
    action: str,
    from_status: str | None,
    actor_institution_id: uuid.UUID | None,
    now: datetime | None = None,
) -> dict[str, Any]:
    return {
        "action": action,
        "from_status": from_status,
        "to_status": referral.status,
        "actor_institution_id": _str(actor_institution_id),
        "referral": snapshot(referral, now),
    }


async def publish(
    session: AsyncSession,
    event_type: str,
    *,
    referral: Referral,
    payload: dict[str, Any],
) -> uuid.UUID:
    """Emit the event and queue a webhook delivery for every subscription of the referral's parties."""
    event_id = await emit(
        session, event_type, aggregate_type=AGGREGATE_TYPE, aggregate_id=referral.id, payload=payload
    )
    parties = list(referral.party_ids())
    subscriptions = (
        await session.scalars(
            select(WebhookSubscription).where(
                WebhookSubscription.institution_id.in_(parties), WebhookSubscription.active.is_(True)
            )
        )
    ).all()
    occurred_at = utcnow()
    for subscription in subscriptions:
        if subscription.event_types and event_type not in subscription.event_types:
            continue
        session.add(
            WebhookDelivery(
                subscription_id=subscription.id,
                event_id=event_id,
                event_type=event_type,
                referral_id=referral.id,
                body={
                    "id": str(event_id),
                    "type": event_type,
                    "occurred_at": iso(occurred_at),
                    "aggregate_type": AGGREGATE_TYPE,
                    "aggregate_id": str(referral.id),
                    "data": payload,
                },
                next_attempt_at=occurred_at,
            )
        )
    await session.flush()
    return event_id
