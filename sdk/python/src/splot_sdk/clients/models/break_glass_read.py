from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BreakGlassRead")


@_attrs_define
class BreakGlassRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        institution_id (UUID):
        subject (str):
        reason (str):
        opened_at (datetime.datetime):
        expires_at (datetime.datetime):
        active (bool):
    """

    id: UUID
    person_id: UUID
    institution_id: UUID
    subject: str
    reason: str
    opened_at: datetime.datetime
    expires_at: datetime.datetime
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        institution_id = str(self.institution_id)

        subject = self.subject

        reason = self.reason

        opened_at = self.opened_at.isoformat()

        expires_at = self.expires_at.isoformat()

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "institution_id": institution_id,
                "subject": subject,
                "reason": reason,
                "opened_at": opened_at,
                "expires_at": expires_at,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        institution_id = UUID(d.pop("institution_id"))

        subject = d.pop("subject")

        reason = d.pop("reason")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        active = d.pop("active")

        break_glass_read = cls(
            id=id,
            person_id=person_id,
            institution_id=institution_id,
            subject=subject,
            reason=reason,
            opened_at=opened_at,
            expires_at=expires_at,
            active=active,
        )

        break_glass_read.additional_properties = d
        return break_glass_read

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
