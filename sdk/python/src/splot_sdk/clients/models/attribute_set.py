from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="AttributeSet")


@_attrs_define
class AttributeSet:
    """
    Attributes:
        value (bool | int | str): Typed by the definition: text, integer, boolean, date, enum
    """

    value: bool | int | str

    def to_dict(self) -> dict[str, Any]:
        value: bool | int | str
        value = self.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_value(data: object) -> bool | int | str:
            return cast(bool | int | str, data)

        value = _parse_value(d.pop("value"))

        attribute_set = cls(
            value=value,
        )

        return attribute_set
