from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.business_status import BusinessStatus
from ..models.priority import Priority
from ..models.status import Status
from ..types import UNSET, Unset

T = TypeVar("T", bound="ChainNode")


@_attrs_define
class ChainNode:
    """A referral of a chain as every party of the chain sees it: status, dates, parties and
    outcome, no case content.

        Attributes:
            id (UUID):
            number (str):
            parent_referral_id (None | UUID):
            chain_depth (int):
            status (Status):
            business_status (BusinessStatus | None):
            outcome_codes (list[str]):
            sender_institution_id (UUID):
            target_institution_id (None | UUID):
            service_type_code (None | str):
            priority (Priority):
            overdue (bool):
            sent_at (datetime.datetime | None):
            ended_at (datetime.datetime | None):
            party (bool):
            sensitive (bool | Unset):  Default: False.
    """

    id: UUID
    number: str
    parent_referral_id: None | UUID
    chain_depth: int
    status: Status
    business_status: BusinessStatus | None
    outcome_codes: list[str]
    sender_institution_id: UUID
    target_institution_id: None | UUID
    service_type_code: None | str
    priority: Priority
    overdue: bool
    sent_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    party: bool
    sensitive: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        number = self.number

        parent_referral_id: None | str
        if isinstance(self.parent_referral_id, UUID):
            parent_referral_id = str(self.parent_referral_id)
        else:
            parent_referral_id = self.parent_referral_id

        chain_depth = self.chain_depth

        status = self.status.value

        business_status: None | str
        if isinstance(self.business_status, BusinessStatus):
            business_status = self.business_status.value
        else:
            business_status = self.business_status

        outcome_codes = self.outcome_codes

        sender_institution_id = str(self.sender_institution_id)

        target_institution_id: None | str
        if isinstance(self.target_institution_id, UUID):
            target_institution_id = str(self.target_institution_id)
        else:
            target_institution_id = self.target_institution_id

        service_type_code: None | str
        service_type_code = self.service_type_code

        priority = self.priority.value

        overdue = self.overdue

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

        sensitive = self.sensitive

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "parent_referral_id": parent_referral_id,
                "chain_depth": chain_depth,
                "status": status,
                "business_status": business_status,
                "outcome_codes": outcome_codes,
                "sender_institution_id": sender_institution_id,
                "target_institution_id": target_institution_id,
                "service_type_code": service_type_code,
                "priority": priority,
                "overdue": overdue,
                "sent_at": sent_at,
                "ended_at": ended_at,
                "party": party,
            }
        )
        if sensitive is not UNSET:
            field_dict["sensitive"] = sensitive

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

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

        chain_depth = d.pop("chain_depth")

        status = Status(d.pop("status"))

        def _parse_business_status(data: object) -> BusinessStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_status_type_0 = BusinessStatus(data)

                return business_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BusinessStatus | None, data)

        business_status = _parse_business_status(d.pop("business_status"))

        outcome_codes = cast(list[str], d.pop("outcome_codes"))

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

        priority = Priority(d.pop("priority"))

        overdue = d.pop("overdue")

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

        sensitive = d.pop("sensitive", UNSET)

        chain_node = cls(
            id=id,
            number=number,
            parent_referral_id=parent_referral_id,
            chain_depth=chain_depth,
            status=status,
            business_status=business_status,
            outcome_codes=outcome_codes,
            sender_institution_id=sender_institution_id,
            target_institution_id=target_institution_id,
            service_type_code=service_type_code,
            priority=priority,
            overdue=overdue,
            sent_at=sent_at,
            ended_at=ended_at,
            party=party,
            sensitive=sensitive,
        )

        chain_node.additional_properties = d
        return chain_node

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
