from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell
    from ..models.question_result import QuestionResult
    from ..models.result_filters import ResultFilters
    from ..models.survey_suppression import SurveySuppression


T = TypeVar("T", bound="RoundResults")


@_attrs_define
class RoundResults:
    """
    Attributes:
        round_id (UUID):
        as_of (datetime.datetime):
        respondents (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        filters (ResultFilters):
        suppression (SurveySuppression):
        questions (list[QuestionResult]):
    """

    round_id: UUID
    as_of: datetime.datetime
    respondents: Cell
    filters: ResultFilters
    suppression: SurveySuppression
    questions: list[QuestionResult]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_id = str(self.round_id)

        as_of = self.as_of.isoformat()

        respondents = self.respondents.to_dict()

        filters = self.filters.to_dict()

        suppression = self.suppression.to_dict()

        questions = []
        for questions_item_data in self.questions:
            questions_item = questions_item_data.to_dict()
            questions.append(questions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round_id": round_id,
                "as_of": as_of,
                "respondents": respondents,
                "filters": filters,
                "suppression": suppression,
                "questions": questions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415
        from ..models.question_result import QuestionResult  # noqa: PLC0415
        from ..models.result_filters import ResultFilters  # noqa: PLC0415
        from ..models.survey_suppression import SurveySuppression  # noqa: PLC0415

        d = dict(src_dict)
        round_id = UUID(d.pop("round_id"))

        as_of = datetime.datetime.fromisoformat(d.pop("as_of"))

        respondents = Cell.from_dict(d.pop("respondents"))

        filters = ResultFilters.from_dict(d.pop("filters"))

        suppression = SurveySuppression.from_dict(d.pop("suppression"))

        questions = []
        _questions = d.pop("questions")
        for questions_item_data in _questions:
            questions_item = QuestionResult.from_dict(questions_item_data)

            questions.append(questions_item)

        round_results = cls(
            round_id=round_id,
            as_of=as_of,
            respondents=respondents,
            filters=filters,
            suppression=suppression,
            questions=questions,
        )

        round_results.additional_properties = d
        return round_results

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
