from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.shared_clients_row_values import SharedClientsRowValues


T = TypeVar("T", bound="SharedClientsRow")


@_attrs_define
class SharedClientsRow:
    """
    Attributes:
        period (str):
        territory (None | str):
        values (SharedClientsRowValues):
    """

    period: str
    territory: None | str
    values: SharedClientsRowValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        territory: None | str
        territory = self.territory

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "territory": territory,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.shared_clients_row_values import SharedClientsRowValues  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        def _parse_territory(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        territory = _parse_territory(d.pop("territory"))

        values = SharedClientsRowValues.from_dict(d.pop("values"))

        shared_clients_row = cls(
            period=period,
            territory=territory,
            values=values,
        )

        shared_clients_row.additional_properties = d
        return shared_clients_row

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
