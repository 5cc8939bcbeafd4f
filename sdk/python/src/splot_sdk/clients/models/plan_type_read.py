from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="PlanTypeRead")


@_attrs_define
class PlanTypeRead:
    """
    Attributes:
        code (str):
        label_pl (str):
        label_en (str):
        legal_basis_code (str): A code of the directory's legal-basis catalogue
        institution_types (list[str]): Institution types that may own a plan of this type
        joint (bool):
    """

    code: str
    label_pl: str
    label_en: str
    legal_basis_code: str
    institution_types: list[str]
    joint: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        label_pl = self.label_pl

        label_en = self.label_en

        legal_basis_code = self.legal_basis_code

        institution_types = self.institution_types

        joint = self.joint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "label_pl": label_pl,
                "label_en": label_en,
                "legal_basis_code": legal_basis_code,
                "institution_types": institution_types,
                "joint": joint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        label_pl = d.pop("label_pl")

        label_en = d.pop("label_en")

        legal_basis_code = d.pop("legal_basis_code")

        institution_types = cast(list[str], d.pop("institution_types"))

        joint = d.pop("joint")

        plan_type_read = cls(
            code=code,
            label_pl=label_pl,
            label_en=label_en,
            legal_basis_code=legal_basis_code,
            institution_types=institution_types,
            joint=joint,
        )

        plan_type_read.additional_properties = d
        return plan_type_read

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
