from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.diagnosis_area_input import DiagnosisAreaInput


T = TypeVar("T", bound="ContributionSet")


@_attrs_define
class ContributionSet:
    """A contributor's section of a joint diagnosis and the areas it found (replaced as a whole).

    Attributes:
        section (None | str | Unset):
        areas (list[DiagnosisAreaInput] | Unset):
    """

    section: None | str | Unset = UNSET
    areas: list[DiagnosisAreaInput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        section: None | str | Unset
        if isinstance(self.section, Unset):
            section = UNSET
        else:
            section = self.section

        areas: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.areas, Unset):
            areas = []
            for areas_item_data in self.areas:
                areas_item = areas_item_data.to_dict()
                areas.append(areas_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if section is not UNSET:
            field_dict["section"] = section
        if areas is not UNSET:
            field_dict["areas"] = areas

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.diagnosis_area_input import DiagnosisAreaInput  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_section(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        section = _parse_section(d.pop("section", UNSET))

        _areas = d.pop("areas", UNSET)
        areas: list[DiagnosisAreaInput] | Unset = UNSET
        if _areas is not UNSET:
            areas = []
            for areas_item_data in _areas:
                areas_item = DiagnosisAreaInput.from_dict(areas_item_data)

                areas.append(areas_item)

        contribution_set = cls(
            section=section,
            areas=areas,
        )

        return contribution_set
