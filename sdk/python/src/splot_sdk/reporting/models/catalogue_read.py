from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity

if TYPE_CHECKING:
    from ..models.dimension_info import DimensionInfo
    from ..models.measure_info import MeasureInfo
    from ..models.suppression import Suppression


T = TypeVar("T", bound="CatalogueRead")


@_attrs_define
class CatalogueRead:
    """
    Attributes:
        measures (list[MeasureInfo]):
        dimensions (list[DimensionInfo]):
        granularities (list[Granularity]):
        suppression (Suppression):
    """

    measures: list[MeasureInfo]
    dimensions: list[DimensionInfo]
    granularities: list[Granularity]
    suppression: Suppression
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measures = []
        for measures_item_data in self.measures:
            measures_item = measures_item_data.to_dict()
            measures.append(measures_item)

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)

        granularities = []
        for granularities_item_data in self.granularities:
            granularities_item = granularities_item_data.value
            granularities.append(granularities_item)

        suppression = self.suppression.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measures": measures,
                "dimensions": dimensions,
                "granularities": granularities,
                "suppression": suppression,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_info import DimensionInfo  # noqa: PLC0415
        from ..models.measure_info import MeasureInfo  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        measures = []
        _measures = d.pop("measures")
        for measures_item_data in _measures:
            measures_item = MeasureInfo.from_dict(measures_item_data)

            measures.append(measures_item)

        dimensions = []
        _dimensions = d.pop("dimensions")
        for dimensions_item_data in _dimensions:
            dimensions_item = DimensionInfo.from_dict(dimensions_item_data)

            dimensions.append(dimensions_item)

        granularities = []
        _granularities = d.pop("granularities")
        for granularities_item_data in _granularities:
            granularities_item = Granularity(granularities_item_data)

            granularities.append(granularities_item)

        suppression = Suppression.from_dict(d.pop("suppression"))

        catalogue_read = cls(
            measures=measures,
            dimensions=dimensions,
            granularities=granularities,
            suppression=suppression,
        )

        catalogue_read.additional_properties = d
        return catalogue_read

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
