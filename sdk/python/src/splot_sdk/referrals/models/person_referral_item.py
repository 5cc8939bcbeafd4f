from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status
from ..types import UNSET, Unset

T = TypeVar("T", bound="PersonReferralItem")


@_attrs_define
class PersonReferralItem:
    """
    Attributes:
        id (UUID):
        number (str):
        status (Status):
        chain_root_id (UUID):
        parent_referral_id (None | UUID):
        sender_institution_id (UUID):
        target_institution_id (None | UUID):
        service_type_code (None | str):
        outcome_codes (list[str]):
        sent_at (datetime.datetime | None):
        ended_at (datetime.datetime | None):
        party (bool):
        openable (bool | Unset): You may open it: you sent or received it, or another referral of its chain Default:
            False.
    """

    id: UUID
    number: str
    status: Status
    chain_root_id: UUID
    parent_referral_id: None | UUID
    sender_institution_id: UUID
    target_institution_id: None | UUID
    service_type_code: None | str
    outcome_codes: list[str]
    sent_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    party: bool
    openable: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        status = self.status.value

        chain_root_id = str(self.chain_root_id)

        parent_referral_id: None | str
        if isinstance(self.parent_referral_id, UUID):
            parent_referral_id = str(self.parent_referral_id)
        else:
            parent_referral_id = self.parent_referral_id

        sender_institution_id = str(self.sender_institution_id)

        target_institution_id: None | str
        if isinstance(self.target_institution_id, UUID):
            target_institution_id = str(self.target_institution_id)
        else:
            target_institution_id = self.target_institution_id

        service_type_code: None | str
        service_type_code = self.service_type_code

        outcome_codes = self.outcome_codes

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        party = self.party

        openable = self.openable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "status": status,
                "chain_root_id": chain_root_id,
                "parent_referral_id": parent_referral_id,
                "sender_institution_id": sender_institution_id,
                "target_institution_id": target_institution_id,
                "service_type_code": service_type_code,
                "outcome_codes": outcome_codes,
                "sent_at": sent_at,
                "ended_at": ended_at,
                "party": party,
            }
        )
        if openable is not UNSET:
            field_dict["openable"] = openable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        status = Status(d.pop("status"))

        chain_root_id = UUID(d.pop("chain_root_id"))

        def _parse_parent_referral_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_referral_id_type_0 = UUID(data)

                return parent_referral_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_referral_id = _parse_parent_referral_id(d.pop("parent_referral_id"))

        sender_institution_id = UUID(d.pop("sender_institution_id"))

        def _parse_target_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_institution_id_type_0 = UUID(data)

                return target_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_institution_id = _parse_target_institution_id(d.pop("target_institution_id"))

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        outcome_codes = cast(list[str], d.pop("outcome_codes"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        party = d.pop("party")

        openable = d.pop("openable", UNSET)

        person_referral_item = cls(
            id=id,
            number=number,
            status=status,
            chain_root_id=chain_root_id,
            parent_referral_id=parent_referral_id,
            sender_institution_id=sender_institution_id,
            target_institution_id=target_institution_id,
            service_type_code=service_type_code,
            outcome_codes=outcome_codes,
            sent_at=sent_at,
            ended_at=ended_at,
            party=party,
            openable=openable,
        )

        person_referral_item.additional_properties = d
        return person_referral_item

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
