from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ActionReferralRead")


@_attrs_define
class ActionReferralRead:
    """
    Attributes:
        referral_id (UUID):
        status (None | str):
        outcome_code (None | str):
        receiver_institution_id (None | UUID):
    """

    referral_id: UUID
    status: None | str
    outcome_code: None | str
    receiver_institution_id: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        referral_id = str(self.referral_id)

        status: None | str
        status = self.status

        outcome_code: None | str
        outcome_code = self.outcome_code

        receiver_institution_id: None | str
        if isinstance(self.receiver_institution_id, UUID):
            receiver_institution_id = str(self.receiver_institution_id)
        else:
            receiver_institution_id = self.receiver_institution_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "referral_id": referral_id,
                "status": status,
                "outcome_code": outcome_code,
                "receiver_institution_id": receiver_institution_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        referral_id = UUID(d.pop("referral_id"))

        def _parse_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        status = _parse_status(d.pop("status"))

        def _parse_outcome_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        outcome_code = _parse_outcome_code(d.pop("outcome_code"))

        def _parse_receiver_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                receiver_institution_id_type_0 = UUID(data)

                return receiver_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        receiver_institution_id = _parse_receiver_institution_id(d.pop("receiver_institution_id"))

        action_referral_read = cls(
            referral_id=referral_id,
            status=status,
            outcome_code=outcome_code,
            receiver_institution_id=receiver_institution_id,
        )

        action_referral_read.additional_properties = d
        return action_referral_read

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
