from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="Scale")


@_attrs_define
class Scale:
    """
    Attributes:
        min_ (int):
        max_ (int):
        min_label (None | str | Unset):
        max_label (None | str | Unset):
    """

    min_: int
    max_: int
    min_label: None | str | Unset = UNSET
    max_label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        min_ = self.min_

        max_ = self.max_

        min_label: None | str | Unset
        if isinstance(self.min_label, Unset):
            min_label = UNSET
        else:
            min_label = self.min_label

        max_label: None | str | Unset
        if isinstance(self.max_label, Unset):
            max_label = UNSET
        else:
            max_label = self.max_label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "min": min_,
                "max": max_,
            }
        )
        if min_label is not UNSET:
            field_dict["min_label"] = min_label
        if max_label is not UNSET:
            field_dict["max_label"] = max_label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        min_ = d.pop("min")

        max_ = d.pop("max")

        def _parse_min_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        min_label = _parse_min_label(d.pop("min_label", UNSET))

        def _parse_max_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        max_label = _parse_max_label(d.pop("max_label", UNSET))

        scale = cls(
            min_=min_,
            max_=max_,
            min_label=min_label,
            max_label=max_label,
        )

        return scale
