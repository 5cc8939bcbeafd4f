from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell


T = TypeVar("T", bound="CrosstabRow")


@_attrs_define
class CrosstabRow:
    """
    Attributes:
        value (str):
        label (str):
        institutions (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        indicator (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
    """

    value: str
    label: str
    institutions: Cell
    indicator: Cell
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        label = self.label

        institutions = self.institutions.to_dict()

        indicator = self.indicator.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "value": value,
                "label": label,
                "institutions": institutions,
                "indicator": indicator,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415

        d = dict(src_dict)
        value = d.pop("value")

        label = d.pop("label")

        institutions = Cell.from_dict(d.pop("institutions"))

        indicator = Cell.from_dict(d.pop("indicator"))

        crosstab_row = cls(
            value=value,
            label=label,
            institutions=institutions,
            indicator=indicator,
        )

        crosstab_row.additional_properties = d
        return crosstab_row

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
