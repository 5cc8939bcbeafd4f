from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvitationAnswer")


@_attrs_define
class InvitationAnswer:
    """
    Attributes:
        accept (bool):
    """

    accept: bool

    def to_dict(self) -> dict[str, Any]:
        accept = self.accept

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "accept": accept,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        accept = d.pop("accept")

        invitation_answer = cls(
            accept=accept,
        )

        return invitation_answer
