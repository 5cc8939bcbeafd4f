from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.feed_event_data import FeedEventData


T = TypeVar("T", bound="FeedEvent")


@_attrs_define
class FeedEvent:
    """One event, in the envelope a webhook delivery's body has (the same ``id``: a system that
    takes both deduplicates on it).

        Attributes:
            id (UUID): The event's id, stable (the webhook's ``webhook-id`` too)
            type_ (str): The event type (see GET /v1/workflow and the AsyncAPI document)
            occurred_at (datetime.datetime):
            aggregate_type (Literal['referral']):
            aggregate_id (UUID): The referral the event is about
            data (FeedEventData): The event's payload, as published in openapi/events/referrals.json: ids, codes, flags and
                timestamps, never names or free text
    """

    id: UUID
    type_: str
    occurred_at: datetime.datetime
    aggregate_type: Literal["referral"]
    aggregate_id: UUID
    data: FeedEventData
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_

        occurred_at = self.occurred_at.isoformat()

        aggregate_type = self.aggregate_type

        aggregate_id = str(self.aggregate_id)

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "occurred_at": occurred_at,
                "aggregate_type": aggregate_type,
                "aggregate_id": aggregate_id,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.feed_event_data import FeedEventData  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        type_ = d.pop("type")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        aggregate_type = cast(Literal["referral"], d.pop("aggregate_type"))
        if aggregate_type != "referral":
            raise ValueError(f"aggregate_type must match const 'referral', got '{aggregate_type}'")

        aggregate_id = UUID(d.pop("aggregate_id"))

        data = FeedEventData.from_dict(d.pop("data"))

        feed_event = cls(
            id=id,
            type_=type_,
            occurred_at=occurred_at,
            aggregate_type=aggregate_type,
            aggregate_id=aggregate_id,
            data=data,
        )

        feed_event.additional_properties = d
        return feed_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
