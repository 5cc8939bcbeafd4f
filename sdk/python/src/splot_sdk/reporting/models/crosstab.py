from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.crosstab_row import CrosstabRow


T = TypeVar("T", bound="Crosstab")


@_attrs_define
class Crosstab:
    """
    Attributes:
        round_id (UUID):
        question (str):
        indicator (str):
        period_from (str):
        period_to (str):
        rows (list[CrosstabRow]):
    """

    round_id: UUID
    question: str
    indicator: str
    period_from: str
    period_to: str
    rows: list[CrosstabRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_id = str(self.round_id)

        question = self.question

        indicator = self.indicator

        period_from = self.period_from

        period_to = self.period_to

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round_id": round_id,
                "question": question,
                "indicator": indicator,
                "period_from": period_from,
                "period_to": period_to,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.crosstab_row import CrosstabRow  # noqa: PLC0415

        d = dict(src_dict)
        round_id = UUID(d.pop("round_id"))

        question = d.pop("question")

        indicator = d.pop("indicator")

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = CrosstabRow.from_dict(rows_item_data)

            rows.append(rows_item)

        crosstab = cls(
            round_id=round_id,
            question=question,
            indicator=indicator,
            period_from=period_from,
            period_to=period_to,
            rows=rows,
        )

        crosstab.additional_properties = d
        return crosstab

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
