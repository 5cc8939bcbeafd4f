from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvitationCreate")


@_attrs_define
class InvitationCreate:
    """
    Attributes:
        institution_id (UUID):
    """

    institution_id: UUID

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "institution_id": institution_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        invitation_create = cls(
            institution_id=institution_id,
        )

        return invitation_create
