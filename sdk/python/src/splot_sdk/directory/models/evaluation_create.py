from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

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
    """

    period: str
    what_works: str
    barriers: str
    proposals: str
    score: int

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        what_works = self.what_works

        barriers = self.barriers

        proposals = self.proposals

        score = self.score

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        what_works = d.pop("what_works")

        barriers = d.pop("barriers")

        proposals = d.pop("proposals")

        score = d.pop("score")

        evaluation_create = cls(
            period=period,
            what_works=what_works,
            barriers=barriers,
            proposals=proposals,
            score=score,
        )

        return evaluation_create
