from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.person_internal_summary_status import PersonInternalSummaryStatus
from ..models.sex import Sex

T = TypeVar("T", bound="PersonInternalSummary")


@_attrs_define
class PersonInternalSummary:
    """
    Attributes:
        id (UUID):
        birth_year (int):
        sex (Sex):
        gmina (None | str):
        status (PersonInternalSummaryStatus):
        merged_into (None | UUID):
    """

    id: UUID
    birth_year: int
    sex: Sex
    gmina: None | str
    status: PersonInternalSummaryStatus
    merged_into: None | UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        birth_year = self.birth_year

        sex = self.sex.value

        gmina: None | str
        gmina = self.gmina

        status = self.status.value

        merged_into: None | str
        if isinstance(self.merged_into, UUID):
            merged_into = str(self.merged_into)
        else:
            merged_into = self.merged_into

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "birth_year": birth_year,
                "sex": sex,
                "gmina": gmina,
                "status": status,
                "merged_into": merged_into,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        birth_year = d.pop("birth_year")

        sex = Sex(d.pop("sex"))

        def _parse_gmina(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gmina = _parse_gmina(d.pop("gmina"))

        status = PersonInternalSummaryStatus(d.pop("status"))

        def _parse_merged_into(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                merged_into_type_0 = UUID(data)

                return merged_into_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        merged_into = _parse_merged_into(d.pop("merged_into"))

        person_internal_summary = cls(
            id=id,
            birth_year=birth_year,
            sex=sex,
            gmina=gmina,
            status=status,
            merged_into=merged_into,
        )

        person_internal_summary.additional_properties = d
        return person_internal_summary

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
