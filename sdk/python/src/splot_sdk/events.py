"""A referral event as webhooks deliver it and the feed returns it (the same envelope)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Event:
    """``{id, type, occurred_at, aggregate_type, aggregate_id, data}``: ``id`` is stable (a
    webhook's ``webhook-id`` too), the key to deduplicate on when a system takes both webhooks
    and the feed, or a delivery comes again."""

    id: str
    type: str
    occurred_at: datetime
    aggregate_type: str
    aggregate_id: str
    data: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, body: Mapping[str, Any]) -> Event:
        """The event of a delivery's or a feed item's JSON object (``ValueError`` if it is none)."""
        try:
            data = body.get("data") or {}
            if not isinstance(data, Mapping):
                raise TypeError("data is not an object")
            occurred_at = body["occurred_at"]
            if not isinstance(occurred_at, datetime):
                occurred_at = datetime.fromisoformat(str(occurred_at))
            return cls(
                id=str(body["id"]),
                type=str(body["type"]),
                occurred_at=occurred_at,
                aggregate_type=str(body["aggregate_type"]),
                aggregate_id=str(body["aggregate_id"]),
                data=dict(data),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise ValueError(f"not a Splot event: {exc}") from exc
