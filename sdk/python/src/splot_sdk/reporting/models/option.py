from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Option")


@_attrs_define
class Option:
    """
    Attributes:
        value (str):
        label (str):
        problem_area (None | str | Unset):
    """

    value: str
    label: str
    problem_area: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        value = self.value

        label = self.label

        problem_area: None | str | Unset
        if isinstance(self.problem_area, Unset):
            problem_area = UNSET
        else:
            problem_area = self.problem_area

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "value": value,
                "label": label,
            }
        )
        if problem_area is not UNSET:
            field_dict["problem_area"] = problem_area

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        value = d.pop("value")

        label = d.pop("label")

        def _parse_problem_area(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        problem_area = _parse_problem_area(d.pop("problem_area", UNSET))

        option = cls(
            value=value,
            label=label,
            problem_area=problem_area,
        )

        return option
