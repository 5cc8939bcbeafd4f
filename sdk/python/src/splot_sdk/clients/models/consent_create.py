from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.consent_purpose import ConsentPurpose
from ..types import UNSET, Unset

T = TypeVar("T", bound="ConsentCreate")


@_attrs_define
class ConsentCreate:
    """
    Attributes:
        purpose (ConsentPurpose):
        evidence_reference (str): Where the signed declaration is kept (document register number, file reference)
        recipient_institution_id (None | Unset | UUID):
        recipient_institution_type (None | str | Unset): e.g. NGO, CIS, OPS
        service_type_code (None | str | Unset): Null: any service type
        covers_sensitive (bool | Unset): Explicit consent to special-category data (art. 9) Default: False.
        given_at (datetime.datetime | None | Unset): Defaults to now; not in the future
        expires_at (datetime.datetime | None | Unset):
    """

    purpose: ConsentPurpose
    evidence_reference: str
    recipient_institution_id: None | Unset | UUID = UNSET
    recipient_institution_type: None | str | Unset = UNSET
    service_type_code: None | str | Unset = UNSET
    covers_sensitive: bool | Unset = False
    given_at: datetime.datetime | None | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        purpose = self.purpose.value

        evidence_reference = self.evidence_reference

        recipient_institution_id: None | str | Unset
        if isinstance(self.recipient_institution_id, Unset):
            recipient_institution_id = UNSET
        elif isinstance(self.recipient_institution_id, UUID):
            recipient_institution_id = str(self.recipient_institution_id)
        else:
            recipient_institution_id = self.recipient_institution_id

        recipient_institution_type: None | str | Unset
        if isinstance(self.recipient_institution_type, Unset):
            recipient_institution_type = UNSET
        else:
            recipient_institution_type = self.recipient_institution_type

        service_type_code: None | str | Unset
        if isinstance(self.service_type_code, Unset):
            service_type_code = UNSET
        else:
            service_type_code = self.service_type_code

        covers_sensitive = self.covers_sensitive

        given_at: None | str | Unset
        if isinstance(self.given_at, Unset):
            given_at = UNSET
        elif isinstance(self.given_at, datetime.datetime):
            given_at = self.given_at.isoformat()
        else:
            given_at = self.given_at

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "purpose": purpose,
                "evidence_reference": evidence_reference,
            }
        )
        if recipient_institution_id is not UNSET:
            field_dict["recipient_institution_id"] = recipient_institution_id
        if recipient_institution_type is not UNSET:
            field_dict["recipient_institution_type"] = recipient_institution_type
        if service_type_code is not UNSET:
            field_dict["service_type_code"] = service_type_code
        if covers_sensitive is not UNSET:
            field_dict["covers_sensitive"] = covers_sensitive
        if given_at is not UNSET:
            field_dict["given_at"] = given_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        purpose = ConsentPurpose(d.pop("purpose"))

        evidence_reference = d.pop("evidence_reference")

        def _parse_recipient_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                recipient_institution_id_type_0 = UUID(data)

                return recipient_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        recipient_institution_id = _parse_recipient_institution_id(d.pop("recipient_institution_id", UNSET))

        def _parse_recipient_institution_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        recipient_institution_type = _parse_recipient_institution_type(
            d.pop("recipient_institution_type", UNSET)
        )

        def _parse_service_type_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code", UNSET))

        covers_sensitive = d.pop("covers_sensitive", UNSET)

        def _parse_given_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                given_at_type_0 = datetime.datetime.fromisoformat(data)

                return given_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        given_at = _parse_given_at(d.pop("given_at", UNSET))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

        consent_create = cls(
            purpose=purpose,
            evidence_reference=evidence_reference,
            recipient_institution_id=recipient_institution_id,
            recipient_institution_type=recipient_institution_type,
            service_type_code=service_type_code,
            covers_sensitive=covers_sensitive,
            given_at=given_at,
            expires_at=expires_at,
        )

        return consent_create
