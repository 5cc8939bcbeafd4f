from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.diagnosis_area_input import DiagnosisAreaInput


T = TypeVar("T", bound="DiagnosisUpdate")


@_attrs_define
class DiagnosisUpdate:
    """The owner's part of a draft diagnosis; given fields replace (``areas``: the owner's areas).

    Attributes:
        diagnosed_on (datetime.date | None | Unset):
        areas (list[DiagnosisAreaInput] | None | Unset):
        strengths (None | str | Unset):
        person_view (None | str | Unset):
        conclusion (None | str | Unset):
    """

    diagnosed_on: datetime.date | None | Unset = UNSET
    areas: list[DiagnosisAreaInput] | None | Unset = UNSET
    strengths: None | str | Unset = UNSET
    person_view: None | str | Unset = UNSET
    conclusion: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        diagnosed_on: None | str | Unset
        if isinstance(self.diagnosed_on, Unset):
            diagnosed_on = UNSET
        elif isinstance(self.diagnosed_on, datetime.date):
            diagnosed_on = self.diagnosed_on.isoformat()
        else:
            diagnosed_on = self.diagnosed_on

        areas: list[dict[str, Any]] | None | Unset
        if isinstance(self.areas, Unset):
            areas = UNSET
        elif isinstance(self.areas, list):
            areas = []
            for areas_type_0_item_data in self.areas:
                areas_type_0_item = areas_type_0_item_data.to_dict()
                areas.append(areas_type_0_item)

        else:
            areas = self.areas

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

        field_dict.update({})
        if diagnosed_on is not UNSET:
            field_dict["diagnosed_on"] = diagnosed_on
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

        def _parse_diagnosed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                diagnosed_on_type_0 = datetime.date.fromisoformat(data)

                return diagnosed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        diagnosed_on = _parse_diagnosed_on(d.pop("diagnosed_on", UNSET))

        def _parse_areas(data: object) -> list[DiagnosisAreaInput] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                areas_type_0 = []
                _areas_type_0 = data
                for areas_type_0_item_data in _areas_type_0:
                    areas_type_0_item = DiagnosisAreaInput.from_dict(areas_type_0_item_data)

                    areas_type_0.append(areas_type_0_item)

                return areas_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[DiagnosisAreaInput] | None | Unset, data)

        areas = _parse_areas(d.pop("areas", UNSET))

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

        diagnosis_update = cls(
            diagnosed_on=diagnosed_on,
            areas=areas,
            strengths=strengths,
            person_view=person_view,
            conclusion=conclusion,
        )

        return diagnosis_update
