from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReviewRead")


@_attrs_define
class ReviewRead:
    """
    Attributes:
        reviewed_on (datetime.date):
        note (None | str):
        institution_id (UUID):
        created_at (datetime.datetime):
    """

    reviewed_on: datetime.date
    note: None | str
    institution_id: UUID
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        reviewed_on = self.reviewed_on.isoformat()

        note: None | str
        note = self.note

        institution_id = str(self.institution_id)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reviewed_on": reviewed_on,
                "note": note,
                "institution_id": institution_id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        institution_id = UUID(d.pop("institution_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        review_read = cls(
            reviewed_on=reviewed_on,
            note=note,
            institution_id=institution_id,
            created_at=created_at,
        )

        review_read.additional_properties = d
        return review_read

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
