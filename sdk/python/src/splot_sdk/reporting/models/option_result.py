from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell


T = TypeVar("T", bound="OptionResult")


@_attrs_define
class OptionResult:
    """
    Attributes:
        value (str):
        label (str):
        count (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        share (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
    """

    value: str
    label: str
    count: Cell
    share: Cell
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        label = self.label

        count = self.count.to_dict()

        share = self.share.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "label": label,
                "count": count,
                "share": share,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415

        d = dict(src_dict)
        value = d.pop("value")

        label = d.pop("label")

        count = Cell.from_dict(d.pop("count"))

        share = Cell.from_dict(d.pop("share"))

        option_result = cls(
            value=value,
            label=label,
            count=count,
            share=share,
        )

        option_result.additional_properties = d
        return option_result

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
