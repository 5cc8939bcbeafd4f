from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PartnershipUpdate")


@_attrs_define
class PartnershipUpdate:
    """
    Attributes:
        name (None | str | Unset):
        purpose (None | str | Unset):
        area_teryt (list[str] | None | Unset):
        leader_institution_id (None | Unset | UUID):
        coordinator_subject (None | str | Unset):
        coordinator_name (None | str | Unset):
        programme (None | str | Unset): A code of the programme catalogue
    """

    name: None | str | Unset = UNSET
    purpose: None | str | Unset = UNSET
    area_teryt: list[str] | None | Unset = UNSET
    leader_institution_id: None | Unset | UUID = UNSET
    coordinator_subject: None | str | Unset = UNSET
    coordinator_name: None | str | Unset = UNSET
    programme: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        purpose: None | str | Unset
        if isinstance(self.purpose, Unset):
            purpose = UNSET
        else:
            purpose = self.purpose

        area_teryt: list[str] | None | Unset
        if isinstance(self.area_teryt, Unset):
            area_teryt = UNSET
        elif isinstance(self.area_teryt, list):
            area_teryt = self.area_teryt

        else:
            area_teryt = self.area_teryt

        leader_institution_id: None | str | Unset
        if isinstance(self.leader_institution_id, Unset):
            leader_institution_id = UNSET
        elif isinstance(self.leader_institution_id, UUID):
            leader_institution_id = str(self.leader_institution_id)
        else:
            leader_institution_id = self.leader_institution_id

        coordinator_subject: None | str | Unset
        if isinstance(self.coordinator_subject, Unset):
            coordinator_subject = UNSET
        else:
            coordinator_subject = self.coordinator_subject

        coordinator_name: None | str | Unset
        if isinstance(self.coordinator_name, Unset):
            coordinator_name = UNSET
        else:
            coordinator_name = self.coordinator_name

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if purpose is not UNSET:
            field_dict["purpose"] = purpose
        if area_teryt is not UNSET:
            field_dict["area_teryt"] = area_teryt
        if leader_institution_id is not UNSET:
            field_dict["leader_institution_id"] = leader_institution_id
        if coordinator_subject is not UNSET:
            field_dict["coordinator_subject"] = coordinator_subject
        if coordinator_name is not UNSET:
            field_dict["coordinator_name"] = coordinator_name
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_purpose(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        purpose = _parse_purpose(d.pop("purpose", UNSET))

        def _parse_area_teryt(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                area_teryt_type_0 = cast(list[str], data)

                return area_teryt_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        area_teryt = _parse_area_teryt(d.pop("area_teryt", UNSET))

        def _parse_leader_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                leader_institution_id_type_0 = UUID(data)

                return leader_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        leader_institution_id = _parse_leader_institution_id(d.pop("leader_institution_id", UNSET))

        def _parse_coordinator_subject(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coordinator_subject = _parse_coordinator_subject(d.pop("coordinator_subject", UNSET))

        def _parse_coordinator_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        coordinator_name = _parse_coordinator_name(d.pop("coordinator_name", UNSET))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        partnership_update = cls(
            name=name,
            purpose=purpose,
            area_teryt=area_teryt,
            leader_institution_id=leader_institution_id,
            coordinator_subject=coordinator_subject,
            coordinator_name=coordinator_name,
            programme=programme,
        )

        return partnership_update
