from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeadWorkerSet")


@_attrs_define
class LeadWorkerSet:
    """A member of the caller's institution's staff becomes the person's lead worker.

    Attributes:
        user_sub (str):
        display_name (str):
        reason (None | str | Unset):
    """

    user_sub: str
    display_name: str
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        user_sub = self.user_sub

        display_name = self.display_name

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user_sub": user_sub,
                "display_name": display_name,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_sub = d.pop("user_sub")

        display_name = d.pop("display_name")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        lead_worker_set = cls(
            user_sub=user_sub,
            display_name=display_name,
            reason=reason,
        )

        return lead_worker_set
