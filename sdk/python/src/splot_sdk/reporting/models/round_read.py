from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_status import RoundStatus

T = TypeVar("T", bound="RoundRead")


@_attrs_define
class RoundRead:
    """
    Attributes:
        id (UUID):
        title (str):
        questionnaire_id (UUID):
        questionnaire_title (str):
        status (RoundStatus):
        territory (str):
        institution_types (list[str]):
        period_from (str):
        period_to (str):
        deadline (datetime.date):
        reminder_days (int):
        owner_scope (str):
        is_owner (bool):
        opened_at (datetime.datetime):
        closed_at (datetime.datetime | None):
        invited (int):
        drafts (int):
        submitted (int):
        response_rate (float):
        reminders_sent_at (datetime.datetime | None):
    """

    id: UUID
    title: str
    questionnaire_id: UUID
    questionnaire_title: str
    status: RoundStatus
    territory: str
    institution_types: list[str]
    period_from: str
    period_to: str
    deadline: datetime.date
    reminder_days: int
    owner_scope: str
    is_owner: bool
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None
    invited: int
    drafts: int
    submitted: int
    response_rate: float
    reminders_sent_at: datetime.datetime | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        questionnaire_id = str(self.questionnaire_id)

        questionnaire_title = self.questionnaire_title

        status = self.status.value

        territory = self.territory

        institution_types = self.institution_types

        period_from = self.period_from

        period_to = self.period_to

        deadline = self.deadline.isoformat()

        reminder_days = self.reminder_days

        owner_scope = self.owner_scope

        is_owner = self.is_owner

        opened_at = self.opened_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at

        invited = self.invited

        drafts = self.drafts

        submitted = self.submitted

        response_rate = self.response_rate

        reminders_sent_at: None | str
        if isinstance(self.reminders_sent_at, datetime.datetime):
            reminders_sent_at = self.reminders_sent_at.isoformat()
        else:
            reminders_sent_at = self.reminders_sent_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "questionnaire_id": questionnaire_id,
                "questionnaire_title": questionnaire_title,
                "status": status,
                "territory": territory,
                "institution_types": institution_types,
                "period_from": period_from,
                "period_to": period_to,
                "deadline": deadline,
                "reminder_days": reminder_days,
                "owner_scope": owner_scope,
                "is_owner": is_owner,
                "opened_at": opened_at,
                "closed_at": closed_at,
                "invited": invited,
                "drafts": drafts,
                "submitted": submitted,
                "response_rate": response_rate,
                "reminders_sent_at": reminders_sent_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        questionnaire_id = UUID(d.pop("questionnaire_id"))

        questionnaire_title = d.pop("questionnaire_title")

        status = RoundStatus(d.pop("status"))

        territory = d.pop("territory")

        institution_types = cast(list[str], d.pop("institution_types"))

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        reminder_days = d.pop("reminder_days")

        owner_scope = d.pop("owner_scope")

        is_owner = d.pop("is_owner")

        opened_at = datetime.datetime.fromisoformat(d.pop("opened_at"))

        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)

                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))

        invited = d.pop("invited")

        drafts = d.pop("drafts")

        submitted = d.pop("submitted")

        response_rate = d.pop("response_rate")

        def _parse_reminders_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminders_sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminders_sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reminders_sent_at = _parse_reminders_sent_at(d.pop("reminders_sent_at"))

        round_read = cls(
            id=id,
            title=title,
            questionnaire_id=questionnaire_id,
            questionnaire_title=questionnaire_title,
            status=status,
            territory=territory,
            institution_types=institution_types,
            period_from=period_from,
            period_to=period_to,
            deadline=deadline,
            reminder_days=reminder_days,
            owner_scope=owner_scope,
            is_owner=is_owner,
            opened_at=opened_at,
            closed_at=closed_at,
            invited=invited,
            drafts=drafts,
            submitted=submitted,
            response_rate=response_rate,
            reminders_sent_at=reminders_sent_at,
        )

        round_read.additional_properties = d
        return round_read

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
