from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MergeRead")


@_attrs_define
class MergeRead:
    """
    Attributes:
        id (UUID):
        survivor_id (UUID):
        merged_id (UUID):
        institution_id (UUID):
        reason (str):
        merged_at (datetime.datetime):
        taken_fields (list[str]):
        undo_until (datetime.datetime):
        undoable (bool):
        undone_at (datetime.datetime | None):
    """

    id: UUID
    survivor_id: UUID
    merged_id: UUID
    institution_id: UUID
    reason: str
    merged_at: datetime.datetime
    taken_fields: list[str]
    undo_until: datetime.datetime
    undoable: bool
    undone_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        survivor_id = str(self.survivor_id)

        merged_id = str(self.merged_id)

        institution_id = str(self.institution_id)

        reason = self.reason

        merged_at = self.merged_at.isoformat()

        taken_fields = self.taken_fields

        undo_until = self.undo_until.isoformat()

        undoable = self.undoable

        undone_at: None | str
        if isinstance(self.undone_at, datetime.datetime):
            undone_at = self.undone_at.isoformat()
        else:
            undone_at = self.undone_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "survivor_id": survivor_id,
                "merged_id": merged_id,
                "institution_id": institution_id,
                "reason": reason,
                "merged_at": merged_at,
                "taken_fields": taken_fields,
                "undo_until": undo_until,
                "undoable": undoable,
                "undone_at": undone_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        survivor_id = UUID(d.pop("survivor_id"))

        merged_id = UUID(d.pop("merged_id"))

        institution_id = UUID(d.pop("institution_id"))

        reason = d.pop("reason")

        merged_at = datetime.datetime.fromisoformat(d.pop("merged_at"))

        taken_fields = cast(list[str], d.pop("taken_fields"))

        undo_until = datetime.datetime.fromisoformat(d.pop("undo_until"))

        undoable = d.pop("undoable")

        def _parse_undone_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                undone_at_type_0 = datetime.datetime.fromisoformat(data)

                return undone_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        undone_at = _parse_undone_at(d.pop("undone_at"))

        merge_read = cls(
            id=id,
            survivor_id=survivor_id,
            merged_id=merged_id,
            institution_id=institution_id,
            reason=reason,
            merged_at=merged_at,
            taken_fields=taken_fields,
            undo_until=undo_until,
            undoable=undoable,
            undone_at=undone_at,
        )

        merge_read.additional_properties = d
        return merge_read

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
