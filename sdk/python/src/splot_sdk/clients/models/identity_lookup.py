from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IdentityLookup")


@_attrs_define
class IdentityLookup:
    """
    Attributes:
        pesel (None | str | Unset):
        document_number (None | str | Unset):
    """

    pesel: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
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

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pesel is not UNSET:
            field_dict["pesel"] = pesel
        if document_number is not UNSET:
            field_dict["document_number"] = document_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

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

        identity_lookup = cls(
            pesel=pesel,
            document_number=document_number,
        )

        return identity_lookup
