from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partnership_read_access import PartnershipReadAccess
from ..models.partnership_read_status import PartnershipReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agreement_version_read import AgreementVersionRead
    from ..models.party_read import PartyRead


T = TypeVar("T", bound="PartnershipRead")


@_attrs_define
class PartnershipRead:
    """The partnership as its parties and invited institutions see it (``access`` says which).

    Attributes:
        id (UUID):
        name (str):
        area_teryt (list[str]):
        status (PartnershipReadStatus):
        leader_institution_id (UUID):
        party_ids (list[UUID]):
        access (PartnershipReadAccess):
        purpose (str):
        proposed_by_institution_id (UUID):
        coordinator_subject (None | str):
        coordinator_name (None | str):
        parties (list[PartyRead]):
        agreements (list[AgreementVersionRead]):
        version (int):
        created_at (datetime.datetime):
        programme (None | str | Unset): The code of the partnership's programme
    """

    id: UUID
    name: str
    area_teryt: list[str]
    status: PartnershipReadStatus
    leader_institution_id: UUID
    party_ids: list[UUID]
    access: PartnershipReadAccess
    purpose: str
    proposed_by_institution_id: UUID
    coordinator_subject: None | str
    coordinator_name: None | str
    parties: list[PartyRead]
    agreements: list[AgreementVersionRead]
    version: int
    created_at: datetime.datetime
    programme: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        area_teryt = self.area_teryt

        status = self.status.value

        leader_institution_id = str(self.leader_institution_id)

        party_ids = []
        for party_ids_item_data in self.party_ids:
            party_ids_item = str(party_ids_item_data)
            party_ids.append(party_ids_item)

        access = self.access.value

        purpose = self.purpose

        proposed_by_institution_id = str(self.proposed_by_institution_id)

        coordinator_subject: None | str
        coordinator_subject = self.coordinator_subject

        coordinator_name: None | str
        coordinator_name = self.coordinator_name

        parties = []
        for parties_item_data in self.parties:
            parties_item = parties_item_data.to_dict()
            parties.append(parties_item)

        agreements = []
        for agreements_item_data in self.agreements:
            agreements_item = agreements_item_data.to_dict()
            agreements.append(agreements_item)

        version = self.version

        created_at = self.created_at.isoformat()

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "area_teryt": area_teryt,
                "status": status,
                "leader_institution_id": leader_institution_id,
                "party_ids": party_ids,
                "access": access,
                "purpose": purpose,
                "proposed_by_institution_id": proposed_by_institution_id,
                "coordinator_subject": coordinator_subject,
                "coordinator_name": coordinator_name,
                "parties": parties,
                "agreements": agreements,
                "version": version,
                "created_at": created_at,
            }
        )
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agreement_version_read import AgreementVersionRead  # noqa: PLC0415
        from ..models.party_read import PartyRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        area_teryt = cast(list[str], d.pop("area_teryt"))

        status = PartnershipReadStatus(d.pop("status"))

        leader_institution_id = UUID(d.pop("leader_institution_id"))

        party_ids = []
        _party_ids = d.pop("party_ids")
        for party_ids_item_data in _party_ids:
            party_ids_item = UUID(party_ids_item_data)

            party_ids.append(party_ids_item)

        access = PartnershipReadAccess(d.pop("access"))

        purpose = d.pop("purpose")

        proposed_by_institution_id = UUID(d.pop("proposed_by_institution_id"))

        def _parse_coordinator_subject(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coordinator_subject = _parse_coordinator_subject(d.pop("coordinator_subject"))

        def _parse_coordinator_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        coordinator_name = _parse_coordinator_name(d.pop("coordinator_name"))

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = PartyRead.from_dict(parties_item_data)

            parties.append(parties_item)

        agreements = []
        _agreements = d.pop("agreements")
        for agreements_item_data in _agreements:
            agreements_item = AgreementVersionRead.from_dict(agreements_item_data)

            agreements.append(agreements_item)

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        partnership_read = cls(
            id=id,
            name=name,
            area_teryt=area_teryt,
            status=status,
            leader_institution_id=leader_institution_id,
            party_ids=party_ids,
            access=access,
            purpose=purpose,
            proposed_by_institution_id=proposed_by_institution_id,
            coordinator_subject=coordinator_subject,
            coordinator_name=coordinator_name,
            parties=parties,
            agreements=agreements,
            version=version,
            created_at=created_at,
            programme=programme,
        )

        partnership_read.additional_properties = d
        return partnership_read

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
