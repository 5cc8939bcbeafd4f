from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RoundCreate")


@_attrs_define
class RoundCreate:
    """
    Attributes:
        questionnaire_id (UUID):
        title (str):
        territory (str):
        institution_types (list[str]):
        period_from (str):
        period_to (str):
        deadline (datetime.date):
        reminder_days (int | Unset):  Default: 3.
    """

    questionnaire_id: UUID
    title: str
    territory: str
    institution_types: list[str]
    period_from: str
    period_to: str
    deadline: datetime.date
    reminder_days: int | Unset = 3

    def to_dict(self) -> dict[str, Any]:
        questionnaire_id = str(self.questionnaire_id)

        title = self.title

        territory = self.territory

        institution_types = self.institution_types

        period_from = self.period_from

        period_to = self.period_to

        deadline = self.deadline.isoformat()

        reminder_days = self.reminder_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "questionnaire_id": questionnaire_id,
                "title": title,
                "territory": territory,
                "institution_types": institution_types,
                "period_from": period_from,
                "period_to": period_to,
                "deadline": deadline,
            }
        )
        if reminder_days is not UNSET:
            field_dict["reminder_days"] = reminder_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        questionnaire_id = UUID(d.pop("questionnaire_id"))

        title = d.pop("title")

        territory = d.pop("territory")

        institution_types = cast(list[str], d.pop("institution_types"))

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        reminder_days = d.pop("reminder_days", UNSET)

        round_create = cls(
            questionnaire_id=questionnaire_id,
            title=title,
            territory=territory,
            institution_types=institution_types,
            period_from=period_from,
            period_to=period_to,
            deadline=deadline,
            reminder_days=reminder_days,
        )

        return round_create
