from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttributeDefinitionRead")


@_attrs_define
class AttributeDefinitionRead:
    """
    Attributes:
        code (str):
        label_pl (str):
        label_en (str):
        value_type (str):
        allowed_values (list[str] | None):
        sensitive (bool):
        institution_types (list[str]):
        active (bool):
    """

    code: str
    label_pl: str
    label_en: str
    value_type: str
    allowed_values: list[str] | None
    sensitive: bool
    institution_types: list[str]
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label_pl = self.label_pl

        label_en = self.label_en

        value_type = self.value_type

        allowed_values: list[str] | None
        if isinstance(self.allowed_values, list):
            allowed_values = self.allowed_values

        else:
            allowed_values = self.allowed_values

        sensitive = self.sensitive

        institution_types = self.institution_types

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "label_pl": label_pl,
                "label_en": label_en,
                "value_type": value_type,
                "allowed_values": allowed_values,
                "sensitive": sensitive,
                "institution_types": institution_types,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label_pl = d.pop("label_pl")

        label_en = d.pop("label_en")

        value_type = d.pop("value_type")

        def _parse_allowed_values(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                allowed_values_type_0 = cast(list[str], data)

                return allowed_values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        allowed_values = _parse_allowed_values(d.pop("allowed_values"))

        sensitive = d.pop("sensitive")

        institution_types = cast(list[str], d.pop("institution_types"))

        active = d.pop("active")

        attribute_definition_read = cls(
            code=code,
            label_pl=label_pl,
            label_en=label_en,
            value_type=value_type,
            allowed_values=allowed_values,
            sensitive=sensitive,
            institution_types=institution_types,
            active=active,
        )

        attribute_definition_read.additional_properties = d
        return attribute_definition_read

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
