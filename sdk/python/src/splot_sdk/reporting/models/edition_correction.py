from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="EditionCorrection")


@_attrs_define
class EditionCorrection:
    """
    Attributes:
        change_note (str): What changed; no control characters other than tab and line breaks
    """

    change_note: str

    def to_dict(self) -> dict[str, Any]:
        change_note = self.change_note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "change_note": change_note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        change_note = d.pop("change_note")

        edition_correction = cls(
            change_note=change_note,
        )

        return edition_correction
