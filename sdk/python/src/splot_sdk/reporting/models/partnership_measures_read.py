from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.partnership_flow_row import PartnershipFlowRow
    from ..models.partnership_measures_read_indicators import PartnershipMeasuresReadIndicators
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="PartnershipMeasuresRead")


@_attrs_define
class PartnershipMeasuresRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        partnership_id (UUID):
        status (str):
        period_from (str):
        period_to (str):
        exact (bool):
        flows (list[PartnershipFlowRow]):
        indicators (PartnershipMeasuresReadIndicators):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    partnership_id: UUID
    status: str
    period_from: str
    period_to: str
    exact: bool
    flows: list[PartnershipFlowRow]
    indicators: PartnershipMeasuresReadIndicators
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        partnership_id = str(self.partnership_id)

        status = self.status

        period_from = self.period_from

        period_to = self.period_to

        exact = self.exact

        flows = []
        for flows_item_data in self.flows:
            flows_item = flows_item_data.to_dict()
            flows.append(flows_item)

        indicators = self.indicators.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "partnership_id": partnership_id,
                "status": status,
                "period_from": period_from,
                "period_to": period_to,
                "exact": exact,
                "flows": flows,
                "indicators": indicators,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.partnership_flow_row import PartnershipFlowRow  # noqa: PLC0415
        from ..models.partnership_measures_read_indicators import PartnershipMeasuresReadIndicators  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        partnership_id = UUID(d.pop("partnership_id"))

        status = d.pop("status")

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        exact = d.pop("exact")

        flows = []
        _flows = d.pop("flows")
        for flows_item_data in _flows:
            flows_item = PartnershipFlowRow.from_dict(flows_item_data)

            flows.append(flows_item)

        indicators = PartnershipMeasuresReadIndicators.from_dict(d.pop("indicators"))

        partnership_measures_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            partnership_id=partnership_id,
            status=status,
            period_from=period_from,
            period_to=period_to,
            exact=exact,
            flows=flows,
            indicators=indicators,
        )

        partnership_measures_read.additional_properties = d
        return partnership_measures_read

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
