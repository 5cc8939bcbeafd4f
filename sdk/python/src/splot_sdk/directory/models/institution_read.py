from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.institution_type import InstitutionType

T = TypeVar("T", bound="InstitutionRead")


@_attrs_define
class InstitutionRead:
    """
    Attributes:
        id (UUID):
        type_ (InstitutionType):
        name (str):
        short_name (None | str):
        teryt (str):
        powiat_code (str):
        voivodeship_code (str):
        regon (None | str):
        krs (None | str):
        nip (None | str):
        street (None | str):
        postal_code (None | str):
        city (None | str):
        email (None | str):
        phone (None | str):
        website (None | str):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    type_: InstitutionType
    name: str
    short_name: None | str
    teryt: str
    powiat_code: str
    voivodeship_code: str
    regon: None | str
    krs: None | str
    nip: None | str
    street: None | str
    postal_code: None | str
    city: None | str
    email: None | str
    phone: None | str
    website: None | str
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        type_ = self.type_.value

        name = self.name

        short_name: None | str
        short_name = self.short_name

        teryt = self.teryt

        powiat_code = self.powiat_code

        voivodeship_code = self.voivodeship_code

        regon: None | str
        regon = self.regon

        krs: None | str
        krs = self.krs

        nip: None | str
        nip = self.nip

        street: None | str
        street = self.street

        postal_code: None | str
        postal_code = self.postal_code

        city: None | str
        city = self.city

        email: None | str
        email = self.email

        phone: None | str
        phone = self.phone

        website: None | str
        website = self.website

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "type": type_,
                "name": name,
                "short_name": short_name,
                "teryt": teryt,
                "powiat_code": powiat_code,
                "voivodeship_code": voivodeship_code,
                "regon": regon,
                "krs": krs,
                "nip": nip,
                "street": street,
                "postal_code": postal_code,
                "city": city,
                "email": email,
                "phone": phone,
                "website": website,
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

        type_ = InstitutionType(d.pop("type"))

        name = d.pop("name")

        def _parse_short_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        short_name = _parse_short_name(d.pop("short_name"))

        teryt = d.pop("teryt")

        powiat_code = d.pop("powiat_code")

        voivodeship_code = d.pop("voivodeship_code")

        def _parse_regon(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        regon = _parse_regon(d.pop("regon"))

        def _parse_krs(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        krs = _parse_krs(d.pop("krs"))

        def _parse_nip(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        nip = _parse_nip(d.pop("nip"))

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

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_website(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        website = _parse_website(d.pop("website"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        institution_read = cls(
            id=id,
            type_=type_,
            name=name,
            short_name=short_name,
            teryt=teryt,
            powiat_code=powiat_code,
            voivodeship_code=voivodeship_code,
            regon=regon,
            krs=krs,
            nip=nip,
            street=street,
            postal_code=postal_code,
            city=city,
            email=email,
            phone=phone,
            website=website,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        institution_read.additional_properties = d
        return institution_read

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
