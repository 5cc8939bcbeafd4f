from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.legal_basis import LegalBasis

T = TypeVar("T", bound="GrantRead")


@_attrs_define
class GrantRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        institution_id (UUID):
        referral_id (UUID):
        legal_basis (LegalBasis):
        consent_id (None | UUID):
        covers_sensitive (bool):
        sender_institution_id (None | UUID):
        service_type_code (None | str):
        accepted_at (datetime.datetime | None):
        active (bool):
        granted_at (datetime.datetime):
        revoked_at (datetime.datetime | None):
        expires_at (datetime.datetime | None):
        version (int):
    """

    id: UUID
    person_id: UUID
    institution_id: UUID
    referral_id: UUID
    legal_basis: LegalBasis
    consent_id: None | UUID
    covers_sensitive: bool
    sender_institution_id: None | UUID
    service_type_code: None | str
    accepted_at: datetime.datetime | None
    active: bool
    granted_at: datetime.datetime
    revoked_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        institution_id = str(self.institution_id)

        referral_id = str(self.referral_id)

        legal_basis = self.legal_basis.value

        consent_id: None | str
        if isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        covers_sensitive = self.covers_sensitive

        sender_institution_id: None | str
        if isinstance(self.sender_institution_id, UUID):
            sender_institution_id = str(self.sender_institution_id)
        else:
            sender_institution_id = self.sender_institution_id

        service_type_code: None | str
        service_type_code = self.service_type_code

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        active = self.active

        granted_at = self.granted_at.isoformat()

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "institution_id": institution_id,
                "referral_id": referral_id,
                "legal_basis": legal_basis,
                "consent_id": consent_id,
                "covers_sensitive": covers_sensitive,
                "sender_institution_id": sender_institution_id,
                "service_type_code": service_type_code,
                "accepted_at": accepted_at,
                "active": active,
                "granted_at": granted_at,
                "revoked_at": revoked_at,
                "expires_at": expires_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        institution_id = UUID(d.pop("institution_id"))

        referral_id = UUID(d.pop("referral_id"))

        legal_basis = LegalBasis(d.pop("legal_basis"))

        def _parse_consent_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_id_type_0 = UUID(data)

                return consent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        consent_id = _parse_consent_id(d.pop("consent_id"))

        covers_sensitive = d.pop("covers_sensitive")

        def _parse_sender_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sender_institution_id_type_0 = UUID(data)

                return sender_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        sender_institution_id = _parse_sender_institution_id(d.pop("sender_institution_id"))

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        active = d.pop("active")

        granted_at = datetime.datetime.fromisoformat(d.pop("granted_at"))

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

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

        version = d.pop("version")

        grant_read = cls(
            id=id,
            person_id=person_id,
            institution_id=institution_id,
            referral_id=referral_id,
            legal_basis=legal_basis,
            consent_id=consent_id,
            covers_sensitive=covers_sensitive,
            sender_institution_id=sender_institution_id,
            service_type_code=service_type_code,
            accepted_at=accepted_at,
            active=active,
            granted_at=granted_at,
            revoked_at=revoked_at,
            expires_at=expires_at,
            version=version,
        )

        grant_read.additional_properties = d
        return grant_read

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
