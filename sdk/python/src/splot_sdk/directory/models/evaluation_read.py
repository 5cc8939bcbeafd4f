from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EvaluationRead")


@_attrs_define
class EvaluationRead:
    """
    Attributes:
        id (UUID):
        institution_id (UUID):
        period (str):
        what_works (str):
        barriers (str):
        proposals (str):
        score (int):
        problem_areas (list[str]):
        submitted_at (datetime.datetime):
    """

    id: UUID
    institution_id: UUID
    period: str
    what_works: str
    barriers: str
    proposals: str
    score: int
    problem_areas: list[str]
    submitted_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        institution_id = str(self.institution_id)

        period = self.period

        what_works = self.what_works

        barriers = self.barriers

        proposals = self.proposals

        score = self.score

        problem_areas = self.problem_areas

        submitted_at = self.submitted_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "institution_id": institution_id,
                "period": period,
                "what_works": what_works,
                "barriers": barriers,
                "proposals": proposals,
                "score": score,
                "problem_areas": problem_areas,
                "submitted_at": submitted_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        institution_id = UUID(d.pop("institution_id"))

        period = d.pop("period")

        what_works = d.pop("what_works")

        barriers = d.pop("barriers")

        proposals = d.pop("proposals")

        score = d.pop("score")

        problem_areas = cast(list[str], d.pop("problem_areas"))

        submitted_at = datetime.datetime.fromisoformat(d.pop("submitted_at"))

        evaluation_read = cls(
            id=id,
            institution_id=institution_id,
            period=period,
            what_works=what_works,
            barriers=barriers,
            proposals=proposals,
            score=score,
            problem_areas=problem_areas,
            submitted_at=submitted_at,
        )

        evaluation_read.additional_properties = d
        return evaluation_read

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
