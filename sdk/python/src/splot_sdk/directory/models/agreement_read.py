from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agreement_read_status import AgreementReadStatus

T = TypeVar("T", bound="AgreementRead")


@_attrs_define
class AgreementRead:
    """
    Attributes:
        id (UUID):
        title (str):
        document_number (str):
        scope (str):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        party_ids (list[UUID]):
        in_force (bool):
        status (AgreementReadStatus):
        confirmed_on (datetime.date | None):
        partnership_id (None | UUID):
        created_by_institution_id (UUID):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: UUID
    title: str
    document_number: str
    scope: str
    valid_from: datetime.date
    valid_to: datetime.date | None
    party_ids: list[UUID]
    in_force: bool
    status: AgreementReadStatus
    confirmed_on: datetime.date | None
    partnership_id: None | UUID
    created_by_institution_id: UUID
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        document_number = self.document_number

        scope = self.scope

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        party_ids = []
        for party_ids_item_data in self.party_ids:
            party_ids_item = str(party_ids_item_data)
            party_ids.append(party_ids_item)

        in_force = self.in_force

        status = self.status.value

        confirmed_on: None | str
        if isinstance(self.confirmed_on, datetime.date):
            confirmed_on = self.confirmed_on.isoformat()
        else:
            confirmed_on = self.confirmed_on

        partnership_id: None | str
        if isinstance(self.partnership_id, UUID):
            partnership_id = str(self.partnership_id)
        else:
            partnership_id = self.partnership_id

        created_by_institution_id = str(self.created_by_institution_id)

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "document_number": document_number,
                "scope": scope,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "party_ids": party_ids,
                "in_force": in_force,
                "status": status,
                "confirmed_on": confirmed_on,
                "partnership_id": partnership_id,
                "created_by_institution_id": created_by_institution_id,
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

        title = d.pop("title")

        document_number = d.pop("document_number")

        scope = d.pop("scope")

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        party_ids = []
        _party_ids = d.pop("party_ids")
        for party_ids_item_data in _party_ids:
            party_ids_item = UUID(party_ids_item_data)

            party_ids.append(party_ids_item)

        in_force = d.pop("in_force")

        status = AgreementReadStatus(d.pop("status"))

        def _parse_confirmed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_on_type_0 = datetime.date.fromisoformat(data)

                return confirmed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        confirmed_on = _parse_confirmed_on(d.pop("confirmed_on"))

        def _parse_partnership_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partnership_id_type_0 = UUID(data)

                return partnership_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        partnership_id = _parse_partnership_id(d.pop("partnership_id"))

        created_by_institution_id = UUID(d.pop("created_by_institution_id"))

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        agreement_read = cls(
            id=id,
            title=title,
            document_number=document_number,
            scope=scope,
            valid_from=valid_from,
            valid_to=valid_to,
            party_ids=party_ids,
            in_force=in_force,
            status=status,
            confirmed_on=confirmed_on,
            partnership_id=partnership_id,
            created_by_institution_id=created_by_institution_id,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
        )

        agreement_read.additional_properties = d
        return agreement_read

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
