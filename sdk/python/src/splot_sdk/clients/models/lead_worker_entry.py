from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LeadWorkerEntry")


@_attrs_define
class LeadWorkerEntry:
    """
    Attributes:
        institution_id (UUID):
        user_sub (str):
        display_name (str):
        assigned_at (datetime.datetime):
        assigned_by (str):
        ended_at (datetime.datetime | None):
    """

    institution_id: UUID
    user_sub: str
    display_name: str
    assigned_at: datetime.datetime
    assigned_by: str
    ended_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        user_sub = self.user_sub

        display_name = self.display_name

        assigned_at = self.assigned_at.isoformat()

        assigned_by = self.assigned_by

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "user_sub": user_sub,
                "display_name": display_name,
                "assigned_at": assigned_at,
                "assigned_by": assigned_by,
                "ended_at": ended_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        user_sub = d.pop("user_sub")

        display_name = d.pop("display_name")

        assigned_at = datetime.datetime.fromisoformat(d.pop("assigned_at"))

        assigned_by = d.pop("assigned_by")

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        lead_worker_entry = cls(
            institution_id=institution_id,
            user_sub=user_sub,
            display_name=display_name,
            assigned_at=assigned_at,
            assigned_by=assigned_by,
            ended_at=ended_at,
        )

        lead_worker_entry.additional_properties = d
        return lead_worker_entry

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
