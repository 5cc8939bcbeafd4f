from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.round_status import RoundStatus

T = TypeVar("T", bound="RoundListItem")


@_attrs_define
class RoundListItem:
    """
    Attributes:
        id (UUID):
        title (str):
        status (RoundStatus):
        territory (str):
        deadline (datetime.date):
        invited (int):
        submitted (int):
        response_rate (float):
    """

    id: UUID
    title: str
    status: RoundStatus
    territory: str
    deadline: datetime.date
    invited: int
    submitted: int
    response_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        status = self.status.value

        territory = self.territory

        deadline = self.deadline.isoformat()

        invited = self.invited

        submitted = self.submitted

        response_rate = self.response_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "territory": territory,
                "deadline": deadline,
                "invited": invited,
                "submitted": submitted,
                "response_rate": response_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        status = RoundStatus(d.pop("status"))

        territory = d.pop("territory")

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        invited = d.pop("invited")

        submitted = d.pop("submitted")

        response_rate = d.pop("response_rate")

        round_list_item = cls(
            id=id,
            title=title,
            status=status,
            territory=territory,
            deadline=deadline,
            invited=invited,
            submitted=submitted,
            response_rate=response_rate,
        )

        round_list_item.additional_properties = d
        return round_list_item

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
