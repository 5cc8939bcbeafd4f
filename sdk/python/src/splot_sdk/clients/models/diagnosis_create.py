from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.diagnosis_area_input import DiagnosisAreaInput


T = TypeVar("T", bound="DiagnosisCreate")


@_attrs_define
class DiagnosisCreate:
    """
    Attributes:
        diagnosed_on (datetime.date):
        joint (bool | Unset):  Default: False.
        areas (list[DiagnosisAreaInput] | Unset):
        strengths (None | str | Unset):
        person_view (None | str | Unset):
        conclusion (None | str | Unset):
    """

    diagnosed_on: datetime.date
    joint: bool | Unset = False
    areas: list[DiagnosisAreaInput] | Unset = UNSET
    strengths: None | str | Unset = UNSET
    person_view: None | str | Unset = UNSET
    conclusion: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        diagnosed_on = self.diagnosed_on.isoformat()

        joint = self.joint

        areas: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.areas, Unset):
            areas = []
            for areas_item_data in self.areas:
                areas_item = areas_item_data.to_dict()
                areas.append(areas_item)

        strengths: None | str | Unset
        if isinstance(self.strengths, Unset):
            strengths = UNSET
        else:
            strengths = self.strengths

        person_view: None | str | Unset
        if isinstance(self.person_view, Unset):
            person_view = UNSET
        else:
            person_view = self.person_view

        conclusion: None | str | Unset
        if isinstance(self.conclusion, Unset):
            conclusion = UNSET
        else:
            conclusion = self.conclusion

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "diagnosed_on": diagnosed_on,
            }
        )
        if joint is not UNSET:
            field_dict["joint"] = joint
        if areas is not UNSET:
            field_dict["areas"] = areas
        if strengths is not UNSET:
            field_dict["strengths"] = strengths
        if person_view is not UNSET:
            field_dict["person_view"] = person_view
        if conclusion is not UNSET:
            field_dict["conclusion"] = conclusion

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diagnosis_area_input import DiagnosisAreaInput  # noqa: PLC0415

        d = dict(src_dict)
        diagnosed_on = datetime.date.fromisoformat(d.pop("diagnosed_on"))

        joint = d.pop("joint", UNSET)

        _areas = d.pop("areas", UNSET)
        areas: list[DiagnosisAreaInput] | Unset = UNSET
        if _areas is not UNSET:
            areas = []
            for areas_item_data in _areas:
                areas_item = DiagnosisAreaInput.from_dict(areas_item_data)

                areas.append(areas_item)

        def _parse_strengths(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        strengths = _parse_strengths(d.pop("strengths", UNSET))

        def _parse_person_view(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        person_view = _parse_person_view(d.pop("person_view", UNSET))

        def _parse_conclusion(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conclusion = _parse_conclusion(d.pop("conclusion", UNSET))

        diagnosis_create = cls(
            diagnosed_on=diagnosed_on,
            joint=joint,
            areas=areas,
            strengths=strengths,
            person_view=person_view,
            conclusion=conclusion,
        )

        return diagnosis_create
