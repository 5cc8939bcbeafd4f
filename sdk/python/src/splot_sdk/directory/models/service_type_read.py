from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ServiceTypeRead")


@_attrs_define
class ServiceTypeRead:
    """
    Attributes:
        code (str):
        name_pl (str):
        name_en (str):
        category (str):
        sensitive (bool):
        provider_types (list[str]):
        response_days_routine (int | None):
        response_days_urgent (int | None):
        active (bool):
    """

    code: str
    name_pl: str
    name_en: str
    category: str
    sensitive: bool
    provider_types: list[str]
    response_days_routine: int | None
    response_days_urgent: int | None
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_pl = self.name_pl

        name_en = self.name_en

        category = self.category

        sensitive = self.sensitive

        provider_types = self.provider_types

        response_days_routine: int | None
        response_days_routine = self.response_days_routine

        response_days_urgent: int | None
        response_days_urgent = self.response_days_urgent

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_pl": name_pl,
                "name_en": name_en,
                "category": category,
                "sensitive": sensitive,
                "provider_types": provider_types,
                "response_days_routine": response_days_routine,
                "response_days_urgent": response_days_urgent,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_pl = d.pop("name_pl")

        name_en = d.pop("name_en")

        category = d.pop("category")

        sensitive = d.pop("sensitive")

        provider_types = cast(list[str], d.pop("provider_types"))

        def _parse_response_days_routine(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_days_routine = _parse_response_days_routine(d.pop("response_days_routine"))

        def _parse_response_days_urgent(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_days_urgent = _parse_response_days_urgent(d.pop("response_days_urgent"))

        active = d.pop("active")

        service_type_read = cls(
            code=code,
            name_pl=name_pl,
            name_en=name_en,
            category=category,
            sensitive=sensitive,
            provider_types=provider_types,
            response_days_routine=response_days_routine,
            response_days_urgent=response_days_urgent,
            active=active,
        )

        service_type_read.additional_properties = d
        return service_type_read

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
