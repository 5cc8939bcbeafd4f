from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessReportEntry")


@_attrs_define
class AccessReportEntry:
    """
    Attributes:
        occurred_at (datetime.datetime):
        institution_id (None | UUID):
        action (str):
        legal_basis (str):
    """

    occurred_at: datetime.datetime
    institution_id: None | UUID
    action: str
    legal_basis: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        occurred_at = self.occurred_at.isoformat()

        institution_id: None | str
        if isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        action = self.action

        legal_basis = self.legal_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "occurred_at": occurred_at,
                "institution_id": institution_id,
                "action": action,
                "legal_basis": legal_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

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

        action = d.pop("action")

        legal_basis = d.pop("legal_basis")

        access_report_entry = cls(
            occurred_at=occurred_at,
            institution_id=institution_id,
            action=action,
            legal_basis=legal_basis,
        )

        access_report_entry.additional_properties = d
        return access_report_entry

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
