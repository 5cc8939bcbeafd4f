from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.delivery_brief import DeliveryBrief


T = TypeVar("T", bound="SubscriptionListItem")


@_attrs_define
class SubscriptionListItem:
    """
    Attributes:
        id (UUID):
        institution_id (UUID):
        url (str):
        description (None | str):
        event_types (list[str]):
        active (bool):
        version (int):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        last_delivery (DeliveryBrief | None): The newest delivery; null before the first
    """

    id: UUID
    institution_id: UUID
    url: str
    description: None | str
    event_types: list[str]
    active: bool
    version: int
    created_at: datetime.datetime
    updated_at: datetime.datetime
    last_delivery: DeliveryBrief | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_brief import DeliveryBrief  # noqa: PLC0415

        id = str(self.id)

        institution_id = str(self.institution_id)

        url = self.url

        description: None | str
        description = self.description

        event_types = self.event_types

        active = self.active

        version = self.version

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        last_delivery: dict[str, Any] | None
        if isinstance(self.last_delivery, DeliveryBrief):
            last_delivery = self.last_delivery.to_dict()
        else:
            last_delivery = self.last_delivery

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "url": url,
                "description": description,
                "event_types": event_types,
                "active": active,
                "version": version,
                "created_at": created_at,
                "updated_at": updated_at,
                "last_delivery": last_delivery,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_brief import DeliveryBrief  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        url = d.pop("url")

        def _parse_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        description = _parse_description(d.pop("description"))

        event_types = cast(list[str], d.pop("event_types"))

        active = d.pop("active")

        version = d.pop("version")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_last_delivery(data: object) -> DeliveryBrief | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_delivery_type_0 = DeliveryBrief.from_dict(data)

                return last_delivery_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryBrief | None, data)

        last_delivery = _parse_last_delivery(d.pop("last_delivery"))

        subscription_list_item = cls(
            id=id,
            institution_id=institution_id,
            url=url,
            description=description,
            event_types=event_types,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            last_delivery=last_delivery,
        )

        subscription_list_item.additional_properties = d
        return subscription_list_item

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
