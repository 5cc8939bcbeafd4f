from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.edition_content import EditionContent


T = TypeVar("T", bound="EditionVersionRead")


@_attrs_define
class EditionVersionRead:
    """
    Attributes:
        edition_id (UUID):
        version (int):
        change_note (None | str):
        published_at (datetime.datetime):
        content (EditionContent):
    """

    edition_id: UUID
    version: int
    change_note: None | str
    published_at: datetime.datetime
    content: EditionContent
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edition_id = str(self.edition_id)

        version = self.version

        change_note: None | str
        change_note = self.change_note

        published_at = self.published_at.isoformat()

        content = self.content.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edition_id": edition_id,
                "version": version,
                "change_note": change_note,
                "published_at": published_at,
                "content": content,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edition_content import EditionContent  # noqa: PLC0415

        d = dict(src_dict)
        edition_id = UUID(d.pop("edition_id"))

        version = d.pop("version")

        def _parse_change_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        change_note = _parse_change_note(d.pop("change_note"))

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        content = EditionContent.from_dict(d.pop("content"))

        edition_version_read = cls(
            edition_id=edition_id,
            version=version,
            change_note=change_note,
            published_at=published_at,
            content=content,
        )

        edition_version_read.additional_properties = d
        return edition_version_read

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
