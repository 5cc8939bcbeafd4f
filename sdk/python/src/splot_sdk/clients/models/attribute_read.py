from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttributeRead")


@_attrs_define
class AttributeRead:
    """
    Attributes:
        person_id (UUID):
        institution_id (UUID):
        code (str):
        value (Any):
        sensitive (bool):
        recorded_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    person_id: UUID
    institution_id: UUID
    code: str
    value: Any
    sensitive: bool
    recorded_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        institution_id = str(self.institution_id)

        code = self.code

        value = self.value

        sensitive = self.sensitive

        recorded_at = self.recorded_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "institution_id": institution_id,
                "code": code,
                "value": value,
                "sensitive": sensitive,
                "recorded_at": recorded_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        institution_id = UUID(d.pop("institution_id"))

        code = d.pop("code")

        value = d.pop("value")

        sensitive = d.pop("sensitive")

        recorded_at = datetime.datetime.fromisoformat(d.pop("recorded_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        attribute_read = cls(
            person_id=person_id,
            institution_id=institution_id,
            code=code,
            value=value,
            sensitive=sensitive,
            recorded_at=recorded_at,
            updated_at=updated_at,
            version=version,
        )

        attribute_read.additional_properties = d
        return attribute_read

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
