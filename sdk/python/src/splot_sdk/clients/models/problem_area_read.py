from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.problem_area_read_group import ProblemAreaReadGroup

T = TypeVar("T", bound="ProblemAreaRead")


@_attrs_define
class ProblemAreaRead:
    """
    Attributes:
        code (str):
        label_pl (str):
        label_en (str):
        group (ProblemAreaReadGroup):
        sensitive (bool):
    """

    code: str
    label_pl: str
    label_en: str
    group: ProblemAreaReadGroup
    sensitive: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label_pl = self.label_pl

        label_en = self.label_en

        group = self.group.value

        sensitive = self.sensitive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "label_pl": label_pl,
                "label_en": label_en,
                "group": group,
                "sensitive": sensitive,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label_pl = d.pop("label_pl")

        label_en = d.pop("label_en")

        group = ProblemAreaReadGroup(d.pop("group"))

        sensitive = d.pop("sensitive")

        problem_area_read = cls(
            code=code,
            label_pl=label_pl,
            label_en=label_en,
            group=group,
            sensitive=sensitive,
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
