from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.assessment import Assessment
from ..types import UNSET, Unset

T = TypeVar("T", bound="GoalAssess")


@_attrs_define
class GoalAssess:
    """
    Attributes:
        assessment (Assessment):
        reason (None | str | Unset): Required for abandoned
    """

    assessment: Assessment
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        assessment = self.assessment.value

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assessment": assessment,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assessment = Assessment(d.pop("assessment"))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        goal_assess = cls(
            assessment=assessment,
            reason=reason,
        )

        return goal_assess
