from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.party_read_state import PartyReadState
from ..types import UNSET, Unset

T = TypeVar("T", bound="PartyRead")


@_attrs_define
class PartyRead:
    """
    Attributes:
        institution_id (UUID):
        state (PartyReadState):
        invited_at (datetime.datetime):
        answered_at (datetime.datetime | None):
        joined_on (datetime.date | None):
        left_on (datetime.date | None):
        contact_name (None | str | Unset):
        contact_email (None | str | Unset):
        contact_phone (None | str | Unset):
    """

    institution_id: UUID
    state: PartyReadState
    invited_at: datetime.datetime
    answered_at: datetime.datetime | None
    joined_on: datetime.date | None
    left_on: datetime.date | None
    contact_name: None | str | Unset = UNSET
    contact_email: None | str | Unset = UNSET
    contact_phone: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        state = self.state.value

        invited_at = self.invited_at.isoformat()

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        joined_on: None | str
        if isinstance(self.joined_on, datetime.date):
            joined_on = self.joined_on.isoformat()
        else:
            joined_on = self.joined_on

        left_on: None | str
        if isinstance(self.left_on, datetime.date):
            left_on = self.left_on.isoformat()
        else:
            left_on = self.left_on

        contact_name: None | str | Unset
        if isinstance(self.contact_name, Unset):
            contact_name = UNSET
        else:
            contact_name = self.contact_name

        contact_email: None | str | Unset
        if isinstance(self.contact_email, Unset):
            contact_email = UNSET
        else:
            contact_email = self.contact_email

        contact_phone: None | str | Unset
        if isinstance(self.contact_phone, Unset):
            contact_phone = UNSET
        else:
            contact_phone = self.contact_phone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "state": state,
                "invited_at": invited_at,
                "answered_at": answered_at,
                "joined_on": joined_on,
                "left_on": left_on,
            }
        )
        if contact_name is not UNSET:
            field_dict["contact_name"] = contact_name
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if contact_phone is not UNSET:
            field_dict["contact_phone"] = contact_phone

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        state = PartyReadState(d.pop("state"))

        invited_at = datetime.datetime.fromisoformat(d.pop("invited_at"))

        def _parse_answered_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                answered_at_type_0 = datetime.datetime.fromisoformat(data)

                return answered_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        answered_at = _parse_answered_at(d.pop("answered_at"))

        def _parse_joined_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                joined_on_type_0 = datetime.date.fromisoformat(data)

                return joined_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        joined_on = _parse_joined_on(d.pop("joined_on"))

        def _parse_left_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_on_type_0 = datetime.date.fromisoformat(data)

                return left_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        left_on = _parse_left_on(d.pop("left_on"))

        def _parse_contact_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_name = _parse_contact_name(d.pop("contact_name", UNSET))

        def _parse_contact_email(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_email = _parse_contact_email(d.pop("contact_email", UNSET))

        def _parse_contact_phone(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contact_phone = _parse_contact_phone(d.pop("contact_phone", UNSET))

        party_read = cls(
            institution_id=institution_id,
            state=state,
            invited_at=invited_at,
            answered_at=answered_at,
            joined_on=joined_on,
            left_on=left_on,
            contact_name=contact_name,
            contact_email=contact_email,
            contact_phone=contact_phone,
        )

        party_read.additional_properties = d
        return party_read

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
