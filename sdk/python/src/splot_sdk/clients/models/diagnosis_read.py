from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.diagnosis_read_status import DiagnosisReadStatus

if TYPE_CHECKING:
    from ..models.contributor_read import ContributorRead
    from ..models.diagnosis_area_read import DiagnosisAreaRead


T = TypeVar("T", bound="DiagnosisRead")


@_attrs_define
class DiagnosisRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        owner_institution_id (UUID):
        author_sub (str):
        diagnosed_on (datetime.date):
        joint (bool):
        status (DiagnosisReadStatus):
        areas (list[DiagnosisAreaRead]):
        hidden_sensitive_areas (int): Sensitive areas recorded that you may not see
        strengths (None | str):
        person_view (None | str):
        conclusion (None | str):
        contributors (list[ContributorRead]):
        signed_at (datetime.datetime | None):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
    """

    id: UUID
    person_id: UUID
    owner_institution_id: UUID
    author_sub: str
    diagnosed_on: datetime.date
    joint: bool
    status: DiagnosisReadStatus
    areas: list[DiagnosisAreaRead]
    hidden_sensitive_areas: int
    strengths: None | str
    person_view: None | str
    conclusion: None | str
    contributors: list[ContributorRead]
    signed_at: datetime.datetime | None
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        owner_institution_id = str(self.owner_institution_id)

        author_sub = self.author_sub

        diagnosed_on = self.diagnosed_on.isoformat()

        joint = self.joint

        status = self.status.value

        areas = []
        for areas_item_data in self.areas:
            areas_item = areas_item_data.to_dict()
            areas.append(areas_item)

        hidden_sensitive_areas = self.hidden_sensitive_areas

        strengths: None | str
        strengths = self.strengths

        person_view: None | str
        person_view = self.person_view

        conclusion: None | str
        conclusion = self.conclusion

        contributors = []
        for contributors_item_data in self.contributors:
            contributors_item = contributors_item_data.to_dict()
            contributors.append(contributors_item)

        signed_at: None | str
        if isinstance(self.signed_at, datetime.datetime):
            signed_at = self.signed_at.isoformat()
        else:
            signed_at = self.signed_at

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "owner_institution_id": owner_institution_id,
                "author_sub": author_sub,
                "diagnosed_on": diagnosed_on,
                "joint": joint,
                "status": status,
                "areas": areas,
                "hidden_sensitive_areas": hidden_sensitive_areas,
                "strengths": strengths,
                "person_view": person_view,
                "conclusion": conclusion,
                "contributors": contributors,
                "signed_at": signed_at,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contributor_read import ContributorRead  # noqa: PLC0415
        from ..models.diagnosis_area_read import DiagnosisAreaRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        owner_institution_id = UUID(d.pop("owner_institution_id"))

        author_sub = d.pop("author_sub")

        diagnosed_on = datetime.date.fromisoformat(d.pop("diagnosed_on"))

        joint = d.pop("joint")

        status = DiagnosisReadStatus(d.pop("status"))

        areas = []
        _areas = d.pop("areas")
        for areas_item_data in _areas:
            areas_item = DiagnosisAreaRead.from_dict(areas_item_data)

            areas.append(areas_item)

        hidden_sensitive_areas = d.pop("hidden_sensitive_areas")

        def _parse_strengths(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        strengths = _parse_strengths(d.pop("strengths"))

        def _parse_person_view(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        person_view = _parse_person_view(d.pop("person_view"))

        def _parse_conclusion(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        conclusion = _parse_conclusion(d.pop("conclusion"))

        contributors = []
        _contributors = d.pop("contributors")
        for contributors_item_data in _contributors:
            contributors_item = ContributorRead.from_dict(contributors_item_data)

            contributors.append(contributors_item)

        def _parse_signed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                signed_at_type_0 = datetime.datetime.fromisoformat(data)

                return signed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        signed_at = _parse_signed_at(d.pop("signed_at"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        diagnosis_read = cls(
            id=id,
            person_id=person_id,
            owner_institution_id=owner_institution_id,
            author_sub=author_sub,
            diagnosed_on=diagnosed_on,
            joint=joint,
            status=status,
            areas=areas,
            hidden_sensitive_areas=hidden_sensitive_areas,
            strengths=strengths,
            person_view=person_view,
            conclusion=conclusion,
            contributors=contributors,
            signed_at=signed_at,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
        )

        diagnosis_read.additional_properties = d
        return diagnosis_read

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
