from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.conference_participant_read import ConferenceParticipantRead


T = TypeVar("T", bound="CaseConferenceRead")


@_attrs_define
class CaseConferenceRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        organiser_institution_id (UUID):
        held_on (datetime.date):
        person_present (bool):
        participants (list[ConferenceParticipantRead]):
        decisions (None | str):
        action_ids (list[UUID]): Plan actions created at this conference
        created_at (datetime.datetime):
    """

    id: UUID
    person_id: UUID
    organiser_institution_id: UUID
    held_on: datetime.date
    person_present: bool
    participants: list[ConferenceParticipantRead]
    decisions: None | str
    action_ids: list[UUID]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        organiser_institution_id = str(self.organiser_institution_id)

        held_on = self.held_on.isoformat()

        person_present = self.person_present

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        decisions: None | str
        decisions = self.decisions

        action_ids = []
        for action_ids_item_data in self.action_ids:
            action_ids_item = str(action_ids_item_data)
            action_ids.append(action_ids_item)

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "organiser_institution_id": organiser_institution_id,
                "held_on": held_on,
                "person_present": person_present,
                "participants": participants,
                "decisions": decisions,
                "action_ids": action_ids,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conference_participant_read import ConferenceParticipantRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        organiser_institution_id = UUID(d.pop("organiser_institution_id"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        person_present = d.pop("person_present")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ConferenceParticipantRead.from_dict(participants_item_data)

            participants.append(participants_item)

        def _parse_decisions(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decisions = _parse_decisions(d.pop("decisions"))

        action_ids = []
        _action_ids = d.pop("action_ids")
        for action_ids_item_data in _action_ids:
            action_ids_item = UUID(action_ids_item_data)

            action_ids.append(action_ids_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        case_conference_read = cls(
            id=id,
            person_id=person_id,
            organiser_institution_id=organiser_institution_id,
            held_on=held_on,
            person_present=person_present,
            participants=participants,
            decisions=decisions,
            action_ids=action_ids,
            created_at=created_at,
        )

        case_conference_read.additional_properties = d
        return case_conference_read

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
