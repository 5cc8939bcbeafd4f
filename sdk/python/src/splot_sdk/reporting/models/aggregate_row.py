from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aggregate_row_dimensions import AggregateRowDimensions
    from ..models.aggregate_row_values import AggregateRowValues


T = TypeVar("T", bound="AggregateRow")


@_attrs_define
class AggregateRow:
    """
    Attributes:
        period (str):
        dimensions (AggregateRowDimensions):
        values (AggregateRowValues):
    """

    period: str
    dimensions: AggregateRowDimensions
    values: AggregateRowValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        dimensions = self.dimensions.to_dict()

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "dimensions": dimensions,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_row_dimensions import AggregateRowDimensions  # noqa: PLC0415
        from ..models.aggregate_row_values import AggregateRowValues  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        dimensions = AggregateRowDimensions.from_dict(d.pop("dimensions"))

        values = AggregateRowValues.from_dict(d.pop("values"))

        aggregate_row = cls(
            period=period,
            dimensions=dimensions,
            values=values,
        )

        aggregate_row.additional_properties = d
        return aggregate_row

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
