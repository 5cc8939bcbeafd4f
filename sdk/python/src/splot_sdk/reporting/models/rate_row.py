from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="RateRow")


@_attrs_define
class RateRow:
    """
    Attributes:
        territory (str):
        name (str):
        invited (int):
        submitted (int):
        drafts (int):
        response_rate (float):
    """

    territory: str
    name: str
    invited: int
    submitted: int
    drafts: int
    response_rate: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        territory = self.territory

        name = self.name

        invited = self.invited

        submitted = self.submitted

        drafts = self.drafts

        response_rate = self.response_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "territory": territory,
                "name": name,
                "invited": invited,
                "submitted": submitted,
                "drafts": drafts,
                "response_rate": response_rate,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        territory = d.pop("territory")

        name = d.pop("name")

        invited = d.pop("invited")

        submitted = d.pop("submitted")

        drafts = d.pop("drafts")

        response_rate = d.pop("response_rate")

        rate_row = cls(
            territory=territory,
            name=name,
            invited=invited,
            submitted=submitted,
            drafts=drafts,
            response_rate=response_rate,
        )

        rate_row.additional_properties = d
        return rate_row

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
