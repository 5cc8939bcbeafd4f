from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="GoalCreate")


@_attrs_define
class GoalCreate:
    """
    Attributes:
        area_code (str):
        description (str):
    """

    area_code: str
    description: str

    def to_dict(self) -> dict[str, Any]:
        area_code = self.area_code

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "area_code": area_code,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        area_code = d.pop("area_code")

        description = d.pop("description")

        goal_create = cls(
            area_code=area_code,
            description=description,
        )

        return goal_create
