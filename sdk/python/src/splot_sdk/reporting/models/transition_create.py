from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.transition_create_action import TransitionCreateAction
from ..types import UNSET, Unset

T = TypeVar("T", bound="TransitionCreate")


@_attrs_define
class TransitionCreate:
    """
    Attributes:
        action (TransitionCreateAction):
        comment (None | str | Unset):
    """

    action: TransitionCreateAction
    comment: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        comment: None | str | Unset
        if isinstance(self.comment, Unset):
            comment = UNSET
        else:
            comment = self.comment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "action": action,
            }
        )
        if comment is not UNSET:
            field_dict["comment"] = comment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = TransitionCreateAction(d.pop("action"))

        def _parse_comment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        comment = _parse_comment(d.pop("comment", UNSET))

        transition_create = cls(
            action=action,
            comment=comment,
        )

        return transition_create
