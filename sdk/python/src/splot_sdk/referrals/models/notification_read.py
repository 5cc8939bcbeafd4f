from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="NotificationRead")


@_attrs_define
class NotificationRead:
    """
    Attributes:
        id (UUID):
        kind (str):
        title (str):
        referral_id (None | UUID):
        referral_number (None | str):
        followup_id (None | UUID):
        recipient_institution_id (UUID):
        recipient_role (None | str):
        recipient_user_id (None | UUID):
        created_at (datetime.datetime):
        read_at (datetime.datetime | None):
    """

    id: UUID
    kind: str
    title: str
    referral_id: None | UUID
    referral_number: None | str
    followup_id: None | UUID
    recipient_institution_id: UUID
    recipient_role: None | str
    recipient_user_id: None | UUID
    created_at: datetime.datetime
    read_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind

        title = self.title

        referral_id: None | str
        if isinstance(self.referral_id, UUID):
            referral_id = str(self.referral_id)
        else:
            referral_id = self.referral_id

        referral_number: None | str
        referral_number = self.referral_number

        followup_id: None | str
        if isinstance(self.followup_id, UUID):
            followup_id = str(self.followup_id)
        else:
            followup_id = self.followup_id

        recipient_institution_id = str(self.recipient_institution_id)

        recipient_role: None | str
        recipient_role = self.recipient_role

        recipient_user_id: None | str
        if isinstance(self.recipient_user_id, UUID):
            recipient_user_id = str(self.recipient_user_id)
        else:
            recipient_user_id = self.recipient_user_id

        created_at = self.created_at.isoformat()

        read_at: None | str
        if isinstance(self.read_at, datetime.datetime):
            read_at = self.read_at.isoformat()
        else:
            read_at = self.read_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "title": title,
                "referral_id": referral_id,
                "referral_number": referral_number,
                "followup_id": followup_id,
                "recipient_institution_id": recipient_institution_id,
                "recipient_role": recipient_role,
                "recipient_user_id": recipient_user_id,
                "created_at": created_at,
                "read_at": read_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = d.pop("kind")

        title = d.pop("title")

        def _parse_referral_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                referral_id_type_0 = UUID(data)

                return referral_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        referral_id = _parse_referral_id(d.pop("referral_id"))

        def _parse_referral_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_number = _parse_referral_number(d.pop("referral_number"))

        def _parse_followup_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                followup_id_type_0 = UUID(data)

                return followup_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        followup_id = _parse_followup_id(d.pop("followup_id"))

        recipient_institution_id = UUID(d.pop("recipient_institution_id"))

        def _parse_recipient_role(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_role = _parse_recipient_role(d.pop("recipient_role"))

        def _parse_recipient_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_user_id_type_0 = UUID(data)

                return recipient_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_user_id = _parse_recipient_user_id(d.pop("recipient_user_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_read_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                read_at_type_0 = datetime.datetime.fromisoformat(data)

                return read_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        read_at = _parse_read_at(d.pop("read_at"))

        notification_read = cls(
            id=id,
            kind=kind,
            title=title,
            referral_id=referral_id,
            referral_number=referral_number,
            followup_id=followup_id,
            recipient_institution_id=recipient_institution_id,
            recipient_role=recipient_role,
            recipient_user_id=recipient_user_id,
            created_at=created_at,
            read_at=read_at,
        )

        notification_read.additional_properties = d
        return notification_read

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
