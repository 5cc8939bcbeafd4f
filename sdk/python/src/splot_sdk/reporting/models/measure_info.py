from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MeasureInfo")


@_attrs_define
class MeasureInfo:
    """
    Attributes:
        name (str):
        kind (str):
        definition (str):
        formula (str):
        numerator (list[str]):
        denominator (list[str]):
    """

    name: str
    kind: str
    definition: str
    formula: str
    numerator: list[str]
    denominator: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind

        definition = self.definition

        formula = self.formula

        numerator = self.numerator

        denominator = self.denominator

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "definition": definition,
                "formula": formula,
                "numerator": numerator,
                "denominator": denominator,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = d.pop("kind")

        definition = d.pop("definition")

        formula = d.pop("formula")

        numerator = cast(list[str], d.pop("numerator"))

        denominator = cast(list[str], d.pop("denominator"))

        measure_info = cls(
            name=name,
            kind=kind,
            definition=definition,
            formula=formula,
            numerator=numerator,
            denominator=denominator,
        )

        measure_info.additional_properties = d
        return measure_info

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
