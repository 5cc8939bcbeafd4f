from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="GrantCreate")


@_attrs_define
class GrantCreate:
    """The state a referral gives its receiver, sent by the referrals service after each change
    of the referral (idempotent; an update older than the grant's ``version`` is ignored).

        Attributes:
            person_id (UUID):
            institution_id (UUID):
            referral_id (UUID):
            sender_institution_id (UUID):
            service_type_code (str):
            legal_basis (LegalBasis):
            consent_id (None | Unset | UUID):
            covers_sensitive (bool | Unset):  Default: False.
            accepted (bool | Unset):  Default: False.
            active (bool | Unset):  Default: True.
            retention_days (int | None | Unset):
            version (int | Unset):  Default: 0.
    """

    person_id: UUID
    institution_id: UUID
    referral_id: UUID
    sender_institution_id: UUID
    service_type_code: str
    legal_basis: LegalBasis
    consent_id: None | Unset | UUID = UNSET
    covers_sensitive: bool | Unset = False
    accepted: bool | Unset = False
    active: bool | Unset = True
    retention_days: int | None | Unset = UNSET
    version: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        institution_id = str(self.institution_id)

        referral_id = str(self.referral_id)

        sender_institution_id = str(self.sender_institution_id)

        service_type_code = self.service_type_code

        legal_basis = self.legal_basis.value

        consent_id: None | str | Unset
        if isinstance(self.consent_id, Unset):
            consent_id = UNSET
        elif isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        covers_sensitive = self.covers_sensitive

        accepted = self.accepted

        active = self.active

        retention_days: int | None | Unset
        if isinstance(self.retention_days, Unset):
            retention_days = UNSET
        else:
            retention_days = self.retention_days

        version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "institution_id": institution_id,
                "referral_id": referral_id,
                "sender_institution_id": sender_institution_id,
                "service_type_code": service_type_code,
                "legal_basis": legal_basis,
            }
        )
        if consent_id is not UNSET:
            field_dict["consent_id"] = consent_id
        if covers_sensitive is not UNSET:
            field_dict["covers_sensitive"] = covers_sensitive
        if accepted is not UNSET:
            field_dict["accepted"] = accepted
        if active is not UNSET:
            field_dict["active"] = active
        if retention_days is not UNSET:
            field_dict["retention_days"] = retention_days
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        institution_id = UUID(d.pop("institution_id"))

        referral_id = UUID(d.pop("referral_id"))

        sender_institution_id = UUID(d.pop("sender_institution_id"))

        service_type_code = d.pop("service_type_code")

        legal_basis = LegalBasis(d.pop("legal_basis"))

        def _parse_consent_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                consent_id_type_0 = UUID(data)

                return consent_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        consent_id = _parse_consent_id(d.pop("consent_id", UNSET))

        covers_sensitive = d.pop("covers_sensitive", UNSET)

        accepted = d.pop("accepted", UNSET)

        active = d.pop("active", UNSET)

        def _parse_retention_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        retention_days = _parse_retention_days(d.pop("retention_days", UNSET))

        version = d.pop("version", UNSET)

        grant_create = cls(
            person_id=person_id,
            institution_id=institution_id,
            referral_id=referral_id,
            sender_institution_id=sender_institution_id,
            service_type_code=service_type_code,
            legal_basis=legal_basis,
            consent_id=consent_id,
            covers_sensitive=covers_sensitive,
            accepted=accepted,
            active=active,
            retention_days=retention_days,
            version=version,
        )

        return grant_create
