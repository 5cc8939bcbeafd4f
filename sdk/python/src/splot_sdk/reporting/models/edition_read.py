from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity

if TYPE_CHECKING:
    from ..models.edition_version_info import EditionVersionInfo


T = TypeVar("T", bound="EditionRead")


@_attrs_define
class EditionRead:
    """
    Attributes:
        id (UUID):
        period (str):
        granularity (Granularity):
        territory (str):
        title (str):
        current_version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        versions (list[EditionVersionInfo]):
    """

    id: UUID
    period: str
    granularity: Granularity
    territory: str
    title: str
    current_version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    versions: list[EditionVersionInfo]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        period = self.period

        granularity = self.granularity.value

        territory = self.territory

        title = self.title

        current_version = self.current_version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "period": period,
                "granularity": granularity,
                "territory": territory,
                "title": title,
                "current_version": current_version,
                "created_at": created_at,
                "updated_at": updated_at,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.edition_version_info import EditionVersionInfo  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        period = d.pop("period")

        granularity = Granularity(d.pop("granularity"))

        territory = d.pop("territory")

        title = d.pop("title")

        current_version = d.pop("current_version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = EditionVersionInfo.from_dict(versions_item_data)

            versions.append(versions_item)

        edition_read = cls(
            id=id,
            period=period,
            granularity=granularity,
            territory=territory,
            title=title,
            current_version=current_version,
            created_at=created_at,
            updated_at=updated_at,
            versions=versions,
        )

        edition_read.additional_properties = d
        return edition_read

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
