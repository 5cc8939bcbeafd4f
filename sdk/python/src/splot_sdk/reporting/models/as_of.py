from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.source_lag import SourceLag


T = TypeVar("T", bound="AsOf")


@_attrs_define
class AsOf:
    """
    Attributes:
        generated_at (datetime.datetime):
        data_as_of (datetime.datetime | None):
        sources (list[SourceLag]):
    """

    generated_at: datetime.datetime
    data_as_of: datetime.datetime | None
    sources: list[SourceLag]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        generated_at = self.generated_at.isoformat()

        data_as_of: None | str
        if isinstance(self.data_as_of, datetime.datetime):
            data_as_of = self.data_as_of.isoformat()
        else:
            data_as_of = self.data_as_of

        sources = []
        for sources_item_data in self.sources:
            sources_item = sources_item_data.to_dict()
            sources.append(sources_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "generated_at": generated_at,
                "data_as_of": data_as_of,
                "sources": sources,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.source_lag import SourceLag  # noqa: PLC0415

        d = dict(src_dict)
        generated_at = datetime.datetime.fromisoformat(d.pop("generated_at"))

        def _parse_data_as_of(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                data_as_of_type_0 = datetime.datetime.fromisoformat(data)

                return data_as_of_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        data_as_of = _parse_data_as_of(d.pop("data_as_of"))

        sources = []
        _sources = d.pop("sources")
        for sources_item_data in _sources:
            sources_item = SourceLag.from_dict(sources_item_data)

            sources.append(sources_item)

        as_of = cls(
            generated_at=generated_at,
            data_as_of=data_as_of,
            sources=sources,
        )

        as_of.additional_properties = d
        return as_of

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
