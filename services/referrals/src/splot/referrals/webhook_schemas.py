"""The API schemas of webhook subscriptions and their delivery logs."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, Field, StrictBool, StringConstraints

from splot.common.api import Page
from splot.referrals.schemas import EventType, Input, Output

WebhookUrl = Annotated[str, StringConstraints(pattern=r"^https?://[^\s/?#]+(/[^\s]*)?$", max_length=500)]


class SubscriptionCreate(Input):
    url: WebhookUrl
    event_types: list[EventType] = Field(
        default_factory=list, max_length=40, description="Empty: every event type"
    )
    description: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None


class SubscriptionUpdate(Input):
    url: WebhookUrl | None = None
    event_types: list[EventType] | None = Field(None, max_length=40)
    description: Annotated[str, StringConstraints(min_length=1, max_length=200)] | None = None
    active: StrictBool | None = None


class SubscriptionRead(Output):
    id: uuid.UUID
    institution_id: uuid.UUID
    url: str
    description: str | None
    event_types: list[str]
    active: bool
    version: int
    created_at: datetime
    updated_at: datetime


class SubscriptionWithSecret(SubscriptionRead):
    secret: str = Field(description="Signing secret, shown only now: store it to verify signatures")


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    dead = "dead"


class DeliveryBrief(Output):
    """The newest delivery of a subscription, as the subscription list shows it."""

    id: uuid.UUID
    event_type: str
    status: DeliveryStatus
    attempts: int
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime


class SubscriptionListItem(SubscriptionRead):
    last_delivery: DeliveryBrief | None = Field(description="The newest delivery; null before the first")


class SubscriptionPage(Page[SubscriptionListItem]): ...


class AttemptRead(Output):
    attempted_at: datetime
    status_code: int | None
    error: str | None
    duration_ms: int


class DeliveryRead(BaseModel):
    id: uuid.UUID
    subscription_id: uuid.UUID
    event_id: uuid.UUID
    event_type: str
    referral_id: uuid.UUID | None
    status: DeliveryStatus
    attempts: int
    next_attempt_at: datetime
    last_status_code: int | None
    last_error: str | None
    delivered_at: datetime | None
    created_at: datetime
    attempt_log: list[AttemptRead]


class DeliveryPage(Page[DeliveryRead]): ...
