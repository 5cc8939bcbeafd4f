from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.merge_field import MergeField
from ..types import UNSET, Unset

T = TypeVar("T", bound="MergeCreate")


@_attrs_define
class MergeCreate:
    """
    Attributes:
        survivor_id (UUID):
        merged_id (UUID):
        reason (str):
        take_from_merged (list[MergeField] | Unset): Fields of the merged record that replace the survivor's (an
            explicit, audited choice per field); nothing else of the merged record's identity or contact data is kept
    """

    survivor_id: UUID
    merged_id: UUID
    reason: str
    take_from_merged: list[MergeField] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        survivor_id = str(self.survivor_id)

        merged_id = str(self.merged_id)

        reason = self.reason

        take_from_merged: list[str] | Unset = UNSET
        if not isinstance(self.take_from_merged, Unset):
            take_from_merged = []
            for take_from_merged_item_data in self.take_from_merged:
                take_from_merged_item = take_from_merged_item_data.value
                take_from_merged.append(take_from_merged_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "survivor_id": survivor_id,
                "merged_id": merged_id,
                "reason": reason,
            }
        )
        if take_from_merged is not UNSET:
            field_dict["take_from_merged"] = take_from_merged

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        survivor_id = UUID(d.pop("survivor_id"))

        merged_id = UUID(d.pop("merged_id"))

        reason = d.pop("reason")

        _take_from_merged = d.pop("take_from_merged", UNSET)
        take_from_merged: list[MergeField] | Unset = UNSET
        if _take_from_merged is not UNSET:
            take_from_merged = []
            for take_from_merged_item_data in _take_from_merged:
                take_from_merged_item = MergeField(take_from_merged_item_data)

                take_from_merged.append(take_from_merged_item)

        merge_create = cls(
            survivor_id=survivor_id,
            merged_id=merged_id,
            reason=reason,
            take_from_merged=take_from_merged,
        )

        return merge_create
