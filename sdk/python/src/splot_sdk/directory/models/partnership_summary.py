from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.partnership_summary_status import PartnershipSummaryStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnershipSummary")


@_attrs_define
class PartnershipSummary:
    """What anyone allowed to know of the partnership sees (analysts: only this).

    Attributes:
        id (UUID):
        name (str):
        area_teryt (list[str]):
        status (PartnershipSummaryStatus):
        leader_institution_id (UUID):
        party_ids (list[UUID]):
        programme (None | str | Unset): The code of the partnership's programme
    """

    id: UUID
    name: str
    area_teryt: list[str]
    status: PartnershipSummaryStatus
    leader_institution_id: UUID
    party_ids: list[UUID]
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
            }
        )
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        area_teryt = cast(list[str], d.pop("area_teryt"))

        status = PartnershipSummaryStatus(d.pop("status"))

        leader_institution_id = UUID(d.pop("leader_institution_id"))

        party_ids = []
        _party_ids = d.pop("party_ids")
        for party_ids_item_data in _party_ids:
            party_ids_item = UUID(party_ids_item_data)

            party_ids.append(party_ids_item)

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        partnership_summary = cls(
            id=id,
            name=name,
            area_teryt=area_teryt,
            status=status,
            leader_institution_id=leader_institution_id,
            party_ids=party_ids,
            programme=programme,
        )

        partnership_summary.additional_properties = d
        return partnership_summary

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
