from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UserContact")


@_attrs_define
class UserContact:
    """How to reach a staff member about a referral they sent (for Splot's own services: the
    referrals service shows it to the referral's receiver).

        Attributes:
            id (UUID):
            institution_id (UUID):
            full_name (str):
            email (str):
            active (bool):
    """

    id: UUID
    institution_id: UUID
    full_name: str
    email: str
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        institution_id = str(self.institution_id)

        full_name = self.full_name

        email = self.email

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "full_name": full_name,
                "email": email,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        full_name = d.pop("full_name")

        email = d.pop("email")

        active = d.pop("active")

        user_contact = cls(
            id=id,
            institution_id=institution_id,
            full_name=full_name,
            email=email,
            active=active,
        )

        user_contact.additional_properties = d
        return user_contact

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
