from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ProblemAreaRead")


@_attrs_define
class ProblemAreaRead:
    """
    Attributes:
        code (str):
        name_pl (str):
        name_en (str):
        description_pl (str):
        description_en (str):
    """

    code: str
    name_pl: str
    name_en: str
    description_pl: str
    description_en: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_pl = self.name_pl

        name_en = self.name_en

        description_pl = self.description_pl

        description_en = self.description_en

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_pl": name_pl,
                "name_en": name_en,
                "description_pl": description_pl,
                "description_en": description_en,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name_pl = d.pop("name_pl")

        name_en = d.pop("name_en")

        description_pl = d.pop("description_pl")

        description_en = d.pop("description_en")

        problem_area_read = cls(
            code=code,
            name_pl=name_pl,
            name_en=name_en,
            description_pl=description_pl,
            description_en=description_en,
        )

        problem_area_read.additional_properties = d
        return problem_area_read

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
