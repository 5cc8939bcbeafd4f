from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_status import ResponseStatus
from ..models.round_status import RoundStatus

T = TypeVar("T", bound="TaskItem")


@_attrs_define
class TaskItem:
    """
    Attributes:
        round_id (UUID):
        title (str):
        territory (str):
        owner_scope (str):
        deadline (datetime.date):
        days_left (int):
        status (ResponseStatus):
        submitted_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
        reminded_at (datetime.datetime | None):
        round_status (RoundStatus):
    """

    round_id: UUID
    title: str
    territory: str
    owner_scope: str
    deadline: datetime.date
    days_left: int
    status: ResponseStatus
    submitted_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    reminded_at: datetime.datetime | None
    round_status: RoundStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_id = str(self.round_id)

        title = self.title

        territory = self.territory

        owner_scope = self.owner_scope

        deadline = self.deadline.isoformat()

        days_left = self.days_left

        status = self.status.value

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        reminded_at: None | str
        if isinstance(self.reminded_at, datetime.datetime):
            reminded_at = self.reminded_at.isoformat()
        else:
            reminded_at = self.reminded_at

        round_status = self.round_status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round_id": round_id,
                "title": title,
                "territory": territory,
                "owner_scope": owner_scope,
                "deadline": deadline,
                "days_left": days_left,
                "status": status,
                "submitted_at": submitted_at,
                "updated_at": updated_at,
                "reminded_at": reminded_at,
                "round_status": round_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        round_id = UUID(d.pop("round_id"))

        title = d.pop("title")

        territory = d.pop("territory")

        owner_scope = d.pop("owner_scope")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        days_left = d.pop("days_left")

        status = ResponseStatus(d.pop("status"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_reminded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                reminded_at_type_0 = datetime.datetime.fromisoformat(data)

                return reminded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        reminded_at = _parse_reminded_at(d.pop("reminded_at"))

        round_status = RoundStatus(d.pop("round_status"))

        task_item = cls(
            round_id=round_id,
            title=title,
            territory=territory,
            owner_scope=owner_scope,
            deadline=deadline,
            days_left=days_left,
            status=status,
            submitted_at=submitted_at,
            updated_at=updated_at,
            reminded_at=reminded_at,
            round_status=round_status,
        )

        task_item.additional_properties = d
        return task_item

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
