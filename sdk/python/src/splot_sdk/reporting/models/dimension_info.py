from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dimension_info_labels_type_0 import DimensionInfoLabelsType0


T = TypeVar("T", bound="DimensionInfo")


@_attrs_define
class DimensionInfo:
    """
    Attributes:
        name (str):
        definition (str):
        values (list[str] | None):
        pattern (None | str):
        labels (DimensionInfoLabelsType0 | None | Unset): Names of known values (programme: the directory's programme
            catalogue)
    """

    name: str
    definition: str
    values: list[str] | None
    pattern: None | str
    labels: DimensionInfoLabelsType0 | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.dimension_info_labels_type_0 import DimensionInfoLabelsType0  # noqa: PLC0415

        name = self.name

        definition = self.definition

        values: list[str] | None
        if isinstance(self.values, list):
            values = self.values

        else:
            values = self.values

        pattern: None | str
        pattern = self.pattern

        labels: dict[str, Any] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, DimensionInfoLabelsType0):
            labels = self.labels.to_dict()
        else:
            labels = self.labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "definition": definition,
                "values": values,
                "pattern": pattern,
            }
        )
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dimension_info_labels_type_0 import DimensionInfoLabelsType0  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        definition = d.pop("definition")

        def _parse_values(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                values_type_0 = cast(list[str], data)

                return values_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        values = _parse_values(d.pop("values"))

        def _parse_pattern(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        pattern = _parse_pattern(d.pop("pattern"))

        def _parse_labels(data: object) -> DimensionInfoLabelsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                labels_type_0 = DimensionInfoLabelsType0.from_dict(data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DimensionInfoLabelsType0 | None | Unset, data)

        labels = _parse_labels(d.pop("labels", UNSET))

        dimension_info = cls(
            name=name,
            definition=definition,
            values=values,
            pattern=pattern,
            labels=labels,
        )

        dimension_info.additional_properties = d
        return dimension_info

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
