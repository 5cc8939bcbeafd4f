from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OfferRead")


@_attrs_define
class OfferRead:
    """
    Attributes:
        id (UUID):
        institution_id (UUID):
        service_type_code (str):
        name (str):
        description (None | str):
        teryt (str):
        street (None | str):
        postal_code (None | str):
        city (None | str):
        eligibility_note (None | str):
        capacity_available (int | None):
        capacity_max (int | None):
        capacity_updated_at (datetime.datetime | None):
        occupied (int): Places taken by accepted or in-progress Splot referrals
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    institution_id: UUID
    service_type_code: str
    name: str
    description: None | str
    teryt: str
    street: None | str
    postal_code: None | str
    city: None | str
    eligibility_note: None | str
    capacity_available: int | None
    capacity_max: int | None
    capacity_updated_at: datetime.datetime | None
    occupied: int
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        institution_id = str(self.institution_id)

        service_type_code = self.service_type_code

        name = self.name

        description: None | str
        description = self.description

        teryt = self.teryt

        street: None | str
        street = self.street

        postal_code: None | str
        postal_code = self.postal_code

        city: None | str
        city = self.city

        eligibility_note: None | str
        eligibility_note = self.eligibility_note

        capacity_available: int | None
        capacity_available = self.capacity_available

        capacity_max: int | None
        capacity_max = self.capacity_max

        capacity_updated_at: None | str
        if isinstance(self.capacity_updated_at, datetime.datetime):
            capacity_updated_at = self.capacity_updated_at.isoformat()
        else:
            capacity_updated_at = self.capacity_updated_at

        occupied = self.occupied

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "service_type_code": service_type_code,
                "name": name,
                "description": description,
                "teryt": teryt,
                "street": street,
                "postal_code": postal_code,
                "city": city,
                "eligibility_note": eligibility_note,
                "capacity_available": capacity_available,
                "capacity_max": capacity_max,
                "capacity_updated_at": capacity_updated_at,
                "occupied": occupied,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        service_type_code = d.pop("service_type_code")

        name = d.pop("name")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        teryt = d.pop("teryt")

        def _parse_street(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        street = _parse_street(d.pop("street"))

        def _parse_postal_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        postal_code = _parse_postal_code(d.pop("postal_code"))

        def _parse_city(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        city = _parse_city(d.pop("city"))

        def _parse_eligibility_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        eligibility_note = _parse_eligibility_note(d.pop("eligibility_note"))

        def _parse_capacity_available(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity_available = _parse_capacity_available(d.pop("capacity_available"))

        def _parse_capacity_max(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        capacity_max = _parse_capacity_max(d.pop("capacity_max"))

        def _parse_capacity_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                capacity_updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return capacity_updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        capacity_updated_at = _parse_capacity_updated_at(d.pop("capacity_updated_at"))

        occupied = d.pop("occupied")

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        offer_read = cls(
            id=id,
            institution_id=institution_id,
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
            capacity_updated_at=capacity_updated_at,
            occupied=occupied,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        offer_read.additional_properties = d
        return offer_read

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
