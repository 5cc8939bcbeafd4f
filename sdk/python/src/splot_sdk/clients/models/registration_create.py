from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistrationCreate")


@_attrs_define
class RegistrationCreate:
    """Register a person your institution serves; prove it with their PESEL or document number
    and declare why your institution serves them (audited, shown to the person's access report).

        Attributes:
            reason (str): Why your institution serves the person (10-1000 characters)
            pesel (None | str | Unset):
            document_number (None | str | Unset):
            external_id (None | str | Unset):
    """

    reason: str
    pesel: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        pesel: None | str | Unset
        if isinstance(self.pesel, Unset):
            pesel = UNSET
        else:
            pesel = self.pesel

        document_number: None | str | Unset
        if isinstance(self.document_number, Unset):
            document_number = UNSET
        else:
            document_number = self.document_number

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if pesel is not UNSET:
            field_dict["pesel"] = pesel
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_pesel(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        pesel = _parse_pesel(d.pop("pesel", UNSET))

        def _parse_document_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        document_number = _parse_document_number(d.pop("document_number", UNSET))

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))

        registration_create = cls(
            reason=reason,
            pesel=pesel,
            document_number=document_number,
            external_id=external_id,
        )

        return registration_create
