from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.indicator_code import IndicatorCode
from ..models.target_in_direction import TargetInDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="TargetIn")


@_attrs_define
class TargetIn:
    """
    Attributes:
        indicator_code (IndicatorCode):
        period (str):
        target_value (float):
        baseline (float | None | Unset):
        direction (TargetInDirection | Unset):  Default: TargetInDirection.AT_LEAST.
    """

    indicator_code: IndicatorCode
    period: str
    target_value: float
    baseline: float | None | Unset = UNSET
    direction: TargetInDirection | Unset = TargetInDirection.AT_LEAST

    def to_dict(self) -> dict[str, Any]:
        indicator_code = self.indicator_code.value

        period = self.period

        target_value = self.target_value

        baseline: float | None | Unset
        if isinstance(self.baseline, Unset):
            baseline = UNSET
        else:
            baseline = self.baseline

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "indicator_code": indicator_code,
                "period": period,
                "target_value": target_value,
            }
        )
        if baseline is not UNSET:
            field_dict["baseline"] = baseline
        if direction is not UNSET:
            field_dict["direction"] = direction

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        indicator_code = IndicatorCode(d.pop("indicator_code"))

        period = d.pop("period")

        target_value = d.pop("target_value")

        def _parse_baseline(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        baseline = _parse_baseline(d.pop("baseline", UNSET))

        _direction = d.pop("direction", UNSET)
        direction: TargetInDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = TargetInDirection(_direction)

        target_in = cls(
            indicator_code=indicator_code,
            period=period,
            target_value=target_value,
            baseline=baseline,
            direction=direction,
        )

        return target_in
