from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus

T = TypeVar("T", bound="ActionReferralResult")


@_attrs_define
class ActionReferralResult:
    """
    Attributes:
        action_id (UUID):
        plan_id (UUID):
        referral_id (UUID):
        referral_status (None | str):
        referral_version (int | None):
        proposed_result (ActionStatus | None):
        applied (bool): False when the state was older than the one kept
    """

    action_id: UUID
    plan_id: UUID
    referral_id: UUID
    referral_status: None | str
    referral_version: int | None
    proposed_result: ActionStatus | None
    applied: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action_id = str(self.action_id)

        plan_id = str(self.plan_id)

        referral_id = str(self.referral_id)

        referral_status: None | str
        referral_status = self.referral_status

        referral_version: int | None
        referral_version = self.referral_version

        proposed_result: None | str
        if isinstance(self.proposed_result, ActionStatus):
            proposed_result = self.proposed_result.value
        else:
            proposed_result = self.proposed_result

        applied = self.applied

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action_id": action_id,
                "plan_id": plan_id,
                "referral_id": referral_id,
                "referral_status": referral_status,
                "referral_version": referral_version,
                "proposed_result": proposed_result,
                "applied": applied,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action_id = UUID(d.pop("action_id"))

        plan_id = UUID(d.pop("plan_id"))

        referral_id = UUID(d.pop("referral_id"))

        def _parse_referral_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referral_status = _parse_referral_status(d.pop("referral_status"))

        def _parse_referral_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        referral_version = _parse_referral_version(d.pop("referral_version"))

        def _parse_proposed_result(data: object) -> ActionStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_result_type_0 = ActionStatus(data)

                return proposed_result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionStatus | None, data)

        proposed_result = _parse_proposed_result(d.pop("proposed_result"))

        applied = d.pop("applied")

        action_referral_result = cls(
            action_id=action_id,
            plan_id=plan_id,
            referral_id=referral_id,
            referral_status=referral_status,
            referral_version=referral_version,
            proposed_result=proposed_result,
            applied=applied,
        )

        action_referral_result.additional_properties = d
        return action_referral_result

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
