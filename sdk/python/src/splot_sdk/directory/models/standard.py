from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.standard_step_in import StandardStepIn


T = TypeVar("T", bound="Standard")


@_attrs_define
class Standard:
    """
    Attributes:
        steps (list[StandardStepIn]):
    """

    steps: list[StandardStepIn]

    def to_dict(self) -> dict[str, Any]:
        steps = []
        for steps_item_data in self.steps:
            steps_item = steps_item_data.to_dict()
            steps.append(steps_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "steps": steps,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.standard_step_in import StandardStepIn  # noqa: PLC0415

        d = dict(src_dict)
        steps = []
        _steps = d.pop("steps")
        for steps_item_data in _steps:
            steps_item = StandardStepIn.from_dict(steps_item_data)

            steps.append(steps_item)

        standard = cls(
            steps=steps,
        )

        return standard
