from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReasonCodeRead")


@_attrs_define
class ReasonCodeRead:
    """
    Attributes:
        code (str):
        label_pl (str):
        label_en (str):
        actions (list[str]):
        system_only (bool):
        active (bool):
    """

    code: str
    label_pl: str
    label_en: str
    actions: list[str]
    system_only: bool
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label_pl = self.label_pl

        label_en = self.label_en

        actions = self.actions

        system_only = self.system_only

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "label_pl": label_pl,
                "label_en": label_en,
                "actions": actions,
                "system_only": system_only,
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

        actions = cast(list[str], d.pop("actions"))

        system_only = d.pop("system_only")

        active = d.pop("active")

        reason_code_read = cls(
            code=code,
            label_pl=label_pl,
            label_en=label_en,
            actions=actions,
            system_only=system_only,
            active=active,
        )

        reason_code_read.additional_properties = d
        return reason_code_read

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
