from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.node import Node
    from ..models.partner_row_values import PartnerRowValues


T = TypeVar("T", bound="PartnerRow")


@_attrs_define
class PartnerRow:
    """
    Attributes:
        partner (Node):
        agreement_in_force (bool):
        values (PartnerRowValues):
    """

    partner: Node
    agreement_in_force: bool
    values: PartnerRowValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        partner = self.partner.to_dict()

        agreement_in_force = self.agreement_in_force

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "partner": partner,
                "agreement_in_force": agreement_in_force,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.node import Node  # noqa: PLC0415
        from ..models.partner_row_values import PartnerRowValues  # noqa: PLC0415

        d = dict(src_dict)
        partner = Node.from_dict(d.pop("partner"))

        agreement_in_force = d.pop("agreement_in_force")

        values = PartnerRowValues.from_dict(d.pop("values"))

        partner_row = cls(
            partner=partner,
            agreement_in_force=agreement_in_force,
            values=values,
        )

        partner_row.additional_properties = d
        return partner_row

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
