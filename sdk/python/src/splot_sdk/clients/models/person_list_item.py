from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.sex import Sex

T = TypeVar("T", bound="PersonListItem")


@_attrs_define
class PersonListItem:
    """
    Attributes:
        id (UUID):
        first_name (None | str):
        last_name (None | str):
        birth_date (datetime.date | None):
        sex (Sex):
        gmina (None | str):
        access_basis (str):
    """

    id: UUID
    first_name: None | str
    last_name: None | str
    birth_date: datetime.date | None
    sex: Sex
    gmina: None | str
    access_basis: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        sex = self.sex.value

        gmina: None | str
        gmina = self.gmina

        access_basis = self.access_basis

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "first_name": first_name,
                "last_name": last_name,
                "birth_date": birth_date,
                "sex": sex,
                "gmina": gmina,
                "access_basis": access_basis,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        def _parse_first_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        first_name = _parse_first_name(d.pop("first_name"))

        def _parse_last_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_name = _parse_last_name(d.pop("last_name"))

        def _parse_birth_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                birth_date_type_0 = datetime.date.fromisoformat(data)

                return birth_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        birth_date = _parse_birth_date(d.pop("birth_date"))

        sex = Sex(d.pop("sex"))

        def _parse_gmina(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gmina = _parse_gmina(d.pop("gmina"))

        access_basis = d.pop("access_basis")

        person_list_item = cls(
            id=id,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            sex=sex,
            gmina=gmina,
            access_basis=access_basis,
        )

        person_list_item.additional_properties = d
        return person_list_item

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
