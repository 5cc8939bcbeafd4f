from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.rate_level import RateLevel

if TYPE_CHECKING:
    from ..models.rate_row import RateRow


T = TypeVar("T", bound="ResponseRate")


@_attrs_define
class ResponseRate:
    """
    Attributes:
        round_id (UUID):
        level (RateLevel):
        rows (list[RateRow]):
    """

    round_id: UUID
    level: RateLevel
    rows: list[RateRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_id = str(self.round_id)

        level = self.level.value

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round_id": round_id,
                "level": level,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rate_row import RateRow  # noqa: PLC0415

        d = dict(src_dict)
        round_id = UUID(d.pop("round_id"))

        level = RateLevel(d.pop("level"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = RateRow.from_dict(rows_item_data)

            rows.append(rows_item)

        response_rate = cls(
            round_id=round_id,
            level=level,
            rows=rows,
        )

        response_rate.additional_properties = d
        return response_rate

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
