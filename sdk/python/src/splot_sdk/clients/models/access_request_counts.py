from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessRequestCounts")


@_attrs_define
class AccessRequestCounts:
    """
    Attributes:
        incoming_pending (int):
        outgoing_pending (int):
    """

    incoming_pending: int
    outgoing_pending: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        incoming_pending = self.incoming_pending

        outgoing_pending = self.outgoing_pending

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "incoming_pending": incoming_pending,
                "outgoing_pending": outgoing_pending,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        incoming_pending = d.pop("incoming_pending")

        outgoing_pending = d.pop("outgoing_pending")

        access_request_counts = cls(
            incoming_pending=incoming_pending,
            outgoing_pending=outgoing_pending,
        )

        access_request_counts.additional_properties = d
        return access_request_counts

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
