from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="CapacityUpdate")


@_attrs_define
class CapacityUpdate:
    """
    Attributes:
        capacity_available (int):
        capacity_max (int | None | Unset):
    """

    capacity_available: int
    capacity_max: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        capacity_available = self.capacity_available

        capacity_max: int | None | Unset
        if isinstance(self.capacity_max, Unset):
            capacity_max = UNSET
        else:
            capacity_max = self.capacity_max

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "capacity_available": capacity_available,
            }
        )
        if capacity_max is not UNSET:
            field_dict["capacity_max"] = capacity_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        capacity_available = d.pop("capacity_available")

        def _parse_capacity_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity_max = _parse_capacity_max(d.pop("capacity_max", UNSET))

        capacity_update = cls(
            capacity_available=capacity_available,
            capacity_max=capacity_max,
        )

        return capacity_update
