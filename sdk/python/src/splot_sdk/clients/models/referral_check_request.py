from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.legal_basis import LegalBasis
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReferralCheckRequest")


@_attrs_define
class ReferralCheckRequest:
    """
    Attributes:
        person_id (UUID):
        sender_institution_id (UUID):
        target_institution_id (UUID):
        target_institution_type (str):
        service_type_code (str):
        sensitive (bool):
        legal_basis (LegalBasis):
        consent_id (None | Unset | UUID):
    """

    person_id: UUID
    sender_institution_id: UUID
    target_institution_id: UUID
    target_institution_type: str
    service_type_code: str
    sensitive: bool
    legal_basis: LegalBasis
    consent_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        sender_institution_id = str(self.sender_institution_id)

        target_institution_id = str(self.target_institution_id)

        target_institution_type = self.target_institution_type

        service_type_code = self.service_type_code

        sensitive = self.sensitive

        legal_basis = self.legal_basis.value

        consent_id: None | str | Unset
        if isinstance(self.consent_id, Unset):
            consent_id = UNSET
        elif isinstance(self.consent_id, UUID):
            consent_id = str(self.consent_id)
        else:
            consent_id = self.consent_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "person_id": person_id,
                "sender_institution_id": sender_institution_id,
                "target_institution_id": target_institution_id,
                "target_institution_type": target_institution_type,
                "service_type_code": service_type_code,
                "sensitive": sensitive,
                "legal_basis": legal_basis,
            }
        )
        if consent_id is not UNSET:
            field_dict["consent_id"] = consent_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        sender_institution_id = UUID(d.pop("sender_institution_id"))

        target_institution_id = UUID(d.pop("target_institution_id"))

        target_institution_type = d.pop("target_institution_type")

        service_type_code = d.pop("service_type_code")

        sensitive = d.pop("sensitive")

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

        referral_check_request = cls(
            person_id=person_id,
            sender_institution_id=sender_institution_id,
            target_institution_id=target_institution_id,
            target_institution_type=target_institution_type,
            service_type_code=service_type_code,
            sensitive=sensitive,
            legal_basis=legal_basis,
            consent_id=consent_id,
        )

        return referral_check_request
