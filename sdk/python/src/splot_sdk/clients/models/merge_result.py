from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.merge_read import MergeRead
    from ..models.person_read import PersonRead


T = TypeVar("T", bound="MergeResult")


@_attrs_define
class MergeResult:
    """
    Attributes:
        merge (MergeRead):
        survivor (PersonRead):
    """

    merge: MergeRead
    survivor: PersonRead
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        merge = self.merge.to_dict()

        survivor = self.survivor.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "merge": merge,
                "survivor": survivor,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.merge_read import MergeRead  # noqa: PLC0415
        from ..models.person_read import PersonRead  # noqa: PLC0415

        d = dict(src_dict)
        merge = MergeRead.from_dict(d.pop("merge"))

        survivor = PersonRead.from_dict(d.pop("survivor"))

        merge_result = cls(
            merge=merge,
            survivor=survivor,
        )

        merge_result.additional_properties = d
        return merge_result

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
