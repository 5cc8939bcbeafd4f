from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.referral_event_read_payload import ReferralEventReadPayload


T = TypeVar("T", bound="ReferralEventRead")


@_attrs_define
class ReferralEventRead:
    """
    Attributes:
        id (UUID):
        action (str):
        from_status (None | str):
        to_status (str):
        version (int):
        actor_kind (str):
        actor_subject (None | str):
        actor_institution_id (None | UUID):
        reason_code (None | str):
        text (None | str):
        payload (ReferralEventReadPayload):
        occurred_at (datetime.datetime):
    """

    id: UUID
    action: str
    from_status: None | str
    to_status: str
    version: int
    actor_kind: str
    actor_subject: None | str
    actor_institution_id: None | UUID
    reason_code: None | str
    text: None | str
    payload: ReferralEventReadPayload
    occurred_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        action = self.action

        from_status: None | str
        from_status = self.from_status

        to_status = self.to_status

        version = self.version

        actor_kind = self.actor_kind

        actor_subject: None | str
        actor_subject = self.actor_subject

        actor_institution_id: None | str
        if isinstance(self.actor_institution_id, UUID):
            actor_institution_id = str(self.actor_institution_id)
        else:
            actor_institution_id = self.actor_institution_id

        reason_code: None | str
        reason_code = self.reason_code

        text: None | str
        text = self.text

        payload = self.payload.to_dict()

        occurred_at = self.occurred_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "action": action,
                "from_status": from_status,
                "to_status": to_status,
                "version": version,
                "actor_kind": actor_kind,
                "actor_subject": actor_subject,
                "actor_institution_id": actor_institution_id,
                "reason_code": reason_code,
                "text": text,
                "payload": payload,
                "occurred_at": occurred_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.referral_event_read_payload import ReferralEventReadPayload  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        action = d.pop("action")

        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = d.pop("to_status")

        version = d.pop("version")

        actor_kind = d.pop("actor_kind")

        def _parse_actor_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        actor_subject = _parse_actor_subject(d.pop("actor_subject"))

        def _parse_actor_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_institution_id_type_0 = UUID(data)

                return actor_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_institution_id = _parse_actor_institution_id(d.pop("actor_institution_id"))

        def _parse_reason_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        def _parse_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        text = _parse_text(d.pop("text"))

        payload = ReferralEventReadPayload.from_dict(d.pop("payload"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        referral_event_read = cls(
            id=id,
            action=action,
            from_status=from_status,
            to_status=to_status,
            version=version,
            actor_kind=actor_kind,
            actor_subject=actor_subject,
            actor_institution_id=actor_institution_id,
            reason_code=reason_code,
            text=text,
            payload=payload,
            occurred_at=occurred_at,
        )

        referral_event_read.additional_properties = d
        return referral_event_read

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
