from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.level import Level

T = TypeVar("T", bound="TerritoryRead")


@_attrs_define
class TerritoryRead:
    """
    Attributes:
        code (str):
        name (str):
        level (Level):
        kind (str):
        parent_code (None | str):
    """

    code: str
    name: str
    level: Level
    kind: str
    parent_code: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        level = self.level.value

        kind = self.kind

        parent_code: None | str
        parent_code = self.parent_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "level": level,
                "kind": kind,
                "parent_code": parent_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        level = Level(d.pop("level"))

        kind = d.pop("kind")

        def _parse_parent_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        parent_code = _parse_parent_code(d.pop("parent_code"))

        territory_read = cls(
            code=code,
            name=name,
            level=level,
            kind=kind,
            parent_code=parent_code,
        )

        territory_read.additional_properties = d
        return territory_read

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
