from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.action_status import ActionStatus

if TYPE_CHECKING:
    from ..models.action_referral_read import ActionReferralRead


T = TypeVar("T", bound="ActionRead")


@_attrs_define
class ActionRead:
    """
    Attributes:
        id (UUID):
        goal_id (UUID):
        owner_institution_id (UUID):
        description (str):
        service_type_code (None | str):
        due_date (datetime.date | None):
        status (ActionStatus):
        result (None | str):
        conference_id (None | UUID):
        referral (ActionReferralRead | None):
        proposed_result (ActionStatus | None): What the linked referral's outcome proposes
        allowed_statuses (list[ActionStatus]):
    """

    id: UUID
    goal_id: UUID
    owner_institution_id: UUID
    description: str
    service_type_code: None | str
    due_date: datetime.date | None
    status: ActionStatus
    result: None | str
    conference_id: None | UUID
    referral: ActionReferralRead | None
    proposed_result: ActionStatus | None
    allowed_statuses: list[ActionStatus]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.action_referral_read import ActionReferralRead  # noqa: PLC0415

        id = str(self.id)

        goal_id = str(self.goal_id)

        owner_institution_id = str(self.owner_institution_id)

        description = self.description

        service_type_code: None | str
        service_type_code = self.service_type_code

        due_date: None | str
        if isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        status = self.status.value

        result: None | str
        result = self.result

        conference_id: None | str
        if isinstance(self.conference_id, UUID):
            conference_id = str(self.conference_id)
        else:
            conference_id = self.conference_id

        referral: dict[str, Any] | None
        if isinstance(self.referral, ActionReferralRead):
            referral = self.referral.to_dict()
        else:
            referral = self.referral

        proposed_result: None | str
        if isinstance(self.proposed_result, ActionStatus):
            proposed_result = self.proposed_result.value
        else:
            proposed_result = self.proposed_result

        allowed_statuses = []
        for allowed_statuses_item_data in self.allowed_statuses:
            allowed_statuses_item = allowed_statuses_item_data.value
            allowed_statuses.append(allowed_statuses_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "goal_id": goal_id,
                "owner_institution_id": owner_institution_id,
                "description": description,
                "service_type_code": service_type_code,
                "due_date": due_date,
                "status": status,
                "result": result,
                "conference_id": conference_id,
                "referral": referral,
                "proposed_result": proposed_result,
                "allowed_statuses": allowed_statuses,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_referral_read import ActionReferralRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        goal_id = UUID(d.pop("goal_id"))

        owner_institution_id = UUID(d.pop("owner_institution_id"))

        description = d.pop("description")

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        def _parse_due_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        due_date = _parse_due_date(d.pop("due_date"))

        status = ActionStatus(d.pop("status"))

        def _parse_result(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        result = _parse_result(d.pop("result"))

        def _parse_conference_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conference_id_type_0 = UUID(data)

                return conference_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        conference_id = _parse_conference_id(d.pop("conference_id"))

        def _parse_referral(data: object) -> ActionReferralRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                referral_type_0 = ActionReferralRead.from_dict(data)

                return referral_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActionReferralRead | None, data)

        referral = _parse_referral(d.pop("referral"))

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

        allowed_statuses = []
        _allowed_statuses = d.pop("allowed_statuses")
        for allowed_statuses_item_data in _allowed_statuses:
            allowed_statuses_item = ActionStatus(allowed_statuses_item_data)

            allowed_statuses.append(allowed_statuses_item)

        action_read = cls(
            id=id,
            goal_id=goal_id,
            owner_institution_id=owner_institution_id,
            description=description,
            service_type_code=service_type_code,
            due_date=due_date,
            status=status,
            result=result,
            conference_id=conference_id,
            referral=referral,
            proposed_result=proposed_result,
            allowed_statuses=allowed_statuses,
        )

        action_read.additional_properties = d
        return action_read

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
