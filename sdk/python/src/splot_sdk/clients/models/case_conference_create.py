from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.conference_participant import ConferenceParticipant


T = TypeVar("T", bound="CaseConferenceCreate")


@_attrs_define
class CaseConferenceCreate:
    """
    Attributes:
        held_on (datetime.date):
        person_present (bool):
        participants (list[ConferenceParticipant]):
        decisions (None | str | Unset):
    """

    held_on: datetime.date
    person_present: bool
    participants: list[ConferenceParticipant]
    decisions: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        held_on = self.held_on.isoformat()

        person_present = self.person_present

        participants = []
        for participants_item_data in self.participants:
            participants_item = participants_item_data.to_dict()
            participants.append(participants_item)

        decisions: None | str | Unset
        if isinstance(self.decisions, Unset):
            decisions = UNSET
        else:
            decisions = self.decisions

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "person_present": person_present,
                "participants": participants,
            }
        )
        if decisions is not UNSET:
            field_dict["decisions"] = decisions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.conference_participant import ConferenceParticipant  # noqa: PLC0415

        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        person_present = d.pop("person_present")

        participants = []
        _participants = d.pop("participants")
        for participants_item_data in _participants:
            participants_item = ConferenceParticipant.from_dict(participants_item_data)

            participants.append(participants_item)

        def _parse_decisions(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decisions = _parse_decisions(d.pop("decisions", UNSET))

        case_conference_create = cls(
            held_on=held_on,
            person_present=person_present,
            participants=participants,
            decisions=decisions,
        )

        return case_conference_create
