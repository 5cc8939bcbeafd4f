from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.attribute_change_read_change import AttributeChangeReadChange

T = TypeVar("T", bound="AttributeChangeRead")


@_attrs_define
class AttributeChangeRead:
    """One entry of an attribute's history.

    Attributes:
        person_id (UUID):
        institution_id (UUID): The institution that recorded the value
        code (str):
        change (AttributeChangeReadChange):
        value (Any): The value recorded; null when it was removed
        sensitive (bool):
        changed_by (None | str): The staff member (only to the recording institution)
        changed_at (datetime.datetime):
    """

    person_id: UUID
    institution_id: UUID
    code: str
    change: AttributeChangeReadChange
    value: Any
    sensitive: bool
    changed_by: None | str
    changed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        institution_id = str(self.institution_id)

        code = self.code

        change = self.change.value

        value = self.value

        sensitive = self.sensitive

        changed_by: None | str
        changed_by = self.changed_by

        changed_at = self.changed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "institution_id": institution_id,
                "code": code,
                "change": change,
                "value": value,
                "sensitive": sensitive,
                "changed_by": changed_by,
                "changed_at": changed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        institution_id = UUID(d.pop("institution_id"))

        code = d.pop("code")

        change = AttributeChangeReadChange(d.pop("change"))

        value = d.pop("value")

        sensitive = d.pop("sensitive")

        def _parse_changed_by(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        changed_by = _parse_changed_by(d.pop("changed_by"))

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        attribute_change_read = cls(
            person_id=person_id,
            institution_id=institution_id,
            code=code,
            change=change,
            value=value,
            sensitive=sensitive,
            changed_by=changed_by,
            changed_at=changed_at,
        )

        attribute_change_read.additional_properties = d
        return attribute_change_read

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
