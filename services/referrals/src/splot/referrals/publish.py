"""What leaves the service about a referral: outbox events (the reporting service's feed), the
institutions each one concerns (an institution's own feed, ``GET /v1/referral-events``) and the
webhook deliveries they fan out to. All are written in the caller's transaction; the payloads'
schemas are published in ``openapi/events/referrals.json``.

Events never carry free text or names: ids, codes, flags and timestamps only.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict
from sqlalchemy import Select, Uuid, any_, bindparam, func, insert, select
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.db import new_id, table_of, utcnow
from splot.common.events import EventPayload, declare, outbox_event, outbox_row
from splot.referrals.models import EventParty, Referral, WebhookDelivery, WebhookSubscription
from splot.referrals.workflow import TRANSITIONS

AGGREGATE_TYPE = "referral"
SERVICE = "referrals"
_REFERRAL = "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9"


class ReferralSnapshot(BaseModel):
    """The referral after the change, as the reporting service and webhooks see it."""

    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    number: str
    version: int
    parent_referral_id: uuid.UUID | None
    chain_root_id: uuid.UUID
    chain_depth: int
    person_id: uuid.UUID
    sender_institution_id: uuid.UUID
    target_institution_id: uuid.UUID | None
    target_offer_id: uuid.UUID | None
    service_type_code: str | None
    priority: str
    #: A code of the directory's programme catalogue (``GET /api/directory/v1/programmes``).
    programme: str | None
    status: str
    business_status: str | None
    legal_basis_kind: str | None
    reason_code: str | None
    declined_by: str | None
    outcome_codes: list[str]
    cancellation_requested: bool
    acknowledged: bool
    created_at: datetime | None
    sent_at: datetime | None
    responded_at: datetime | None
    accepted_at: datetime | None
    started_at: datetime | None
    ended_at: datetime | None
    due_at: datetime | None
    overdue: bool


_SNAPSHOT_EXAMPLE: dict[str, Any] = {
    "id": _REFERRAL,
    "number": "SK-2026-7K3QM-A9X2F",
    "version": 3,
    "parent_referral_id": None,
    "chain_root_id": _REFERRAL,
    "chain_depth": 0,
    "person_id": "0b6f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f",
    "sender_institution_id": "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f",
    "target_institution_id": "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2",
    "target_offer_id": None,
    "service_type_code": "social_work",
    "priority": "routine",
    "programme": "PAI",
    "status": "accepted",
    "business_status": None,
    "legal_basis_kind": "statutory",
    "reason_code": None,
    "declined_by": None,
    "outcome_codes": [],
    "cancellation_requested": False,
    "acknowledged": False,
    "created_at": "2026-11-02T09:00:00+00:00",
    "sent_at": "2026-11-02T09:05:00+00:00",
    "responded_at": "2026-11-03T12:00:00+00:00",
    "accepted_at": "2026-11-03T12:00:00+00:00",
    "started_at": None,
    "ended_at": None,
    "due_at": "2026-11-09T23:00:00+00:00",
    "overdue": False,
}


class TransitionPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "action": "accept",
                    "from_status": "requested",
                    "to_status": "accepted",
                    "actor_institution_id": "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2",
                    "referral": _SNAPSHOT_EXAMPLE,
                }
            ]
        }
    )

    #: The workflow action taken (``overdue`` for the scheduler's escalation).
    action: str
    from_status: str | None
    to_status: str
    #: The institution whose staff or system took the action; null for the system.
    actor_institution_id: uuid.UUID | None
    referral: ReferralSnapshot


class FollowUpPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "followup_id": "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091",
                    "referral_id": _REFERRAL,
                    "due_months": 3,
                    "outcome_code": "still_employed",
                    "answered_at": "2027-02-03T10:00:00+00:00",
                }
            ]
        }
    )

    followup_id: uuid.UUID
    referral_id: uuid.UUID
    due_months: int
    outcome_code: str
    answered_at: datetime


declare(
    SERVICE,
    AGGREGATE_TYPE,
    TransitionPayload,
    referral__overdue="A requested referral passed its response deadline (the scheduler escalated it).",
    **{
        t.event_type.replace(".", "__"): f"The referral's '{t.action}' action was taken."
        for t in TRANSITIONS.values()
        if t.event_type is not None
    },
)
declare(
    SERVICE,
    AGGREGATE_TYPE,
    FollowUpPayload,
    followup__answered="A follow-up check after an outcome was answered.",
)


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
    also_to: Collection[uuid.UUID] = (),
) -> uuid.UUID:
    """Emit the event, record the institutions it concerns (the referral's parties and
    ``also_to``: the chain's root sender for a descendant's outcome) and queue a webhook delivery
    for every subscription of theirs. The same set feeds both: an institution's feed holds exactly
    what its subscriptions are sent.

    On PostgreSQL the event, its institutions and the lookup of their subscriptions are one
    statement (data-modifying CTEs); deliveries, when there are any, one more. Core statements,
    not ORM objects: a transition pays for no unit of work here."""
    occurred_at = utcnow()
    row = outbox_row(
        event_type,
        aggregate_type=AGGREGATE_TYPE,
        aggregate_id=referral.id,
        payload=payload,
        occurred_at=occurred_at,
    )
    parties = sorted(referral.party_ids() | set(also_to))
    subscriptions = await _record(session, row, parties)
    deliveries = [
        {
            "id": new_id(),
            "subscription_id": subscription_id,
            "event_id": row["id"],
            "event_type": event_type,
            "referral_id": referral.id,
            "body": {
                "id": str(row["id"]),
                "type": event_type,
                "occurred_at": iso(occurred_at),
                "aggregate_type": AGGREGATE_TYPE,
                "aggregate_id": str(referral.id),
                "data": payload,
            },
            "status": "pending",
            "attempts": 0,
            "next_attempt_at": occurred_at,
            "created_at": occurred_at,
        }
        for subscription_id, event_types in subscriptions
        if not event_types or event_type in event_types
    ]
    if deliveries:
        await session.execute(_INSERT_DELIVERY, deliveries)
    return uuid.UUID(str(row["id"]))


_PARTY = table_of(EventParty)
_DELIVERY = table_of(WebhookDelivery)
_SUBSCRIPTION = table_of(WebhookSubscription)
_INSERT_DELIVERY = insert(_DELIVERY)
_OUTBOX_COLUMNS = ("id", "type", "aggregate_type", "aggregate_id", "occurred_at", "payload")


def _record_on_postgresql() -> Select[Any]:
    """One statement, built once (parameters bound at execution): insert the outbox row and its
    institutions (data-modifying CTEs, always run to completion), select the subscriptions."""
    event = (
        insert(outbox_event)
        .values({name: bindparam(name, type_=outbox_event.c[name].type) for name in _OUTBOX_COLUMNS})
        .returning(outbox_event.c.seq)
        .cte("event")
    )
    parties = bindparam("parties", type_=ARRAY(Uuid()))
    written = (
        insert(_PARTY)
        .from_select(
            ["institution_id", "event_seq"], select(func.unnest(parties).label("institution_id"), event.c.seq)
        )
        .cte("parties")
    )
    return (
        select(_SUBSCRIPTION.c.id, _SUBSCRIPTION.c.event_types)
        .where(_SUBSCRIPTION.c.institution_id == any_(parties), _SUBSCRIPTION.c.active.is_(True))
        .add_cte(event, written)
    )


_RECORD_ON_POSTGRESQL = _record_on_postgresql()
_INSERT_OUTBOX = insert(outbox_event).returning(outbox_event.c.seq)
_INSERT_PARTY = insert(_PARTY)
_SUBSCRIBED = select(_SUBSCRIPTION.c.id, _SUBSCRIPTION.c.event_types).where(
    _SUBSCRIPTION.c.institution_id.in_(bindparam("parties", expanding=True)), _SUBSCRIPTION.c.active.is_(True)
)


async def _record(
    session: AsyncSession, row: dict[str, Any], parties: list[uuid.UUID]
) -> list[tuple[uuid.UUID, list[str]]]:
    """Insert the outbox row and its institutions; the active subscriptions of those institutions
    (id, event types)."""
    if session.get_bind().dialect.name == "postgresql" and parties:
        result = await session.execute(_RECORD_ON_POSTGRESQL, {**row, "parties": parties})
    else:
        seq = int((await session.execute(_INSERT_OUTBOX, row)).scalar_one())
        if parties:
            await session.execute(_INSERT_PARTY, [{"event_seq": seq, "institution_id": p} for p in parties])
        result = await session.execute(_SUBSCRIBED, {"parties": parties})
    return [(r.id, list(r.event_types or [])) for r in result]
