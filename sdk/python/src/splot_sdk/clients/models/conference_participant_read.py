from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ConferenceParticipantRead")


@_attrs_define
class ConferenceParticipantRead:
    """
    Attributes:
        institution_id (UUID):
        staff (list[str]):
    """

    institution_id: UUID
    staff: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        staff = self.staff

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "staff": staff,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        staff = cast(list[str], d.pop("staff"))

        conference_participant_read = cls(
            institution_id=institution_id,
            staff=staff,
        )

        conference_participant_read.additional_properties = d
        return conference_participant_read

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
