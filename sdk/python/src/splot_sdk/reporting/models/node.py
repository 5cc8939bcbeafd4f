from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Node")


@_attrs_define
class Node:
    """
    Attributes:
        id (UUID):
        name (str):
        type_ (str):
        powiat_code (str):
        voivodeship_code (str):
    """

    id: UUID
    name: str
    type_: str
    powiat_code: str
    voivodeship_code: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        type_ = self.type_

        powiat_code = self.powiat_code

        voivodeship_code = self.voivodeship_code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "type": type_,
                "powiat_code": powiat_code,
                "voivodeship_code": voivodeship_code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        type_ = d.pop("type")

        powiat_code = d.pop("powiat_code")

        voivodeship_code = d.pop("voivodeship_code")

        node = cls(
            id=id,
            name=name,
            type_=type_,
            powiat_code=powiat_code,
            voivodeship_code=voivodeship_code,
        )

        node.additional_properties = d
        return node

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
