from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnershipCreate")


@_attrs_define
class PartnershipCreate:
    """
    Attributes:
        name (str):
        purpose (str): Why the partnership is proposed
        area_teryt (list[str]):
        invited_institution_ids (list[UUID]):
        programme (None | str | Unset): A code of the programme catalogue
    """

    name: str
    purpose: str
    area_teryt: list[str]
    invited_institution_ids: list[UUID]
    programme: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        purpose = self.purpose

        area_teryt = self.area_teryt

        invited_institution_ids = []
        for invited_institution_ids_item_data in self.invited_institution_ids:
            invited_institution_ids_item = str(invited_institution_ids_item_data)
            invited_institution_ids.append(invited_institution_ids_item)

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "purpose": purpose,
                "area_teryt": area_teryt,
                "invited_institution_ids": invited_institution_ids,
            }
        )
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        purpose = d.pop("purpose")

        area_teryt = cast(list[str], d.pop("area_teryt"))

        invited_institution_ids = []
        _invited_institution_ids = d.pop("invited_institution_ids")
        for invited_institution_ids_item_data in _invited_institution_ids:
            invited_institution_ids_item = UUID(invited_institution_ids_item_data)

            invited_institution_ids.append(invited_institution_ids_item)

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        partnership_create = cls(
            name=name,
            purpose=purpose,
            area_teryt=area_teryt,
            invited_institution_ids=invited_institution_ids,
            programme=programme,
        )

        return partnership_create
