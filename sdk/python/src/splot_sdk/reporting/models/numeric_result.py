from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="NumericResult")


@_attrs_define
class NumericResult:
    """
    Attributes:
        label (str):
        value (float | int):
        unit (str | Unset):  Default: ''.
    """

    label: str
    value: float | int
    unit: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        label = self.label

        value: float | int
        value = self.value

        unit = self.unit

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "label": label,
                "value": value,
            }
        )
        if unit is not UNSET:
            field_dict["unit"] = unit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        label = d.pop("label")

        def _parse_value(data: object) -> float | int:
            return cast(float | int, data)

        value = _parse_value(d.pop("value"))

        unit = d.pop("unit", UNSET)

        numeric_result = cls(
            label=label,
            value=value,
            unit=unit,
        )

        return numeric_result
