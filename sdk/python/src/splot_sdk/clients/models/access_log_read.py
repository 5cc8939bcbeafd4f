from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessLogRead")


@_attrs_define
class AccessLogRead:
    """
    Attributes:
        id (UUID):
        occurred_at (datetime.datetime):
        subject (str):
        subject_kind (str):
        institution_id (None | UUID):
        person_id (None | UUID):
        action (str):
        resource (str):
        legal_basis (str):
        basis_ref (None | str):
        reason (None | str):
        request_id (None | str):
    """

    id: UUID
    occurred_at: datetime.datetime
    subject: str
    subject_kind: str
    institution_id: None | UUID
    person_id: None | UUID
    action: str
    resource: str
    legal_basis: str
    basis_ref: None | str
    reason: None | str
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        subject = self.subject

        subject_kind = self.subject_kind

        institution_id: None | str
        if isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        person_id: None | str
        if isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        action = self.action

        resource = self.resource

        legal_basis = self.legal_basis

        basis_ref: None | str
        basis_ref = self.basis_ref

        reason: None | str
        reason = self.reason

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "subject": subject,
                "subject_kind": subject_kind,
                "institution_id": institution_id,
                "person_id": person_id,
                "action": action,
                "resource": resource,
                "legal_basis": legal_basis,
                "basis_ref": basis_ref,
                "reason": reason,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        subject = d.pop("subject")

        subject_kind = d.pop("subject_kind")

        def _parse_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id"))

        def _parse_person_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        person_id = _parse_person_id(d.pop("person_id"))

        action = d.pop("action")

        resource = d.pop("resource")

        legal_basis = d.pop("legal_basis")

        def _parse_basis_ref(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        basis_ref = _parse_basis_ref(d.pop("basis_ref"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        access_log_read = cls(
            id=id,
            occurred_at=occurred_at,
            subject=subject,
            subject_kind=subject_kind,
            institution_id=institution_id,
            person_id=person_id,
            action=action,
            resource=resource,
            legal_basis=legal_basis,
            basis_ref=basis_ref,
            reason=reason,
            request_id=request_id,
        )

        access_log_read.additional_properties = d
        return access_log_read

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
