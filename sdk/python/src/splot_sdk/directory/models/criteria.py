from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.criteria_labour_office_status import CriteriaLabourOfficeStatus
from ..models.criteria_social_assistance_use import CriteriaSocialAssistanceUse
from ..types import UNSET, Unset

T = TypeVar("T", bound="Criteria")


@_attrs_define
class Criteria:
    """
    Attributes:
        teryt_codes (list[str] | Unset):
        age_min (int | None | Unset):
        age_max (int | None | Unset):
        labour_office_status (CriteriaLabourOfficeStatus | Unset):  Default: CriteriaLabourOfficeStatus.ANY.
        social_assistance_use (CriteriaSocialAssistanceUse | Unset):  Default: CriteriaSocialAssistanceUse.ANY.
        notes (None | str | Unset):
    """

    teryt_codes: list[str] | Unset = UNSET
    age_min: int | None | Unset = UNSET
    age_max: int | None | Unset = UNSET
    labour_office_status: CriteriaLabourOfficeStatus | Unset = CriteriaLabourOfficeStatus.ANY
    social_assistance_use: CriteriaSocialAssistanceUse | Unset = CriteriaSocialAssistanceUse.ANY
    notes: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        teryt_codes: list[str] | Unset = UNSET
        if not isinstance(self.teryt_codes, Unset):
            teryt_codes = self.teryt_codes

        age_min: int | None | Unset
        if isinstance(self.age_min, Unset):
            age_min = UNSET
        else:
            age_min = self.age_min

        age_max: int | None | Unset
        if isinstance(self.age_max, Unset):
            age_max = UNSET
        else:
            age_max = self.age_max

        labour_office_status: str | Unset = UNSET
        if not isinstance(self.labour_office_status, Unset):
            labour_office_status = self.labour_office_status.value

        social_assistance_use: str | Unset = UNSET
        if not isinstance(self.social_assistance_use, Unset):
            social_assistance_use = self.social_assistance_use.value

        notes: None | str | Unset
        if isinstance(self.notes, Unset):
            notes = UNSET
        else:
            notes = self.notes

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if teryt_codes is not UNSET:
            field_dict["teryt_codes"] = teryt_codes
        if age_min is not UNSET:
            field_dict["age_min"] = age_min
        if age_max is not UNSET:
            field_dict["age_max"] = age_max
        if labour_office_status is not UNSET:
            field_dict["labour_office_status"] = labour_office_status
        if social_assistance_use is not UNSET:
            field_dict["social_assistance_use"] = social_assistance_use
        if notes is not UNSET:
            field_dict["notes"] = notes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        teryt_codes = cast(list[str], d.pop("teryt_codes", UNSET))

        def _parse_age_min(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age_min = _parse_age_min(d.pop("age_min", UNSET))

        def _parse_age_max(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        age_max = _parse_age_max(d.pop("age_max", UNSET))

        _labour_office_status = d.pop("labour_office_status", UNSET)
        labour_office_status: CriteriaLabourOfficeStatus | Unset
        if isinstance(_labour_office_status, Unset):
            labour_office_status = UNSET
        else:
            labour_office_status = CriteriaLabourOfficeStatus(_labour_office_status)

        _social_assistance_use = d.pop("social_assistance_use", UNSET)
        social_assistance_use: CriteriaSocialAssistanceUse | Unset
        if isinstance(_social_assistance_use, Unset):
            social_assistance_use = UNSET
        else:
            social_assistance_use = CriteriaSocialAssistanceUse(_social_assistance_use)

        def _parse_notes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notes = _parse_notes(d.pop("notes", UNSET))

        criteria = cls(
            teryt_codes=teryt_codes,
            age_min=age_min,
            age_max=age_max,
            labour_office_status=labour_office_status,
            social_assistance_use=social_assistance_use,
            notes=notes,
        )

        return criteria
