from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.annex import Annex


T = TypeVar("T", bound="AgreementVersionCreate")


@_attrs_define
class AgreementVersionCreate:
    """
    Attributes:
        title (str):
        document_number (str):
        text (str):
        valid_from (datetime.date):
        annexes (list[Annex] | Unset):
        valid_to (datetime.date | None | Unset):
        amends_id (None | Unset | UUID): The version this one amends
    """

    title: str
    document_number: str
    text: str
    valid_from: datetime.date
    annexes: list[Annex] | Unset = UNSET
    valid_to: datetime.date | None | Unset = UNSET
    amends_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        document_number = self.document_number

        text = self.text

        valid_from = self.valid_from.isoformat()

        annexes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.annexes, Unset):
            annexes = []
            for annexes_item_data in self.annexes:
                annexes_item = annexes_item_data.to_dict()
                annexes.append(annexes_item)

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        amends_id: None | str | Unset
        if isinstance(self.amends_id, Unset):
            amends_id = UNSET
        elif isinstance(self.amends_id, UUID):
            amends_id = str(self.amends_id)
        else:
            amends_id = self.amends_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "document_number": document_number,
                "text": text,
                "valid_from": valid_from,
            }
        )
        if annexes is not UNSET:
            field_dict["annexes"] = annexes
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to
        if amends_id is not UNSET:
            field_dict["amends_id"] = amends_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annex import Annex  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        document_number = d.pop("document_number")

        text = d.pop("text")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        _annexes = d.pop("annexes", UNSET)
        annexes: list[Annex] | Unset = UNSET
        if _annexes is not UNSET:
            annexes = []
            for annexes_item_data in _annexes:
                annexes_item = Annex.from_dict(annexes_item_data)

                annexes.append(annexes_item)

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

        def _parse_amends_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amends_id_type_0 = UUID(data)

                return amends_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        amends_id = _parse_amends_id(d.pop("amends_id", UNSET))

        agreement_version_create = cls(
            title=title,
            document_number=document_number,
            text=text,
            valid_from=valid_from,
            annexes=annexes,
            valid_to=valid_to,
            amends_id=amends_id,
        )

        return agreement_version_create
