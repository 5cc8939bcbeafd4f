from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.access_report_entry import AccessReportEntry
    from ..models.access_report_institution import AccessReportInstitution


T = TypeVar("T", bound="AccessReport")


@_attrs_define
class AccessReport:
    """GDPR art. 15: which institutions accessed the person's record, when and on what basis.

    Attributes:
        person_id (UUID):
        generated_at (datetime.datetime):
        institutions (list[AccessReportInstitution]):
        items (list[AccessReportEntry]):
        next_cursor (None | str | Unset):
    """

    person_id: UUID
    generated_at: datetime.datetime
    institutions: list[AccessReportInstitution]
    items: list[AccessReportEntry]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        person_id = str(self.person_id)

        generated_at = self.generated_at.isoformat()

        institutions = []
        for institutions_item_data in self.institutions:
            institutions_item = institutions_item_data.to_dict()
            institutions.append(institutions_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "generated_at": generated_at,
                "institutions": institutions,
                "items": items,
            }
        )
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_report_entry import AccessReportEntry  # noqa: PLC0415
        from ..models.access_report_institution import AccessReportInstitution  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        institutions = []
        _institutions = d.pop("institutions")
        for institutions_item_data in _institutions:
            institutions_item = AccessReportInstitution.from_dict(institutions_item_data)

            institutions.append(institutions_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = AccessReportEntry.from_dict(items_item_data)

            items.append(items_item)

        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))

        access_report = cls(
            person_id=person_id,
            generated_at=generated_at,
            institutions=institutions,
            items=items,
            next_cursor=next_cursor,
        )

        access_report.additional_properties = d
        return access_report

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
