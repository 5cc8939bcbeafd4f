from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AttachmentRead")


@_attrs_define
class AttachmentRead:
    """
    Attributes:
        id (UUID):
        file_name (str):
        media_type (str):
        size_bytes (int):
        uploaded_at (datetime.datetime):
    """

    id: UUID
    file_name: str
    media_type: str
    size_bytes: int
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        file_name = self.file_name

        media_type = self.media_type

        size_bytes = self.size_bytes

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "file_name": file_name,
                "media_type": media_type,
                "size_bytes": size_bytes,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        file_name = d.pop("file_name")

        media_type = d.pop("media_type")

        size_bytes = d.pop("size_bytes")

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        attachment_read = cls(
            id=id,
            file_name=file_name,
            media_type=media_type,
            size_bytes=size_bytes,
            uploaded_at=uploaded_at,
        )

        attachment_read.additional_properties = d
        return attachment_read

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
