from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="IdentityHint")


@_attrs_define
class IdentityHint:
    """The minimum needed to avoid registering a duplicate.

    Attributes:
        id (UUID):
        initials (str):
        birth_year (int):
        visible (bool):
    """

    id: UUID
    initials: str
    birth_year: int
    visible: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        initials = self.initials

        birth_year = self.birth_year

        visible = self.visible

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "initials": initials,
                "birth_year": birth_year,
                "visible": visible,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        initials = d.pop("initials")

        birth_year = d.pop("birth_year")

        visible = d.pop("visible")

        identity_hint = cls(
            id=id,
            initials=initials,
            birth_year=birth_year,
            visible=visible,
        )

        identity_hint.additional_properties = d
        return identity_hint

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
