from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgreementCreate")


@_attrs_define
class AgreementCreate:
    """
    Attributes:
        title (str):
        document_number (str):
        scope (str):
        valid_from (datetime.date):
        party_ids (list[UUID]): Institutions party to it, including your own
        valid_to (datetime.date | None | Unset):
    """

    title: str
    document_number: str
    scope: str
    valid_from: datetime.date
    party_ids: list[UUID]
    valid_to: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        document_number = self.document_number

        scope = self.scope

        valid_from = self.valid_from.isoformat()

        party_ids = []
        for party_ids_item_data in self.party_ids:
            party_ids_item = str(party_ids_item_data)
            party_ids.append(party_ids_item)

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "document_number": document_number,
                "scope": scope,
                "valid_from": valid_from,
                "party_ids": party_ids,
            }
        )
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        document_number = d.pop("document_number")

        scope = d.pop("scope")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        party_ids = []
        _party_ids = d.pop("party_ids")
        for party_ids_item_data in _party_ids:
            party_ids_item = UUID(party_ids_item_data)

            party_ids.append(party_ids_item)

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        agreement_create = cls(
            title=title,
            document_number=document_number,
            scope=scope,
            valid_from=valid_from,
            party_ids=party_ids,
            valid_to=valid_to,
        )

        return agreement_create
