from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AllowedAction")


@_attrs_define
class AllowedAction:
    """
    Attributes:
        action (str):
        endpoint (str):
        required_fields (list[str]):
        optional_fields (list[str]):
    """

    action: str
    endpoint: str
    required_fields: list[str]
    optional_fields: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        endpoint = self.endpoint

        required_fields = self.required_fields

        optional_fields = self.optional_fields

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "endpoint": endpoint,
                "required_fields": required_fields,
                "optional_fields": optional_fields,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        endpoint = d.pop("endpoint")

        required_fields = cast(list[str], d.pop("required_fields"))

        optional_fields = cast(list[str], d.pop("optional_fields"))

        allowed_action = cls(
            action=action,
            endpoint=endpoint,
            required_fields=required_fields,
            optional_fields=optional_fields,
        )

        allowed_action.additional_properties = d
        return allowed_action

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
