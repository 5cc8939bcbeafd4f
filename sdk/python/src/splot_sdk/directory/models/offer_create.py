from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="OfferCreate")


@_attrs_define
class OfferCreate:
    """
    Attributes:
        service_type_code (str):
        name (str):
        description (None | str | Unset):
        teryt (None | str | Unset): Gmina where it is delivered; defaults to the institution's
        street (None | str | Unset):
        postal_code (None | str | Unset):
        city (None | str | Unset):
        eligibility_note (None | str | Unset):
        capacity_available (int | None | Unset):
        capacity_max (int | None | Unset):
    """

    service_type_code: str
    name: str
    description: None | str | Unset = UNSET
    teryt: None | str | Unset = UNSET
    street: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    eligibility_note: None | str | Unset = UNSET
    capacity_available: int | None | Unset = UNSET
    capacity_max: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        service_type_code = self.service_type_code

        name = self.name

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        teryt: None | str | Unset
        if isinstance(self.teryt, Unset):
            teryt = UNSET
        else:
            teryt = self.teryt

        street: None | str | Unset
        if isinstance(self.street, Unset):
            street = UNSET
        else:
            street = self.street

        postal_code: None | str | Unset
        if isinstance(self.postal_code, Unset):
            postal_code = UNSET
        else:
            postal_code = self.postal_code

        city: None | str | Unset
        if isinstance(self.city, Unset):
            city = UNSET
        else:
            city = self.city

        eligibility_note: None | str | Unset
        if isinstance(self.eligibility_note, Unset):
            eligibility_note = UNSET
        else:
            eligibility_note = self.eligibility_note

        capacity_available: int | None | Unset
        if isinstance(self.capacity_available, Unset):
            capacity_available = UNSET
        else:
            capacity_available = self.capacity_available

        capacity_max: int | None | Unset
        if isinstance(self.capacity_max, Unset):
            capacity_max = UNSET
        else:
            capacity_max = self.capacity_max

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "service_type_code": service_type_code,
                "name": name,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if teryt is not UNSET:
            field_dict["teryt"] = teryt
        if street is not UNSET:
            field_dict["street"] = street
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if eligibility_note is not UNSET:
            field_dict["eligibility_note"] = eligibility_note
        if capacity_available is not UNSET:
            field_dict["capacity_available"] = capacity_available
        if capacity_max is not UNSET:
            field_dict["capacity_max"] = capacity_max

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        service_type_code = d.pop("service_type_code")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_teryt(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        teryt = _parse_teryt(d.pop("teryt", UNSET))

        def _parse_street(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        street = _parse_street(d.pop("street", UNSET))

        def _parse_postal_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        postal_code = _parse_postal_code(d.pop("postal_code", UNSET))

        def _parse_city(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        city = _parse_city(d.pop("city", UNSET))

        def _parse_eligibility_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        eligibility_note = _parse_eligibility_note(d.pop("eligibility_note", UNSET))

        def _parse_capacity_available(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity_available = _parse_capacity_available(d.pop("capacity_available", UNSET))

        def _parse_capacity_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        capacity_max = _parse_capacity_max(d.pop("capacity_max", UNSET))

        offer_create = cls(
            service_type_code=service_type_code,
            name=name,
            description=description,
            teryt=teryt,
            street=street,
            postal_code=postal_code,
            city=city,
            eligibility_note=eligibility_note,
            capacity_available=capacity_available,
            capacity_max=capacity_max,
        )

        return offer_create
