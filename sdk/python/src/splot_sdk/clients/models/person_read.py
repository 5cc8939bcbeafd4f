from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.contact_channel import ContactChannel
from ..models.sex import Sex

if TYPE_CHECKING:
    from ..models.case_attribute_group import CaseAttributeGroup
    from ..models.registration_read import RegistrationRead


T = TypeVar("T", bound="PersonRead")


@_attrs_define
class PersonRead:
    """
    Attributes:
        id (UUID):
        status (str):
        pesel (None | str):
        document_number (None | str):
        first_name (None | str):
        last_name (None | str):
        birth_date (datetime.date | None):
        birth_year (int):
        sex (Sex):
        citizenship (None | str):
        street (None | str):
        postal_code (None | str):
        city (None | str):
        gmina (None | str):
        phone (None | str):
        email (None | str):
        preferred_contact (ContactChannel | None):
        registered_by_institution_id (UUID):
        registrations (list[RegistrationRead]):
        access_basis (str):
        case_attributes (list[CaseAttributeGroup]):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    status: str
    pesel: None | str
    document_number: None | str
    first_name: None | str
    last_name: None | str
    birth_date: datetime.date | None
    birth_year: int
    sex: Sex
    citizenship: None | str
    street: None | str
    postal_code: None | str
    city: None | str
    gmina: None | str
    phone: None | str
    email: None | str
    preferred_contact: ContactChannel | None
    registered_by_institution_id: UUID
    registrations: list[RegistrationRead]
    access_basis: str
    case_attributes: list[CaseAttributeGroup]
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status

        pesel: None | str
        pesel = self.pesel

        document_number: None | str
        document_number = self.document_number

        first_name: None | str
        first_name = self.first_name

        last_name: None | str
        last_name = self.last_name

        birth_date: None | str
        if isinstance(self.birth_date, datetime.date):
            birth_date = self.birth_date.isoformat()
        else:
            birth_date = self.birth_date

        birth_year = self.birth_year

        sex = self.sex.value

        citizenship: None | str
        citizenship = self.citizenship

        street: None | str
        street = self.street

        postal_code: None | str
        postal_code = self.postal_code

        city: None | str
        city = self.city

        gmina: None | str
        gmina = self.gmina

        phone: None | str
        phone = self.phone

        email: None | str
        email = self.email

        preferred_contact: None | str
        if isinstance(self.preferred_contact, ContactChannel):
            preferred_contact = self.preferred_contact.value
        else:
            preferred_contact = self.preferred_contact

        registered_by_institution_id = str(self.registered_by_institution_id)

        registrations = []
        for registrations_item_data in self.registrations:
            registrations_item = registrations_item_data.to_dict()
            registrations.append(registrations_item)

        access_basis = self.access_basis

        case_attributes = []
        for case_attributes_item_data in self.case_attributes:
            case_attributes_item = case_attributes_item_data.to_dict()
            case_attributes.append(case_attributes_item)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "pesel": pesel,
                "document_number": document_number,
                "first_name": first_name,
                "last_name": last_name,
                "birth_date": birth_date,
                "birth_year": birth_year,
                "sex": sex,
                "citizenship": citizenship,
                "street": street,
                "postal_code": postal_code,
                "city": city,
                "gmina": gmina,
                "phone": phone,
                "email": email,
                "preferred_contact": preferred_contact,
                "registered_by_institution_id": registered_by_institution_id,
                "registrations": registrations,
                "access_basis": access_basis,
                "case_attributes": case_attributes,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_attribute_group import CaseAttributeGroup  # noqa: PLC0415
        from ..models.registration_read import RegistrationRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = d.pop("status")

        def _parse_pesel(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pesel = _parse_pesel(d.pop("pesel"))

        def _parse_document_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        document_number = _parse_document_number(d.pop("document_number"))

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

        birth_year = d.pop("birth_year")

        sex = Sex(d.pop("sex"))

        def _parse_citizenship(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        citizenship = _parse_citizenship(d.pop("citizenship"))

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

        def _parse_gmina(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gmina = _parse_gmina(d.pop("gmina"))

        def _parse_phone(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        phone = _parse_phone(d.pop("phone"))

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        def _parse_preferred_contact(data: object) -> ContactChannel | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                preferred_contact_type_0 = ContactChannel(data)

                return preferred_contact_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContactChannel | None, data)

        preferred_contact = _parse_preferred_contact(d.pop("preferred_contact"))

        registered_by_institution_id = UUID(d.pop("registered_by_institution_id"))

        registrations = []
        _registrations = d.pop("registrations")
        for registrations_item_data in _registrations:
            registrations_item = RegistrationRead.from_dict(registrations_item_data)

            registrations.append(registrations_item)

        access_basis = d.pop("access_basis")

        case_attributes = []
        _case_attributes = d.pop("case_attributes")
        for case_attributes_item_data in _case_attributes:
            case_attributes_item = CaseAttributeGroup.from_dict(case_attributes_item_data)

            case_attributes.append(case_attributes_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        person_read = cls(
            id=id,
            status=status,
            pesel=pesel,
            document_number=document_number,
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            birth_year=birth_year,
            sex=sex,
            citizenship=citizenship,
            street=street,
            postal_code=postal_code,
            city=city,
            gmina=gmina,
            phone=phone,
            email=email,
            preferred_contact=preferred_contact,
            registered_by_institution_id=registered_by_institution_id,
            registrations=registrations,
            access_basis=access_basis,
            case_attributes=case_attributes,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        person_read.additional_properties = d
        return person_read

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
