from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.breakdown_row_codes import BreakdownRowCodes
    from ..models.breakdown_row_dimensions import BreakdownRowDimensions
    from ..models.cell import Cell


T = TypeVar("T", bound="BreakdownRow")


@_attrs_define
class BreakdownRow:
    """
    Attributes:
        period (str):
        dimensions (BreakdownRowDimensions):
        codes (BreakdownRowCodes):
        count (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
    """

    period: str
    dimensions: BreakdownRowDimensions
    codes: BreakdownRowCodes
    count: Cell
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        dimensions = self.dimensions.to_dict()

        codes = self.codes.to_dict()

        count = self.count.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "dimensions": dimensions,
                "codes": codes,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.breakdown_row_codes import BreakdownRowCodes  # noqa: PLC0415
        from ..models.breakdown_row_dimensions import BreakdownRowDimensions  # noqa: PLC0415
        from ..models.cell import Cell  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        dimensions = BreakdownRowDimensions.from_dict(d.pop("dimensions"))

        codes = BreakdownRowCodes.from_dict(d.pop("codes"))

        count = Cell.from_dict(d.pop("count"))

        breakdown_row = cls(
            period=period,
            dimensions=dimensions,
            codes=codes,
            count=count,
        )

        breakdown_row.additional_properties = d
        return breakdown_row

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
