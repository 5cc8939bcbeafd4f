from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HiddenCandidate")


@_attrs_define
class HiddenCandidate:
    """A likely duplicate you may not see: no more than an identity lookup answers (initials and
    birth year), and an opaque id to ask its registering institutions for access with.

        Attributes:
            candidate_id (str):
            initials (str):
            birth_year (int):
            match (str):
    """

    candidate_id: str
    initials: str
    birth_year: int
    match: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        candidate_id = self.candidate_id

        initials = self.initials

        birth_year = self.birth_year

        match = self.match

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "candidate_id": candidate_id,
                "initials": initials,
                "birth_year": birth_year,
                "match": match,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        candidate_id = d.pop("candidate_id")

        initials = d.pop("initials")

        birth_year = d.pop("birth_year")

        match = d.pop("match")

        hidden_candidate = cls(
            candidate_id=candidate_id,
            initials=initials,
            birth_year=birth_year,
            match=match,
        )

        hidden_candidate.additional_properties = d
        return hidden_candidate

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
