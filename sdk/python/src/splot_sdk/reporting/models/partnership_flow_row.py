from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partnership_flow_row_values import PartnershipFlowRowValues


T = TypeVar("T", bound="PartnershipFlowRow")


@_attrs_define
class PartnershipFlowRow:
    """
    Attributes:
        route (str):
        service_type (str):
        values (PartnershipFlowRowValues):
    """

    route: str
    service_type: str
    values: PartnershipFlowRowValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        route = self.route

        service_type = self.service_type

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "route": route,
                "service_type": service_type,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partnership_flow_row_values import PartnershipFlowRowValues  # noqa: PLC0415

        d = dict(src_dict)
        route = d.pop("route")

        service_type = d.pop("service_type")

        values = PartnershipFlowRowValues.from_dict(d.pop("values"))

        partnership_flow_row = cls(
            route=route,
            service_type=service_type,
            values=values,
        )

        partnership_flow_row.additional_properties = d
        return partnership_flow_row

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
