from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.scope_read import ScopeRead
    from ..models.series_point import SeriesPoint
    from ..models.series_read_filters import SeriesReadFilters
    from ..models.suppression import Suppression


T = TypeVar("T", bound="SeriesRead")


@_attrs_define
class SeriesRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        granularity (Granularity):
        measures (list[str]):
        filters (SeriesReadFilters):
        points (list[SeriesPoint]):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    granularity: Granularity
    measures: list[str]
    filters: SeriesReadFilters
    points: list[SeriesPoint]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        granularity = self.granularity.value

        measures = self.measures

        filters = self.filters.to_dict()

        points = []
        for points_item_data in self.points:
            points_item = points_item_data.to_dict()
            points.append(points_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "granularity": granularity,
                "measures": measures,
                "filters": filters,
                "points": points,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.series_point import SeriesPoint  # noqa: PLC0415
        from ..models.series_read_filters import SeriesReadFilters  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        granularity = Granularity(d.pop("granularity"))

        measures = cast(list[str], d.pop("measures"))

        filters = SeriesReadFilters.from_dict(d.pop("filters"))

        points = []
        _points = d.pop("points")
        for points_item_data in _points:
            points_item = SeriesPoint.from_dict(points_item_data)

            points.append(points_item)

        series_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            granularity=granularity,
            measures=measures,
            filters=filters,
            points=points,
        )

        series_read.additional_properties = d
        return series_read

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
