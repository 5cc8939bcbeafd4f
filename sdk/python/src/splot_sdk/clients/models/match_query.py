from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="MatchQuery")


@_attrs_define
class MatchQuery:
    """
    Attributes:
        first_name (str):
        last_name (str):
        pesel (None | str | Unset):
        document_number (None | str | Unset):
        birth_date (datetime.date | None | Unset): Required without a PESEL
    """

    first_name: str
    last_name: str
    pesel: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        first_name = self.first_name

        last_name = self.last_name

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

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "first_name": first_name,
                "last_name": last_name,
            }
        )
        if pesel is not UNSET:
            field_dict["pesel"] = pesel
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_name = d.pop("first_name")

        last_name = d.pop("last_name")

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

        def _parse_birth_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        birth_date = _parse_birth_date(d.pop("birth_date", UNSET))

        match_query = cls(
            first_name=first_name,
            last_name=last_name,
            pesel=pesel,
            document_number=document_number,
            birth_date=birth_date,
        )

        return match_query
