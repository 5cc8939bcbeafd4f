from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.as_of import AsOf
    from ..models.problem_area_count import ProblemAreaCount
    from ..models.scope_read import ScopeRead
    from ..models.suppression import Suppression


T = TypeVar("T", bound="ProblemAreasRead")


@_attrs_define
class ProblemAreasRead:
    """
    Attributes:
        as_of (AsOf):
        scope (ScopeRead):
        suppression (Suppression):
        territory (None | str):
        period_from (str):
        period_to (str):
        exact (bool):
        institution_threshold (int):
        items (list[ProblemAreaCount]):
    """

    as_of: AsOf
    scope: ScopeRead
    suppression: Suppression
    territory: None | str
    period_from: str
    period_to: str
    exact: bool
    institution_threshold: int
    items: list[ProblemAreaCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        as_of = self.as_of.to_dict()

        scope = self.scope.to_dict()

        suppression = self.suppression.to_dict()

        territory: None | str
        territory = self.territory

        period_from = self.period_from

        period_to = self.period_to

        exact = self.exact

        institution_threshold = self.institution_threshold

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "scope": scope,
                "suppression": suppression,
                "territory": territory,
                "period_from": period_from,
                "period_to": period_to,
                "exact": exact,
                "institution_threshold": institution_threshold,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.as_of import AsOf  # noqa: PLC0415
        from ..models.problem_area_count import ProblemAreaCount  # noqa: PLC0415
        from ..models.scope_read import ScopeRead  # noqa: PLC0415
        from ..models.suppression import Suppression  # noqa: PLC0415

        d = dict(src_dict)
        as_of = AsOf.from_dict(d.pop("as_of"))

        scope = ScopeRead.from_dict(d.pop("scope"))

        suppression = Suppression.from_dict(d.pop("suppression"))

        def _parse_territory(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        territory = _parse_territory(d.pop("territory"))

        period_from = d.pop("period_from")

        period_to = d.pop("period_to")

        exact = d.pop("exact")

        institution_threshold = d.pop("institution_threshold")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ProblemAreaCount.from_dict(items_item_data)

            items.append(items_item)

        problem_areas_read = cls(
            as_of=as_of,
            scope=scope,
            suppression=suppression,
            territory=territory,
            period_from=period_from,
            period_to=period_to,
            exact=exact,
            institution_threshold=institution_threshold,
            items=items,
        )

        problem_areas_read.additional_properties = d
        return problem_areas_read

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
