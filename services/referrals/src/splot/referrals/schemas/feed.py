"""An institution's referral event feed: the events as webhooks deliver them, a page at a time."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field

from splot.referrals.publish import TransitionPayload

_ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _iso_moment_only(value: Any) -> Any:
    # Pydantic's lax mode would read 0.5 or "0" as a Unix time: a typo must not become a moment.
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not _ISO_MOMENT.match(value):
        raise ValueError("expected a moment as YYYY-MM-DDTHH:MM[:SS][.ffffff] with its offset")
    return value


#: A moment in a query: ISO 8601 with a date, a time and an offset (``Z`` or ``+01:00``).
IsoMoment = Annotated[AwareDatetime, BeforeValidator(_iso_moment_only)]

_EVENT_EXAMPLE: dict[str, Any] = {
    "id": "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d",
    "type": "referral.accepted",
    "occurred_at": "2026-11-03T12:00:00Z",
    "aggregate_type": "referral",
    "aggregate_id": "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9",
    "data": TransitionPayload.model_config["json_schema_extra"]["examples"][0],  # type: ignore[index]
}


class FeedEvent(BaseModel):
    """One event, in the envelope a webhook delivery's body has (the same ``id``: a system that
    takes both deduplicates on it)."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EVENT_EXAMPLE]})

    id: uuid.UUID = Field(description="The event's id, stable (the webhook's ``webhook-id`` too)")
    type: str = Field(description="The event type (see GET /v1/workflow and the AsyncAPI document)")
    occurred_at: datetime
    aggregate_type: Literal["referral"]
    aggregate_id: uuid.UUID = Field(description="The referral the event is about")
    data: dict[str, Any] = Field(
        description="The event's payload, as published in openapi/events/referrals.json: ids, codes, "
        "flags and timestamps, never names or free text"
    )


class FeedPage(BaseModel):
    """A page of the feed. Store ``next_cursor`` once the page is processed and poll with it as
    ``after``; it is null only while nothing has been returned yet (repeat the same request)."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [{"items": [_EVENT_EXAMPLE], "next_cursor": "WzQyXQ", "has_more": False}]
        }
    )

    items: list[FeedEvent]
    next_cursor: str | None = Field(
        description="The position after the last event returned (the request's ``after`` when the "
        "page is empty): pass it as ``after`` next time"
    )
    has_more: bool = Field(description="More events are waiting: ask again at once rather than after a pause")
