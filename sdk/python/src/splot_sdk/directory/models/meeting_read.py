from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.decision_read import DecisionRead
    from ..models.minutes_read import MinutesRead


T = TypeVar("T", bound="MeetingRead")


@_attrs_define
class MeetingRead:
    """
    Attributes:
        id (UUID):
        held_on (datetime.date):
        present_institution_ids (list[UUID]):
        agenda (str):
        decisions (list[DecisionRead]):
        minutes (MinutesRead | None):
        next_meeting_on (datetime.date | None):
        recorded_by_institution_id (UUID):
        version (int):
    """

    id: UUID
    held_on: datetime.date
    present_institution_ids: list[UUID]
    agenda: str
    decisions: list[DecisionRead]
    minutes: MinutesRead | None
    next_meeting_on: datetime.date | None
    recorded_by_institution_id: UUID
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.minutes_read import MinutesRead  # noqa: PLC0415

        id = str(self.id)

        held_on = self.held_on.isoformat()

        present_institution_ids = []
        for present_institution_ids_item_data in self.present_institution_ids:
            present_institution_ids_item = str(present_institution_ids_item_data)
            present_institution_ids.append(present_institution_ids_item)

        agenda = self.agenda

        decisions = []
        for decisions_item_data in self.decisions:
            decisions_item = decisions_item_data.to_dict()
            decisions.append(decisions_item)

        minutes: dict[str, Any] | None
        if isinstance(self.minutes, MinutesRead):
            minutes = self.minutes.to_dict()
        else:
            minutes = self.minutes

        next_meeting_on: None | str
        if isinstance(self.next_meeting_on, datetime.date):
            next_meeting_on = self.next_meeting_on.isoformat()
        else:
            next_meeting_on = self.next_meeting_on

        recorded_by_institution_id = str(self.recorded_by_institution_id)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "held_on": held_on,
                "present_institution_ids": present_institution_ids,
                "agenda": agenda,
                "decisions": decisions,
                "minutes": minutes,
                "next_meeting_on": next_meeting_on,
                "recorded_by_institution_id": recorded_by_institution_id,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.decision_read import DecisionRead  # noqa: PLC0415
        from ..models.minutes_read import MinutesRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        present_institution_ids = []
        _present_institution_ids = d.pop("present_institution_ids")
        for present_institution_ids_item_data in _present_institution_ids:
            present_institution_ids_item = UUID(present_institution_ids_item_data)

            present_institution_ids.append(present_institution_ids_item)

        agenda = d.pop("agenda")

        decisions = []
        _decisions = d.pop("decisions")
        for decisions_item_data in _decisions:
            decisions_item = DecisionRead.from_dict(decisions_item_data)

            decisions.append(decisions_item)

        def _parse_minutes(data: object) -> MinutesRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                minutes_type_0 = MinutesRead.from_dict(data)

                return minutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MinutesRead | None, data)

        minutes = _parse_minutes(d.pop("minutes"))

        def _parse_next_meeting_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_meeting_on_type_0 = datetime.date.fromisoformat(data)

                return next_meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_meeting_on = _parse_next_meeting_on(d.pop("next_meeting_on"))

        recorded_by_institution_id = UUID(d.pop("recorded_by_institution_id"))

        version = d.pop("version")

        meeting_read = cls(
            id=id,
            held_on=held_on,
            present_institution_ids=present_institution_ids,
            agenda=agenda,
            decisions=decisions,
            minutes=minutes,
            next_meeting_on=next_meeting_on,
            recorded_by_institution_id=recorded_by_institution_id,
            version=version,
        )

        meeting_read.additional_properties = d
        return meeting_read

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
