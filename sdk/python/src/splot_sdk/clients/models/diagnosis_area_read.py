from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DiagnosisAreaRead")


@_attrs_define
class DiagnosisAreaRead:
    """
    Attributes:
        code (str):
        institution_id (UUID):
        note (None | str):
        sensitive (bool):
    """

    code: str
    institution_id: UUID
    note: None | str
    sensitive: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        institution_id = str(self.institution_id)

        note: None | str
        note = self.note

        sensitive = self.sensitive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "institution_id": institution_id,
                "note": note,
                "sensitive": sensitive,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        institution_id = UUID(d.pop("institution_id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        sensitive = d.pop("sensitive")

        diagnosis_area_read = cls(
            code=code,
            institution_id=institution_id,
            note=note,
            sensitive=sensitive,
        )

        diagnosis_area_read.additional_properties = d
        return diagnosis_area_read

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
