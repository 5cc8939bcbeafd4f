from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EditionVersionInfo")


@_attrs_define
class EditionVersionInfo:
    """
    Attributes:
        version (int):
        change_note (None | str):
        published_at (datetime.datetime):
        has_report (bool | Unset): A results report is frozen in this version Default: False.
    """

    version: int
    change_note: None | str
    published_at: datetime.datetime
    has_report: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        version = self.version

        change_note: None | str
        change_note = self.change_note

        published_at = self.published_at.isoformat()

        has_report = self.has_report

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "version": version,
                "change_note": change_note,
                "published_at": published_at,
            }
        )
        if has_report is not UNSET:
            field_dict["has_report"] = has_report

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        def _parse_change_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change_note = _parse_change_note(d.pop("change_note"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        has_report = d.pop("has_report", UNSET)

        edition_version_info = cls(
            version=version,
            change_note=change_note,
            published_at=published_at,
            has_report=has_report,
        )

        edition_version_info.additional_properties = d
        return edition_version_info

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
