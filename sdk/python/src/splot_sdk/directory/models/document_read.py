from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="DocumentRead")


@_attrs_define
class DocumentRead:
    """
    Attributes:
        id (UUID):
        meeting_id (None | UUID):
        kind (Literal['minutes']):
        title (str):
        file_name (str):
        media_type (str):
        size_bytes (int):
        sha256 (str):
        uploaded_by_institution_id (UUID):
        uploaded_at (datetime.datetime):
    """

    id: UUID
    meeting_id: None | UUID
    kind: Literal["minutes"]
    title: str
    file_name: str
    media_type: str
    size_bytes: int
    sha256: str
    uploaded_by_institution_id: UUID
    uploaded_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        meeting_id: None | str
        if isinstance(self.meeting_id, UUID):
            meeting_id = str(self.meeting_id)
        else:
            meeting_id = self.meeting_id

        kind = self.kind

        title = self.title

        file_name = self.file_name

        media_type = self.media_type

        size_bytes = self.size_bytes

        sha256 = self.sha256

        uploaded_by_institution_id = str(self.uploaded_by_institution_id)

        uploaded_at = self.uploaded_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "meeting_id": meeting_id,
                "kind": kind,
                "title": title,
                "file_name": file_name,
                "media_type": media_type,
                "size_bytes": size_bytes,
                "sha256": sha256,
                "uploaded_by_institution_id": uploaded_by_institution_id,
                "uploaded_at": uploaded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_meeting_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                meeting_id_type_0 = UUID(data)

                return meeting_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        meeting_id = _parse_meeting_id(d.pop("meeting_id"))

        kind = cast(Literal["minutes"], d.pop("kind"))
        if kind != "minutes":
            raise ValueError(f"kind must match const 'minutes', got '{kind}'")

        title = d.pop("title")

        file_name = d.pop("file_name")

        media_type = d.pop("media_type")

        size_bytes = d.pop("size_bytes")

        sha256 = d.pop("sha256")

        uploaded_by_institution_id = UUID(d.pop("uploaded_by_institution_id"))

        uploaded_at = datetime.datetime.fromisoformat(d.pop("uploaded_at"))

        document_read = cls(
            id=id,
            meeting_id=meeting_id,
            kind=kind,
            title=title,
            file_name=file_name,
            media_type=media_type,
            size_bytes=size_bytes,
            sha256=sha256,
            uploaded_by_institution_id=uploaded_by_institution_id,
            uploaded_at=uploaded_at,
        )

        document_read.additional_properties = d
        return document_read

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
