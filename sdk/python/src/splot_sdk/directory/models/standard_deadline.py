from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StandardDeadline")


@_attrs_define
class StandardDeadline:
    """
    Attributes:
        partnership_id (UUID):
        step_id (UUID):
        deadline_working_days (int):
    """

    partnership_id: UUID
    step_id: UUID
    deadline_working_days: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partnership_id = str(self.partnership_id)

        step_id = str(self.step_id)

        deadline_working_days = self.deadline_working_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partnership_id": partnership_id,
                "step_id": step_id,
                "deadline_working_days": deadline_working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        partnership_id = UUID(d.pop("partnership_id"))

        step_id = UUID(d.pop("step_id"))

        deadline_working_days = d.pop("deadline_working_days")

        standard_deadline = cls(
            partnership_id=partnership_id,
            step_id=step_id,
            deadline_working_days=deadline_working_days,
        )

        standard_deadline.additional_properties = d
        return standard_deadline

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
