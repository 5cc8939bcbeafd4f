from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.outcome_kind import OutcomeKind

T = TypeVar("T", bound="OutcomeCodeRead")


@_attrs_define
class OutcomeCodeRead:
    """
    Attributes:
        code (str):
        kind (OutcomeKind):
        label_pl (str):
        label_en (str):
        employment (bool):
        active (bool):
    """

    code: str
    kind: OutcomeKind
    label_pl: str
    label_en: str
    employment: bool
    active: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        kind = self.kind.value

        label_pl = self.label_pl

        label_en = self.label_en

        employment = self.employment

        active = self.active

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "kind": kind,
                "label_pl": label_pl,
                "label_en": label_en,
                "employment": employment,
                "active": active,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        kind = OutcomeKind(d.pop("kind"))

        label_pl = d.pop("label_pl")

        label_en = d.pop("label_en")

        employment = d.pop("employment")

        active = d.pop("active")

        outcome_code_read = cls(
            code=code,
            kind=kind,
            label_pl=label_pl,
            label_en=label_en,
            employment=employment,
            active=active,
        )

        outcome_code_read.additional_properties = d
        return outcome_code_read

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
