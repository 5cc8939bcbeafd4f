from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.receipt_read import ReceiptRead


T = TypeVar("T", bound="MessageRead")


@_attrs_define
class MessageRead:
    """
    Attributes:
        id (UUID):
        referral_id (UUID):
        author_institution_id (UUID):
        author_subject (str):
        text (str):
        created_at (datetime.datetime):
        edited_at (datetime.datetime | None):
        version (int):
        mine (bool): Written by your institution
        editable (bool): You wrote it and the other side has not read it yet
        read_receipts (list[ReceiptRead]):
    """

    id: UUID
    referral_id: UUID
    author_institution_id: UUID
    author_subject: str
    text: str
    created_at: datetime.datetime
    edited_at: datetime.datetime | None
    version: int
    mine: bool
    editable: bool
    read_receipts: list[ReceiptRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        referral_id = str(self.referral_id)

        author_institution_id = str(self.author_institution_id)

        author_subject = self.author_subject

        text = self.text

        created_at = self.created_at.isoformat()

        edited_at: None | str
        if isinstance(self.edited_at, datetime.datetime):
            edited_at = self.edited_at.isoformat()
        else:
            edited_at = self.edited_at

        version = self.version

        mine = self.mine

        editable = self.editable

        read_receipts = []
        for read_receipts_item_data in self.read_receipts:
            read_receipts_item = read_receipts_item_data.to_dict()
            read_receipts.append(read_receipts_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "referral_id": referral_id,
                "author_institution_id": author_institution_id,
                "author_subject": author_subject,
                "text": text,
                "created_at": created_at,
                "edited_at": edited_at,
                "version": version,
                "mine": mine,
                "editable": editable,
                "read_receipts": read_receipts,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.receipt_read import ReceiptRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        referral_id = UUID(d.pop("referral_id"))

        author_institution_id = UUID(d.pop("author_institution_id"))

        author_subject = d.pop("author_subject")

        text = d.pop("text")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_edited_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                edited_at_type_0 = datetime.datetime.fromisoformat(data)

                return edited_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        edited_at = _parse_edited_at(d.pop("edited_at"))

        version = d.pop("version")

        mine = d.pop("mine")

        editable = d.pop("editable")

        read_receipts = []
        _read_receipts = d.pop("read_receipts")
        for read_receipts_item_data in _read_receipts:
            read_receipts_item = ReceiptRead.from_dict(read_receipts_item_data)

            read_receipts.append(read_receipts_item)

        message_read = cls(
            id=id,
            referral_id=referral_id,
            author_institution_id=author_institution_id,
            author_subject=author_subject,
            text=text,
            created_at=created_at,
            edited_at=edited_at,
            version=version,
            mine=mine,
            editable=editable,
            read_receipts=read_receipts,
        )

        message_read.additional_properties = d
        return message_read

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
