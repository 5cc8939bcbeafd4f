from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SubscriptionWithSecret")


@_attrs_define
class SubscriptionWithSecret:
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
        secret (str): Signing secret, shown only now: store it to verify signatures
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
    secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        secret = self.secret

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
                "secret": secret,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
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

        secret = d.pop("secret")

        subscription_with_secret = cls(
            id=id,
            institution_id=institution_id,
            url=url,
            description=description,
            event_types=event_types,
            active=active,
            version=version,
            created_at=created_at,
            updated_at=updated_at,
            secret=secret,
        )

        subscription_with_secret.additional_properties = d
        return subscription_with_secret

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
