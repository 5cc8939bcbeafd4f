from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.contact_channel import ContactChannel
from ..models.sex import Sex
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonUpdate")


@_attrs_define
class PersonUpdate:
    """
    Attributes:
        pesel (None | str | Unset):
        document_number (None | str | Unset):
        first_name (None | str | Unset):
        last_name (None | str | Unset):
        birth_date (datetime.date | None | Unset):
        sex (None | Sex | Unset):
        citizenship (None | str | Unset):
        street (None | str | Unset):
        postal_code (None | str | Unset):
        city (None | str | Unset):
        gmina (None | str | Unset):
        phone (None | str | Unset):
        email (None | str | Unset):
        preferred_contact (ContactChannel | None | Unset):
    """

    pesel: None | str | Unset = UNSET
    document_number: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    birth_date: datetime.date | None | Unset = UNSET
    sex: None | Sex | Unset = UNSET
    citizenship: None | str | Unset = UNSET
    street: None | str | Unset = UNSET
    postal_code: None | str | Unset = UNSET
    city: None | str | Unset = UNSET
    gmina: None | str | Unset = UNSET
    phone: None | str | Unset = UNSET
    email: None | str | Unset = UNSET
    preferred_contact: ContactChannel | None | Unset = UNSET

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

        first_name: None | str | Unset
        if isinstance(self.first_name, Unset):
            first_name = UNSET
        else:
            first_name = self.first_name

        last_name: None | str | Unset
        if isinstance(self.last_name, Unset):
            last_name = UNSET
        else:
            last_name = self.last_name

        birth_date: None | str | Unset
        if isinstance(self.birth_date, Unset):
            birth_date = UNSET
        elif isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        sex: None | str | Unset
        if isinstance(self.sex, Unset):
            sex = UNSET
        elif isinstance(self.sex, Sex):
            sex = self.sex.value
        else:
            sex = self.sex

        citizenship: None | str | Unset
        if isinstance(self.citizenship, Unset):
            citizenship = UNSET
        else:
            citizenship = self.citizenship

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

        gmina: None | str | Unset
        if isinstance(self.gmina, Unset):
            gmina = UNSET
        else:
            gmina = self.gmina

        phone: None | str | Unset
        if isinstance(self.phone, Unset):
            phone = UNSET
        else:
            phone = self.phone

        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email

        preferred_contact: None | str | Unset
        if isinstance(self.preferred_contact, Unset):
            preferred_contact = UNSET
        elif isinstance(self.preferred_contact, ContactChannel):
            preferred_contact = self.preferred_contact.value
        else:
            preferred_contact = self.preferred_contact

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if pesel is not UNSET:
            field_dict["pesel"] = pesel
        if document_number is not UNSET:
            field_dict["document_number"] = document_number
        if first_name is not UNSET:
            field_dict["first_name"] = first_name
        if last_name is not UNSET:
            field_dict["last_name"] = last_name
        if birth_date is not UNSET:
            field_dict["birth_date"] = birth_date
        if sex is not UNSET:
            field_dict["sex"] = sex
        if citizenship is not UNSET:
            field_dict["citizenship"] = citizenship
        if street is not UNSET:
            field_dict["street"] = street
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if gmina is not UNSET:
            field_dict["gmina"] = gmina
        if phone is not UNSET:
            field_dict["phone"] = phone
        if email is not UNSET:
            field_dict["email"] = email
        if preferred_contact is not UNSET:
            field_dict["preferred_contact"] = preferred_contact

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

        def _parse_first_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        first_name = _parse_first_name(d.pop("first_name", UNSET))

        def _parse_last_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_name = _parse_last_name(d.pop("last_name", UNSET))

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

        def _parse_sex(data: object) -> None | Sex | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sex_type_0 = Sex(data)

                return sex_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Sex | Unset, data)

        sex = _parse_sex(d.pop("sex", UNSET))

        def _parse_citizenship(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        citizenship = _parse_citizenship(d.pop("citizenship", UNSET))

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

        def _parse_gmina(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        gmina = _parse_gmina(d.pop("gmina", UNSET))

        def _parse_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        phone = _parse_phone(d.pop("phone", UNSET))

        def _parse_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        email = _parse_email(d.pop("email", UNSET))

        def _parse_preferred_contact(data: object) -> ContactChannel | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_contact_type_0 = ContactChannel(data)

                return preferred_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactChannel | None | Unset, data)

        preferred_contact = _parse_preferred_contact(d.pop("preferred_contact", UNSET))

        person_update = cls(
            pesel=pesel,
            document_number=document_number,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            sex=sex,
            citizenship=citizenship,
            street=street,
            postal_code=postal_code,
            city=city,
            gmina=gmina,
            phone=phone,
            email=email,
            preferred_contact=preferred_contact,
        )

        return person_update
