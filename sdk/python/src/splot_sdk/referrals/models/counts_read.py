from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.box import Box

if TYPE_CHECKING:
    from ..models.counts_read_by_status import CountsReadByStatus


T = TypeVar("T", bound="CountsRead")


@_attrs_define
class CountsRead:
    """
    Attributes:
        box (Box):
        total (int):
        overdue (int):
        by_status (CountsReadByStatus):
    """

    box: Box
    total: int
    overdue: int
    by_status: CountsReadByStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        box = self.box.value

        total = self.total

        overdue = self.overdue

        by_status = self.by_status.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "box": box,
                "total": total,
                "overdue": overdue,
                "by_status": by_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.counts_read_by_status import CountsReadByStatus  # noqa: PLC0415

        d = dict(src_dict)
        box = Box(d.pop("box"))

        total = d.pop("total")

        overdue = d.pop("overdue")

        by_status = CountsReadByStatus.from_dict(d.pop("by_status"))

        counts_read = cls(
            box=box,
            total=total,
            overdue=overdue,
            by_status=by_status,
        )

        counts_read.additional_properties = d
        return counts_read

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
