from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.follow_up_status import FollowUpStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="FollowUpRead")


@_attrs_define
class FollowUpRead:
    """
    Attributes:
        id (UUID):
        referral_id (UUID):
        institution_id (UUID):
        due_months (int):
        due_at (datetime.datetime):
        status (FollowUpStatus):
        outcome_code (None | str):
        note (None | str): Only for the institution that answers it
        answered_at (datetime.datetime | None):
        created_at (datetime.datetime):
        chain_root_id (UUID):
        referral_number (str | Unset):  Default: ''.
        person_id (None | Unset | UUID):
        mine (bool | Unset): Your institution answers it (the chain's root sender) Default: True.
        answerable (bool | Unset): You may answer it now (yours, open and due) Default: False.
    """

    id: UUID
    referral_id: UUID
    institution_id: UUID
    due_months: int
    due_at: datetime.datetime
    status: FollowUpStatus
    outcome_code: None | str
    note: None | str
    answered_at: datetime.datetime | None
    created_at: datetime.datetime
    chain_root_id: UUID
    referral_number: str | Unset = ""
    person_id: None | Unset | UUID = UNSET
    mine: bool | Unset = True
    answerable: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        referral_id = str(self.referral_id)

        institution_id = str(self.institution_id)

        due_months = self.due_months

        due_at = self.due_at.isoformat()

        status = self.status.value

        outcome_code: None | str
        outcome_code = self.outcome_code

        note: None | str
        note = self.note

        answered_at: None | str
        if isinstance(self.answered_at, datetime.datetime):
            answered_at = self.answered_at.isoformat()
        else:
            answered_at = self.answered_at

        created_at = self.created_at.isoformat()

        chain_root_id = str(self.chain_root_id)

        referral_number = self.referral_number

        person_id: None | str | Unset
        if isinstance(self.person_id, Unset):
            person_id = UNSET
        elif isinstance(self.person_id, UUID):
            person_id = str(self.person_id)
        else:
            person_id = self.person_id

        mine = self.mine

        answerable = self.answerable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "referral_id": referral_id,
                "institution_id": institution_id,
                "due_months": due_months,
                "due_at": due_at,
                "status": status,
                "outcome_code": outcome_code,
                "note": note,
                "answered_at": answered_at,
                "created_at": created_at,
                "chain_root_id": chain_root_id,
            }
        )
        if referral_number is not UNSET:
            field_dict["referral_number"] = referral_number
        if person_id is not UNSET:
            field_dict["person_id"] = person_id
        if mine is not UNSET:
            field_dict["mine"] = mine
        if answerable is not UNSET:
            field_dict["answerable"] = answerable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        referral_id = UUID(d.pop("referral_id"))

        institution_id = UUID(d.pop("institution_id"))

        due_months = d.pop("due_months")

        due_at = datetime.datetime.fromisoformat(d.pop("due_at"))

        status = FollowUpStatus(d.pop("status"))

        def _parse_outcome_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_code = _parse_outcome_code(d.pop("outcome_code"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

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

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        chain_root_id = UUID(d.pop("chain_root_id"))

        referral_number = d.pop("referral_number", UNSET)

        def _parse_person_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                person_id_type_0 = UUID(data)

                return person_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        person_id = _parse_person_id(d.pop("person_id", UNSET))

        mine = d.pop("mine", UNSET)

        answerable = d.pop("answerable", UNSET)

        follow_up_read = cls(
            id=id,
            referral_id=referral_id,
            institution_id=institution_id,
            due_months=due_months,
            due_at=due_at,
            status=status,
            outcome_code=outcome_code,
            note=note,
            answered_at=answered_at,
            created_at=created_at,
            chain_root_id=chain_root_id,
            referral_number=referral_number,
            person_id=person_id,
            mine=mine,
            answerable=answerable,
        )

        follow_up_read.additional_properties = d
        return follow_up_read

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
