from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="BreakGlassCreate")


@_attrs_define
class BreakGlassCreate:
    """
    Attributes:
        reason (str): Why the emergency access is needed; shown to the person's institutions and auditors
        hours (int | None | Unset): Defaults to 6 hours
    """

    reason: str
    hours: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        hours: int | None | Unset
        if isinstance(self.hours, Unset):
            hours = UNSET
        else:
            hours = self.hours

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if hours is not UNSET:
            field_dict["hours"] = hours

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_hours(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        hours = _parse_hours(d.pop("hours", UNSET))

        break_glass_create = cls(
            reason=reason,
            hours=hours,
        )

        return break_glass_create
