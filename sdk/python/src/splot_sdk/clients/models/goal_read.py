from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.assessment import Assessment
from ..models.goal_read_status import GoalReadStatus

if TYPE_CHECKING:
    from ..models.action_read import ActionRead


T = TypeVar("T", bound="GoalRead")


@_attrs_define
class GoalRead:
    """
    Attributes:
        id (UUID):
        area_code (str):
        description (str):
        sensitive (bool):
        status (GoalReadStatus):
        assessment (Assessment | None):
        assessment_reason (None | str):
        assessed_at (datetime.datetime | None):
        proposed_assessment (Assessment | None): What the goal's finished actions propose
        actions (list[ActionRead]):
    """

    id: UUID
    area_code: str
    description: str
    sensitive: bool
    status: GoalReadStatus
    assessment: Assessment | None
    assessment_reason: None | str
    assessed_at: datetime.datetime | None
    proposed_assessment: Assessment | None
    actions: list[ActionRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        area_code = self.area_code

        description = self.description

        sensitive = self.sensitive

        status = self.status.value

        assessment: None | str
        if isinstance(self.assessment, Assessment):
            assessment = self.assessment.value
        else:
            assessment = self.assessment

        assessment_reason: None | str
        assessment_reason = self.assessment_reason

        assessed_at: None | str
        if isinstance(self.assessed_at, datetime.datetime):
            assessed_at = self.assessed_at.isoformat()
        else:
            assessed_at = self.assessed_at

        proposed_assessment: None | str
        if isinstance(self.proposed_assessment, Assessment):
            proposed_assessment = self.proposed_assessment.value
        else:
            proposed_assessment = self.proposed_assessment

        actions = []
        for actions_item_data in self.actions:
            actions_item = actions_item_data.to_dict()
            actions.append(actions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "area_code": area_code,
                "description": description,
                "sensitive": sensitive,
                "status": status,
                "assessment": assessment,
                "assessment_reason": assessment_reason,
                "assessed_at": assessed_at,
                "proposed_assessment": proposed_assessment,
                "actions": actions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.action_read import ActionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        area_code = d.pop("area_code")

        description = d.pop("description")

        sensitive = d.pop("sensitive")

        status = GoalReadStatus(d.pop("status"))

        def _parse_assessment(data: object) -> Assessment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessment_type_0 = Assessment(data)

                return assessment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Assessment | None, data)

        assessment = _parse_assessment(d.pop("assessment"))

        def _parse_assessment_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assessment_reason = _parse_assessment_reason(d.pop("assessment_reason"))

        def _parse_assessed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assessed_at_type_0 = datetime.datetime.fromisoformat(data)

                return assessed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        assessed_at = _parse_assessed_at(d.pop("assessed_at"))

        def _parse_proposed_assessment(data: object) -> Assessment | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                proposed_assessment_type_0 = Assessment(data)

                return proposed_assessment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Assessment | None, data)

        proposed_assessment = _parse_proposed_assessment(d.pop("proposed_assessment"))

        actions = []
        _actions = d.pop("actions")
        for actions_item_data in _actions:
            actions_item = ActionRead.from_dict(actions_item_data)

            actions.append(actions_item)

        goal_read = cls(
            id=id,
            area_code=area_code,
            description=description,
            sensitive=sensitive,
            status=status,
            assessment=assessment,
            assessment_reason=assessment_reason,
            assessed_at=assessed_at,
            proposed_assessment=proposed_assessment,
            actions=actions,
        )

        goal_read.additional_properties = d
        return goal_read

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
