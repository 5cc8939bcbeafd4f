from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TargetRead")


@_attrs_define
class TargetRead:
    """
    Attributes:
        id (UUID):
        indicator_code (str):
        period (str):
        baseline (float | None):
        target_value (float):
        direction (str):
    """

    id: UUID
    indicator_code: str
    period: str
    baseline: float | None
    target_value: float
    direction: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        indicator_code = self.indicator_code

        period = self.period

        baseline: float | None
        baseline = self.baseline

        target_value = self.target_value

        direction = self.direction

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "indicator_code": indicator_code,
                "period": period,
                "baseline": baseline,
                "target_value": target_value,
                "direction": direction,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        indicator_code = d.pop("indicator_code")

        period = d.pop("period")

        def _parse_baseline(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        baseline = _parse_baseline(d.pop("baseline"))

        target_value = d.pop("target_value")

        direction = d.pop("direction")

        target_read = cls(
            id=id,
            indicator_code=indicator_code,
            period=period,
            baseline=baseline,
            target_value=target_value,
            direction=direction,
        )

        target_read.additional_properties = d
        return target_read

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
