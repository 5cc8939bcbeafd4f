from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AccessReportInstitution")


@_attrs_define
class AccessReportInstitution:
    """
    Attributes:
        institution_id (None | UUID):
        accesses (int):
        first_at (datetime.datetime):
        last_at (datetime.datetime):
        legal_bases (list[str]):
    """

    institution_id: None | UUID
    accesses: int
    first_at: datetime.datetime
    last_at: datetime.datetime
    legal_bases: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id: None | str
        if isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        accesses = self.accesses

        first_at = self.first_at.isoformat()

        last_at = self.last_at.isoformat()

        legal_bases = self.legal_bases

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "accesses": accesses,
                "first_at": first_at,
                "last_at": last_at,
                "legal_bases": legal_bases,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        accesses = d.pop("accesses")

        first_at = datetime.datetime.fromisoformat(d.pop("first_at"))

        last_at = datetime.datetime.fromisoformat(d.pop("last_at"))

        legal_bases = cast(list[str], d.pop("legal_bases"))

        access_report_institution = cls(
            institution_id=institution_id,
            accesses=accesses,
            first_at=first_at,
            last_at=last_at,
            legal_bases=legal_bases,
        )

        access_report_institution.additional_properties = d
        return access_report_institution

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
