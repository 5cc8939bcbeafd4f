from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.business_status import BusinessStatus
from ..models.declined_by import DeclinedBy
from ..models.transition_action import TransitionAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransitionRequest")


@_attrs_define
class TransitionRequest:
    """
    Attributes:
        action (TransitionAction):
        reason_code (None | str | Unset): From GET /v1/reason-codes
        declined_by (DeclinedBy | None | Unset):
        text (None | str | Unset): Free-text reason or note (never published in events)
        outcome_codes (list[str] | None | Unset):
        delivered (None | str | Unset): What was delivered (complete)
        assignee_user_id (None | Unset | UUID):
        planned_start_date (datetime.date | None | Unset):
        business_status (BusinessStatus | None | Unset):
    """

    action: TransitionAction
    reason_code: None | str | Unset = UNSET
    declined_by: DeclinedBy | None | Unset = UNSET
    text: None | str | Unset = UNSET
    outcome_codes: list[str] | None | Unset = UNSET
    delivered: None | str | Unset = UNSET
    assignee_user_id: None | Unset | UUID = UNSET
    planned_start_date: datetime.date | None | Unset = UNSET
    business_status: BusinessStatus | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        reason_code: None | str | Unset
        if isinstance(self.reason_code, Unset):
            reason_code = UNSET
        else:
            reason_code = self.reason_code

        declined_by: None | str | Unset
        if isinstance(self.declined_by, Unset):
            declined_by = UNSET
        elif isinstance(self.declined_by, DeclinedBy):
            declined_by = self.declined_by.value
        else:
            declined_by = self.declined_by

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        outcome_codes: list[str] | None | Unset
        if isinstance(self.outcome_codes, Unset):
            outcome_codes = UNSET
        elif isinstance(self.outcome_codes, list):
            outcome_codes = self.outcome_codes

        else:
            outcome_codes = self.outcome_codes

        delivered: None | str | Unset
        if isinstance(self.delivered, Unset):
            delivered = UNSET
        else:
            delivered = self.delivered

        assignee_user_id: None | str | Unset
        if isinstance(self.assignee_user_id, Unset):
            assignee_user_id = UNSET
        elif isinstance(self.assignee_user_id, UUID):
            assignee_user_id = str(self.assignee_user_id)
        else:
            assignee_user_id = self.assignee_user_id

        planned_start_date: None | str | Unset
        if isinstance(self.planned_start_date, Unset):
            planned_start_date = UNSET
        elif isinstance(self.planned_start_date, datetime.date):
            planned_start_date = self.planned_start_date.isoformat()
        else:
            planned_start_date = self.planned_start_date

        business_status: None | str | Unset
        if isinstance(self.business_status, Unset):
            business_status = UNSET
        elif isinstance(self.business_status, BusinessStatus):
            business_status = self.business_status.value
        else:
            business_status = self.business_status

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if reason_code is not UNSET:
            field_dict["reason_code"] = reason_code
        if declined_by is not UNSET:
            field_dict["declined_by"] = declined_by
        if text is not UNSET:
            field_dict["text"] = text
        if outcome_codes is not UNSET:
            field_dict["outcome_codes"] = outcome_codes
        if delivered is not UNSET:
            field_dict["delivered"] = delivered
        if assignee_user_id is not UNSET:
            field_dict["assignee_user_id"] = assignee_user_id
        if planned_start_date is not UNSET:
            field_dict["planned_start_date"] = planned_start_date
        if business_status is not UNSET:
            field_dict["business_status"] = business_status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = TransitionAction(d.pop("action"))

        def _parse_reason_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason_code = _parse_reason_code(d.pop("reason_code", UNSET))

        def _parse_declined_by(data: object) -> DeclinedBy | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_by_type_0 = DeclinedBy(data)

                return declined_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeclinedBy | None | Unset, data)

        declined_by = _parse_declined_by(d.pop("declined_by", UNSET))

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_outcome_codes(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                outcome_codes_type_0 = cast(list[str], data)

                return outcome_codes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        outcome_codes = _parse_outcome_codes(d.pop("outcome_codes", UNSET))

        def _parse_delivered(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivered = _parse_delivered(d.pop("delivered", UNSET))

        def _parse_assignee_user_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_user_id_type_0 = UUID(data)

                return assignee_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id", UNSET))

        def _parse_planned_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_date_type_0 = datetime.date.fromisoformat(data)

                return planned_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_start_date = _parse_planned_start_date(d.pop("planned_start_date", UNSET))

        def _parse_business_status(data: object) -> BusinessStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_status_type_0 = BusinessStatus(data)

                return business_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BusinessStatus | None | Unset, data)

        business_status = _parse_business_status(d.pop("business_status", UNSET))

        transition_request = cls(
            action=action,
            reason_code=reason_code,
            declined_by=declined_by,
            text=text,
            outcome_codes=outcome_codes,
            delivered=delivered,
            assignee_user_id=assignee_user_id,
            planned_start_date=planned_start_date,
            business_status=business_status,
        )

        return transition_request
