from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.cooperation_row import CooperationRow
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="CooperationRead")


@_attrs_define
class CooperationRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        period (str):
        rows (list[CooperationRow]):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    period: str
    rows: list[CooperationRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        period = self.period

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "period": period,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.cooperation_row import CooperationRow  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        period = d.pop("period")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = CooperationRow.from_dict(rows_item_data)

            rows.append(rows_item)

        cooperation_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            period=period,
            rows=rows,
        )

        cooperation_read.additional_properties = d
        return cooperation_read

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
