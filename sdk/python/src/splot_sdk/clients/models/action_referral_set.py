from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionReferralSet")


@_attrs_define
class ActionReferralSet:
    """A referral's state for the plan action it serves, sent by the referrals service after each
    change of the referral (idempotent; a state older than the one kept, by ``version``, is ignored).

        Attributes:
            referral_id (UUID):
            person_id (UUID): The referral's person: the plan's (or merged into it)
            sender_institution_id (UUID): The referral's sender: the owner of the action, the plan's owner or a party of the
                plan
            status (str):
            receiver_institution_id (UUID):
            version (int):
            outcome_code (None | str | Unset):
    """

    referral_id: UUID
    person_id: UUID
    sender_institution_id: UUID
    status: str
    receiver_institution_id: UUID
    version: int
    outcome_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        referral_id = str(self.referral_id)

        person_id = str(self.person_id)

        sender_institution_id = str(self.sender_institution_id)

        status = self.status

        receiver_institution_id = str(self.receiver_institution_id)

        version = self.version

        outcome_code: None | str | Unset
        if isinstance(self.outcome_code, Unset):
            outcome_code = UNSET
        else:
            outcome_code = self.outcome_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "referral_id": referral_id,
                "person_id": person_id,
                "sender_institution_id": sender_institution_id,
                "status": status,
                "receiver_institution_id": receiver_institution_id,
                "version": version,
            }
        )
        if outcome_code is not UNSET:
            field_dict["outcome_code"] = outcome_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referral_id = UUID(d.pop("referral_id"))

        person_id = UUID(d.pop("person_id"))

        sender_institution_id = UUID(d.pop("sender_institution_id"))

        status = d.pop("status")

        receiver_institution_id = UUID(d.pop("receiver_institution_id"))

        version = d.pop("version")

        def _parse_outcome_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        outcome_code = _parse_outcome_code(d.pop("outcome_code", UNSET))

        action_referral_set = cls(
            referral_id=referral_id,
            person_id=person_id,
            sender_institution_id=sender_institution_id,
            status=status,
            receiver_institution_id=receiver_institution_id,
            version=version,
            outcome_code=outcome_code,
        )

        return action_referral_set
