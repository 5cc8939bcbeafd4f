from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell


T = TypeVar("T", bound="CooperationRow")


@_attrs_define
class CooperationRow:
    """
    Attributes:
        period (str):
        powiat (str):
        cooperation_index (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never
            0.
        referrals (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        active_pairs (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        reciprocity (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        sector_coverage (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never
            0.
        ngo_involvement (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never
            0.
        agreement_coverage (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``,
            never 0.
        agreements_in_force (int):
    """

    period: str
    powiat: str
    cooperation_index: Cell
    referrals: Cell
    active_pairs: Cell
    reciprocity: Cell
    sector_coverage: Cell
    ngo_involvement: Cell
    agreement_coverage: Cell
    agreements_in_force: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        powiat = self.powiat

        cooperation_index = self.cooperation_index.to_dict()

        referrals = self.referrals.to_dict()

        active_pairs = self.active_pairs.to_dict()

        reciprocity = self.reciprocity.to_dict()

        sector_coverage = self.sector_coverage.to_dict()

        ngo_involvement = self.ngo_involvement.to_dict()

        agreement_coverage = self.agreement_coverage.to_dict()

        agreements_in_force = self.agreements_in_force

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "powiat": powiat,
                "cooperation_index": cooperation_index,
                "referrals": referrals,
                "active_pairs": active_pairs,
                "reciprocity": reciprocity,
                "sector_coverage": sector_coverage,
                "ngo_involvement": ngo_involvement,
                "agreement_coverage": agreement_coverage,
                "agreements_in_force": agreements_in_force,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        powiat = d.pop("powiat")

        cooperation_index = Cell.from_dict(d.pop("cooperation_index"))

        referrals = Cell.from_dict(d.pop("referrals"))

        active_pairs = Cell.from_dict(d.pop("active_pairs"))

        reciprocity = Cell.from_dict(d.pop("reciprocity"))

        sector_coverage = Cell.from_dict(d.pop("sector_coverage"))

        ngo_involvement = Cell.from_dict(d.pop("ngo_involvement"))

        agreement_coverage = Cell.from_dict(d.pop("agreement_coverage"))

        agreements_in_force = d.pop("agreements_in_force")

        cooperation_row = cls(
            period=period,
            powiat=powiat,
            cooperation_index=cooperation_index,
            referrals=referrals,
            active_pairs=active_pairs,
            reciprocity=reciprocity,
            sector_coverage=sector_coverage,
            ngo_involvement=ngo_involvement,
            agreement_coverage=agreement_coverage,
            agreements_in_force=agreements_in_force,
        )

        cooperation_row.additional_properties = d
        return cooperation_row

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
