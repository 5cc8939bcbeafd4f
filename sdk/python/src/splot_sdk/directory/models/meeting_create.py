from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment import Attachment
    from ..models.decision import Decision


T = TypeVar("T", bound="MeetingCreate")


@_attrs_define
class MeetingCreate:
    """
    Attributes:
        held_on (datetime.date):
        present_institution_ids (list[UUID]):
        agenda (str):
        decisions (list[Decision] | Unset):
        minutes (Attachment | None | Unset):
        next_meeting_on (datetime.date | None | Unset):
    """

    held_on: datetime.date
    present_institution_ids: list[UUID]
    agenda: str
    decisions: list[Decision] | Unset = UNSET
    minutes: Attachment | None | Unset = UNSET
    next_meeting_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment import Attachment  # noqa: PLC0415

        held_on = self.held_on.isoformat()

        present_institution_ids = []
        for present_institution_ids_item_data in self.present_institution_ids:
            present_institution_ids_item = str(present_institution_ids_item_data)
            present_institution_ids.append(present_institution_ids_item)

        agenda = self.agenda

        decisions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.decisions, Unset):
            decisions = []
            for decisions_item_data in self.decisions:
                decisions_item = decisions_item_data.to_dict()
                decisions.append(decisions_item)

        minutes: dict[str, Any] | None | Unset
        if isinstance(self.minutes, Unset):
            minutes = UNSET
        elif isinstance(self.minutes, Attachment):
            minutes = self.minutes.to_dict()
        else:
            minutes = self.minutes

        next_meeting_on: None | str | Unset
        if isinstance(self.next_meeting_on, Unset):
            next_meeting_on = UNSET
        elif isinstance(self.next_meeting_on, datetime.date):
            next_meeting_on = self.next_meeting_on.isoformat()
        else:
            next_meeting_on = self.next_meeting_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "held_on": held_on,
                "present_institution_ids": present_institution_ids,
                "agenda": agenda,
            }
        )
        if decisions is not UNSET:
            field_dict["decisions"] = decisions
        if minutes is not UNSET:
            field_dict["minutes"] = minutes
        if next_meeting_on is not UNSET:
            field_dict["next_meeting_on"] = next_meeting_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415
        from ..models.decision import Decision  # noqa: PLC0415

        d = dict(src_dict)
        held_on = datetime.date.fromisoformat(d.pop("held_on"))

        present_institution_ids = []
        _present_institution_ids = d.pop("present_institution_ids")
        for present_institution_ids_item_data in _present_institution_ids:
            present_institution_ids_item = UUID(present_institution_ids_item_data)

            present_institution_ids.append(present_institution_ids_item)

        agenda = d.pop("agenda")

        _decisions = d.pop("decisions", UNSET)
        decisions: list[Decision] | Unset = UNSET
        if _decisions is not UNSET:
            decisions = []
            for decisions_item_data in _decisions:
                decisions_item = Decision.from_dict(decisions_item_data)

                decisions.append(decisions_item)

        def _parse_minutes(data: object) -> Attachment | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                minutes_type_0 = Attachment.from_dict(data)

                return minutes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Attachment | None | Unset, data)

        minutes = _parse_minutes(d.pop("minutes", UNSET))

        def _parse_next_meeting_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_meeting_on_type_0 = datetime.date.fromisoformat(data)

                return next_meeting_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_meeting_on = _parse_next_meeting_on(d.pop("next_meeting_on", UNSET))

        meeting_create = cls(
            held_on=held_on,
            present_institution_ids=present_institution_ids,
            agenda=agenda,
            decisions=decisions,
            minutes=minutes,
            next_meeting_on=next_meeting_on,
        )

        return meeting_create
