from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EvaluationCreate")


@_attrs_define
class EvaluationCreate:
    """
    Attributes:
        period (str):
        what_works (str):
        barriers (str):
        proposals (str):
        score (int):
        problem_areas (list[str] | Unset):
    """

    period: str
    what_works: str
    barriers: str
    proposals: str
    score: int
    problem_areas: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        what_works = self.what_works

        barriers = self.barriers

        proposals = self.proposals

        score = self.score

        problem_areas: list[str] | Unset = UNSET
        if not isinstance(self.problem_areas, Unset):
            problem_areas = self.problem_areas

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
                "what_works": what_works,
                "barriers": barriers,
                "proposals": proposals,
                "score": score,
            }
        )
        if problem_areas is not UNSET:
            field_dict["problem_areas"] = problem_areas

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        what_works = d.pop("what_works")

        barriers = d.pop("barriers")

        proposals = d.pop("proposals")

        score = d.pop("score")

        problem_areas = cast(list[str], d.pop("problem_areas", UNSET))

        evaluation_create = cls(
            period=period,
            what_works=what_works,
            barriers=barriers,
            proposals=proposals,
            score=score,
            problem_areas=problem_areas,
        )

        return evaluation_create
