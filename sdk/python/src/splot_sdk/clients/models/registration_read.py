from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RegistrationRead")


@_attrs_define
class RegistrationRead:
    """
    Attributes:
        institution_id (UUID):
        registered_at (datetime.datetime):
        how (str):
    """

    institution_id: UUID
    registered_at: datetime.datetime
    how: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        registered_at = self.registered_at.isoformat()

        how = self.how

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "registered_at": registered_at,
                "how": how,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        registered_at = datetime.datetime.fromisoformat(d.pop("registered_at"))

        how = d.pop("how")

        registration_read = cls(
            institution_id=institution_id,
            registered_at=registered_at,
            how=how,
        )

        registration_read.additional_properties = d
        return registration_read

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
