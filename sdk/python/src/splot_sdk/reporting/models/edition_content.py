from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.granularity import Granularity

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.edition_table import EditionTable
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="EditionContent")


@_attrs_define
class EditionContent:
    """
    Attributes:
        period (str):
        granularity (Granularity):
        scope (ScopeRead):
        as_of (AsOf):
        suppression (Suppression):
        tables (list[EditionTable]):
    """

    period: str
    granularity: Granularity
    scope: ScopeRead
    as_of: AsOf
    suppression: Suppression
    tables: list[EditionTable]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        granularity = self.granularity.value

        scope = self.scope.to_dict()

        as_of = self.as_of.to_dict()

        suppression = self.suppression.to_dict()

        tables = []
        for tables_item_data in self.tables:
            tables_item = tables_item_data.to_dict()
            tables.append(tables_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "granularity": granularity,
                "scope": scope,
                "as_of": as_of,
                "suppression": suppression,
                "tables": tables,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.edition_table import EditionTable  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        granularity = Granularity(d.pop("granularity"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        as_of = AsOf.from_dict(d.pop("as_of"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        tables = []
        _tables = d.pop("tables")
        for tables_item_data in _tables:
            tables_item = EditionTable.from_dict(tables_item_data)

            tables.append(tables_item)

        edition_content = cls(
            period=period,
            granularity=granularity,
            scope=scope,
            as_of=as_of,
            suppression=suppression,
            tables=tables,
        )

        edition_content.additional_properties = d
        return edition_content

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
