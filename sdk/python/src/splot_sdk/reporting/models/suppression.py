from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Suppression")


@_attrs_define
class Suppression:
    """
    Attributes:
        threshold (int):
        sensitive_threshold (int):
        rounding_base (int):
        sensitive_service_types (list[str]):
    """

    threshold: int
    sensitive_threshold: int
    rounding_base: int
    sensitive_service_types: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        threshold = self.threshold

        sensitive_threshold = self.sensitive_threshold

        rounding_base = self.rounding_base

        sensitive_service_types = self.sensitive_service_types

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "threshold": threshold,
                "sensitive_threshold": sensitive_threshold,
                "rounding_base": rounding_base,
                "sensitive_service_types": sensitive_service_types,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        threshold = d.pop("threshold")

        sensitive_threshold = d.pop("sensitive_threshold")

        rounding_base = d.pop("rounding_base")

        sensitive_service_types = cast(list[str], d.pop("sensitive_service_types"))

        suppression = cls(
            threshold=threshold,
            sensitive_threshold=sensitive_threshold,
            rounding_base=rounding_base,
            sensitive_service_types=sensitive_service_types,
        )

        suppression.additional_properties = d
        return suppression

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
