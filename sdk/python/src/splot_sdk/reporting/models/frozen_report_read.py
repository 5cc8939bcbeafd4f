from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FrozenReportRead")


@_attrs_define
class FrozenReportRead:
    """
    Attributes:
        edition_id (UUID):
        version (int):
        frozen_at (datetime.datetime):
        title (str):
        territory (str):
        period_from (str):
        period_to (str):
    """

    edition_id: UUID
    version: int
    frozen_at: datetime.datetime
    title: str
    territory: str
    period_from: str
    period_to: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        edition_id = str(self.edition_id)

        version = self.version

        frozen_at = self.frozen_at.isoformat()

        title = self.title

        territory = self.territory

        period_from = self.period_from

        period_to = self.period_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "edition_id": edition_id,
                "version": version,
                "frozen_at": frozen_at,
                "title": title,
                "territory": territory,
                "period_from": period_from,
                "period_to": period_to,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edition_id = UUID(d.pop("edition_id"))

        version = d.pop("version")

        frozen_at = datetime.datetime.fromisoformat(d.pop("frozen_at"))

        title = d.pop("title")

        territory = d.pop("territory")

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        frozen_report_read = cls(
            edition_id=edition_id,
            version=version,
            frozen_at=frozen_at,
            title=title,
            territory=territory,
            period_from=period_from,
            period_to=period_to,
        )

        frozen_report_read.additional_properties = d
        return frozen_report_read

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
