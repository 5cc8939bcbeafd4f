from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CapacityWarning")


@_attrs_define
class CapacityWarning:
    """The offer a referral was sent to had no free places when it was sent (it went anyway).

    Attributes:
        offer_id (UUID):
        capacity_available (int): Free places the directory reported (0)
        capacity_max (int | None):
    """

    offer_id: UUID
    capacity_available: int
    capacity_max: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer_id = str(self.offer_id)

        capacity_available = self.capacity_available

        capacity_max: int | None
        capacity_max = self.capacity_max

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "offer_id": offer_id,
                "capacity_available": capacity_available,
                "capacity_max": capacity_max,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer_id = UUID(d.pop("offer_id"))

        capacity_available = d.pop("capacity_available")

        def _parse_capacity_max(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity_max = _parse_capacity_max(d.pop("capacity_max"))

        capacity_warning = cls(
            offer_id=offer_id,
            capacity_available=capacity_available,
            capacity_max=capacity_max,
        )

        capacity_warning.additional_properties = d
        return capacity_warning

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
