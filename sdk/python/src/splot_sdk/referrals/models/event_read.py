from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_read_payload import EventReadPayload


T = TypeVar("T", bound="EventRead")


@_attrs_define
class EventRead:
    """
    Attributes:
        seq (int):
        id (UUID):
        type_ (str):
        aggregate_type (str):
        aggregate_id (str):
        occurred_at (datetime.datetime):
        payload (EventReadPayload):
    """

    seq: int
    id: UUID
    type_: str
    aggregate_type: str
    aggregate_id: str
    occurred_at: datetime.datetime
    payload: EventReadPayload
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        seq = self.seq

        id = str(self.id)

        type_ = self.type_

        aggregate_type = self.aggregate_type

        aggregate_id = self.aggregate_id

        occurred_at = self.occurred_at.isoformat()

        payload = self.payload.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "seq": seq,
                "id": id,
                "type": type_,
                "aggregate_type": aggregate_type,
                "aggregate_id": aggregate_id,
                "occurred_at": occurred_at,
                "payload": payload,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_read_payload import EventReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        seq = d.pop("seq")

        id = UUID(d.pop("id"))

        type_ = d.pop("type")

        aggregate_type = d.pop("aggregate_type")

        aggregate_id = d.pop("aggregate_id")

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        payload = EventReadPayload.from_dict(d.pop("payload"))

        event_read = cls(
            seq=seq,
            id=id,
            type_=type_,
            aggregate_type=aggregate_type,
            aggregate_id=aggregate_id,
            occurred_at=occurred_at,
            payload=payload,
        )

        event_read.additional_properties = d
        return event_read

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
