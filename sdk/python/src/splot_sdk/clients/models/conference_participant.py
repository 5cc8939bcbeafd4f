from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ConferenceParticipant")


@_attrs_define
class ConferenceParticipant:
    """
    Attributes:
        institution_id (UUID):
        staff (list[str] | Unset):
    """

    institution_id: UUID
    staff: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        staff: list[str] | Unset = UNSET
        if not isinstance(self.staff, Unset):
            staff = self.staff

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "institution_id": institution_id,
            }
        )
        if staff is not UNSET:
            field_dict["staff"] = staff

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        staff = cast(list[str], d.pop("staff", UNSET))

        conference_participant = cls(
            institution_id=institution_id,
            staff=staff,
        )

        return conference_participant
