from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="DiagnosisAreaInput")


@_attrs_define
class DiagnosisAreaInput:
    """
    Attributes:
        code (str):
        note (None | str | Unset):
        sensitive (bool | Unset): Raise the area to sensitive (a sensitive catalogue area always is) Default: False.
    """

    code: str
    note: None | str | Unset = UNSET
    sensitive: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        sensitive = self.sensitive

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if sensitive is not UNSET:
            field_dict["sensitive"] = sensitive

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        sensitive = d.pop("sensitive", UNSET)

        diagnosis_area_input = cls(
            code=code,
            note=note,
            sensitive=sensitive,
        )

        return diagnosis_area_input
