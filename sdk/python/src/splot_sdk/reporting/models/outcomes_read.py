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
    from ..models.outcomes_read_filters import OutcomesReadFilters
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="OutcomesRead")


@_attrs_define
class OutcomesRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        granularity (Granularity):
        measures (list[str]):
        dimensions (list[str]):
        filters (OutcomesReadFilters):
        rows (list[AggregateRow]):
        outcome_codes (list[BreakdownRow]):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    granularity: Granularity
    measures: list[str]
    dimensions: list[str]
    filters: OutcomesReadFilters
    rows: list[AggregateRow]
    outcome_codes: list[BreakdownRow]
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

        outcome_codes = []
        for outcome_codes_item_data in self.outcome_codes:
            outcome_codes_item = outcome_codes_item_data.to_dict()
            outcome_codes.append(outcome_codes_item)

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
                "outcome_codes": outcome_codes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.aggregate_row import AggregateRow  # noqa: PLC0415
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.breakdown_row import BreakdownRow  # noqa: PLC0415
        from ..models.outcomes_read_filters import OutcomesReadFilters  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        granularity = Granularity(d.pop("granularity"))

        measures = cast(list[str], d.pop("measures"))

        dimensions = cast(list[str], d.pop("dimensions"))

        filters = OutcomesReadFilters.from_dict(d.pop("filters"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = AggregateRow.from_dict(rows_item_data)

            rows.append(rows_item)

        outcome_codes = []
        _outcome_codes = d.pop("outcome_codes")
        for outcome_codes_item_data in _outcome_codes:
            outcome_codes_item = BreakdownRow.from_dict(outcome_codes_item_data)

            outcome_codes.append(outcome_codes_item)

        outcomes_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            granularity=granularity,
            measures=measures,
            dimensions=dimensions,
            filters=filters,
            rows=rows,
            outcome_codes=outcome_codes,
        )

        outcomes_read.additional_properties = d
        return outcomes_read

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
