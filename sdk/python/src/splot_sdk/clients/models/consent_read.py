from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConsentRead")


@_attrs_define
class ConsentRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        purpose (str):
        recipient_institution_id (None | UUID):
        recipient_institution_type (None | str):
        service_type_code (None | str):
        covers_sensitive (bool):
        given_at (datetime.datetime):
        expires_at (datetime.datetime | None):
        withdrawn_at (datetime.datetime | None):
        withdrawal_reason (None | str):
        evidence_reference (None | str):
        recorded_by_institution_id (UUID):
        state (str):
        version (int):
        created_at (datetime.datetime):
    """

    id: UUID
    person_id: UUID
    purpose: str
    recipient_institution_id: None | UUID
    recipient_institution_type: None | str
    service_type_code: None | str
    covers_sensitive: bool
    given_at: datetime.datetime
    expires_at: datetime.datetime | None
    withdrawn_at: datetime.datetime | None
    withdrawal_reason: None | str
    evidence_reference: None | str
    recorded_by_institution_id: UUID
    state: str
    version: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        purpose = self.purpose

        recipient_institution_id: None | str
        if isinstance(self.recipient_institution_id, UUID):
            recipient_institution_id = str(self.recipient_institution_id)
        else:
            recipient_institution_id = self.recipient_institution_id

        recipient_institution_type: None | str
        recipient_institution_type = self.recipient_institution_type

        service_type_code: None | str
        service_type_code = self.service_type_code

        covers_sensitive = self.covers_sensitive

        given_at = self.given_at.isoformat()

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        withdrawn_at: None | str
        if isinstance(self.withdrawn_at, datetime.datetime):
            withdrawn_at = self.withdrawn_at.isoformat()
        else:
            withdrawn_at = self.withdrawn_at

        withdrawal_reason: None | str
        withdrawal_reason = self.withdrawal_reason

        evidence_reference: None | str
        evidence_reference = self.evidence_reference

        recorded_by_institution_id = str(self.recorded_by_institution_id)

        state = self.state

        version = self.version

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "purpose": purpose,
                "recipient_institution_id": recipient_institution_id,
                "recipient_institution_type": recipient_institution_type,
                "service_type_code": service_type_code,
                "covers_sensitive": covers_sensitive,
                "given_at": given_at,
                "expires_at": expires_at,
                "withdrawn_at": withdrawn_at,
                "withdrawal_reason": withdrawal_reason,
                "evidence_reference": evidence_reference,
                "recorded_by_institution_id": recorded_by_institution_id,
                "state": state,
                "version": version,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        purpose = d.pop("purpose")

        def _parse_recipient_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_institution_id_type_0 = UUID(data)

                return recipient_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        recipient_institution_id = _parse_recipient_institution_id(d.pop("recipient_institution_id"))

        def _parse_recipient_institution_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        recipient_institution_type = _parse_recipient_institution_type(d.pop("recipient_institution_type"))

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        covers_sensitive = d.pop("covers_sensitive")

        given_at = datetime.datetime.fromisoformat(d.pop("given_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        def _parse_withdrawn_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                withdrawn_at_type_0 = datetime.datetime.fromisoformat(data)

                return withdrawn_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        withdrawn_at = _parse_withdrawn_at(d.pop("withdrawn_at"))

        def _parse_withdrawal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason"))

        def _parse_evidence_reference(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_reference = _parse_evidence_reference(d.pop("evidence_reference"))

        recorded_by_institution_id = UUID(d.pop("recorded_by_institution_id"))

        state = d.pop("state")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        consent_read = cls(
            id=id,
            person_id=person_id,
            purpose=purpose,
            recipient_institution_id=recipient_institution_id,
            recipient_institution_type=recipient_institution_type,
            service_type_code=service_type_code,
            covers_sensitive=covers_sensitive,
            given_at=given_at,
            expires_at=expires_at,
            withdrawn_at=withdrawn_at,
            withdrawal_reason=withdrawal_reason,
            evidence_reference=evidence_reference,
            recorded_by_institution_id=recorded_by_institution_id,
            state=state,
            version=version,
            created_at=created_at,
        )

        consent_read.additional_properties = d
        return consent_read

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
