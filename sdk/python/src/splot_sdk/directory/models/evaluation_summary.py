from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.evaluation_read import EvaluationRead


T = TypeVar("T", bound="EvaluationSummary")


@_attrs_define
class EvaluationSummary:
    """
    Attributes:
        period (str):
        parties_answered (int):
        mean_score (float | None):
        latest (list[EvaluationRead]):
    """

    period: str
    parties_answered: int
    mean_score: float | None
    latest: list[EvaluationRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        parties_answered = self.parties_answered

        mean_score: float | None
        mean_score = self.mean_score

        latest = []
        for latest_item_data in self.latest:
            latest_item = latest_item_data.to_dict()
            latest.append(latest_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "parties_answered": parties_answered,
                "mean_score": mean_score,
                "latest": latest,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluation_read import EvaluationRead  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        parties_answered = d.pop("parties_answered")

        def _parse_mean_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        mean_score = _parse_mean_score(d.pop("mean_score"))

        latest = []
        _latest = d.pop("latest")
        for latest_item_data in _latest:
            latest_item = EvaluationRead.from_dict(latest_item_data)

            latest.append(latest_item)

        evaluation_summary = cls(
            period=period,
            parties_answered=parties_answered,
            mean_score=mean_score,
            latest=latest,
        )

        evaluation_summary.additional_properties = d
        return evaluation_summary

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
