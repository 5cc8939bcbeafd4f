from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.aggregate_row import AggregateRow


T = TypeVar("T", bound="EditionTable")


@_attrs_define
class EditionTable:
    """
    Attributes:
        name (str):
        title (str):
        dimensions (list[str]):
        measures (list[str]):
        rows (list[AggregateRow]):
    """

    name: str
    title: str
    dimensions: list[str]
    measures: list[str]
    rows: list[AggregateRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        dimensions = self.dimensions

        measures = self.measures

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "dimensions": dimensions,
                "measures": measures,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_row import AggregateRow  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        dimensions = cast(list[str], d.pop("dimensions"))

        measures = cast(list[str], d.pop("measures"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = AggregateRow.from_dict(rows_item_data)

            rows.append(rows_item)

        edition_table = cls(
            name=name,
            title=title,
            dimensions=dimensions,
            measures=measures,
            rows=rows,
        )

        edition_table.additional_properties = d
        return edition_table

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
