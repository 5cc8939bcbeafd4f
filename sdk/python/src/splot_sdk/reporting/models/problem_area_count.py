from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell_read import CellRead


T = TypeVar("T", bound="ProblemAreaCount")


@_attrs_define
class ProblemAreaCount:
    """
    Attributes:
        code (str):
        name_pl (str):
        name_en (str):
        referrals (CellRead):
        evaluations (CellRead):
        surveys (CellRead):
        total (CellRead):
        partial (bool):
    """

    code: str
    name_pl: str
    name_en: str
    referrals: CellRead
    evaluations: CellRead
    surveys: CellRead
    total: CellRead
    partial: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name_pl = self.name_pl

        name_en = self.name_en

        referrals = self.referrals.to_dict()

        evaluations = self.evaluations.to_dict()

        surveys = self.surveys.to_dict()

        total = self.total.to_dict()

        partial = self.partial

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name_pl": name_pl,
                "name_en": name_en,
                "referrals": referrals,
                "evaluations": evaluations,
                "surveys": surveys,
                "total": total,
                "partial": partial,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell_read import CellRead  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        name_pl = d.pop("name_pl")

        name_en = d.pop("name_en")

        referrals = CellRead.from_dict(d.pop("referrals"))

        evaluations = CellRead.from_dict(d.pop("evaluations"))

        surveys = CellRead.from_dict(d.pop("surveys"))

        total = CellRead.from_dict(d.pop("total"))

        partial = d.pop("partial")

        problem_area_count = cls(
            code=code,
            name_pl=name_pl,
            name_en=name_en,
            referrals=referrals,
            evaluations=evaluations,
            surveys=surveys,
            total=total,
            partial=partial,
        )

        problem_area_count.additional_properties = d
        return problem_area_count

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
