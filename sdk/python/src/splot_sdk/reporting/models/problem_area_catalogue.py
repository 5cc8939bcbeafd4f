from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.problem_area_catalogue_referral_reasons import ProblemAreaCatalogueReferralReasons
    from ..models.problem_area_read import ProblemAreaRead


T = TypeVar("T", bound="ProblemAreaCatalogue")


@_attrs_define
class ProblemAreaCatalogue:
    """
    Attributes:
        items (list[ProblemAreaRead]):
        referral_reasons (ProblemAreaCatalogueReferralReasons):
    """

    items: list[ProblemAreaRead]
    referral_reasons: ProblemAreaCatalogueReferralReasons
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        referral_reasons = self.referral_reasons.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "items": items,
                "referral_reasons": referral_reasons,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.problem_area_catalogue_referral_reasons import ProblemAreaCatalogueReferralReasons  # noqa: PLC0415
        from ..models.problem_area_read import ProblemAreaRead  # noqa: PLC0415

        d = dict(src_dict)
        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProblemAreaRead.from_dict(items_item_data)

            items.append(items_item)

        referral_reasons = ProblemAreaCatalogueReferralReasons.from_dict(d.pop("referral_reasons"))

        problem_area_catalogue = cls(
            items=items,
            referral_reasons=referral_reasons,
        )

        problem_area_catalogue.additional_properties = d
        return problem_area_catalogue

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
