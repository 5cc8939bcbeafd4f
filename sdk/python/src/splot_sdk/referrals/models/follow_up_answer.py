from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FollowUpAnswer")


@_attrs_define
class FollowUpAnswer:
    """
    Attributes:
        outcome_code (str): A follow-up outcome from GET /v1/outcome-codes?kind=followup
        note (None | str | Unset):
    """

    outcome_code: str
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        outcome_code = self.outcome_code

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "outcome_code": outcome_code,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome_code = d.pop("outcome_code")

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        follow_up_answer = cls(
            outcome_code=outcome_code,
            note=note,
        )

        return follow_up_answer
