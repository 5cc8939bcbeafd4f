from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity

if TYPE_CHECKING:
    from ..models.aggregate_row import AggregateRow
    from ..models.as_of import AsOf
    from ..models.breakdown_row import BreakdownRow
    from ..models.responses_read_filters import ResponsesReadFilters
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="ResponsesRead")


@_attrs_define
class ResponsesRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        granularity (Granularity):
        measures (list[str]):
        dimensions (list[str]):
        filters (ResponsesReadFilters):
        rows (list[AggregateRow]):
        reasons (list[BreakdownRow]):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    granularity: Granularity
    measures: list[str]
    dimensions: list[str]
    filters: ResponsesReadFilters
    rows: list[AggregateRow]
    reasons: list[BreakdownRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        granularity = self.granularity.value

        measures = self.measures

        dimensions = self.dimensions

        filters = self.filters.to_dict()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        reasons = []
        for reasons_item_data in self.reasons:
            reasons_item = reasons_item_data.to_dict()
            reasons.append(reasons_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "granularity": granularity,
                "measures": measures,
                "dimensions": dimensions,
                "filters": filters,
                "rows": rows,
                "reasons": reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_row import AggregateRow  # noqa: PLC0415
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.breakdown_row import BreakdownRow  # noqa: PLC0415
        from ..models.responses_read_filters import ResponsesReadFilters  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        granularity = Granularity(d.pop("granularity"))

        measures = cast(list[str], d.pop("measures"))

        dimensions = cast(list[str], d.pop("dimensions"))

        filters = ResponsesReadFilters.from_dict(d.pop("filters"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = AggregateRow.from_dict(rows_item_data)

            rows.append(rows_item)

        reasons = []
        _reasons = d.pop("reasons")
        for reasons_item_data in _reasons:
            reasons_item = BreakdownRow.from_dict(reasons_item_data)

            reasons.append(reasons_item)

        responses_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            granularity=granularity,
            measures=measures,
            dimensions=dimensions,
            filters=filters,
            rows=rows,
            reasons=reasons,
        )

        responses_read.additional_properties = d
        return responses_read

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
