from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.criteria import Criteria
    from ..models.standard_step_read import StandardStepRead
    from ..models.target_read import TargetRead


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """The partnership's criteria, standard and targets (each replaced as a whole, If-Match of
    the partnership).

        Attributes:
            criteria (Criteria | None):
            standard (list[StandardStepRead]):
            targets (list[TargetRead]):
            partnership_version (int):
    """

    criteria: Criteria | None
    standard: list[StandardStepRead]
    targets: list[TargetRead]
    partnership_version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.criteria import Criteria  # noqa: PLC0415

        criteria: dict[str, Any] | None
        if isinstance(self.criteria, Criteria):
            criteria = self.criteria.to_dict()
        else:
            criteria = self.criteria

        standard = []
        for standard_item_data in self.standard:
            standard_item = standard_item_data.to_dict()
            standard.append(standard_item)

        targets = []
        for targets_item_data in self.targets:
            targets_item = targets_item_data.to_dict()
            targets.append(targets_item)

        partnership_version = self.partnership_version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "criteria": criteria,
                "standard": standard,
                "targets": targets,
                "partnership_version": partnership_version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.criteria import Criteria  # noqa: PLC0415
        from ..models.standard_step_read import StandardStepRead  # noqa: PLC0415
        from ..models.target_read import TargetRead  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_criteria(data: object) -> Criteria | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                criteria_type_0 = Criteria.from_dict(data)

                return criteria_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Criteria | None, data)

        criteria = _parse_criteria(d.pop("criteria"))

        standard = []
        _standard = d.pop("standard")
        for standard_item_data in _standard:
            standard_item = StandardStepRead.from_dict(standard_item_data)

            standard.append(standard_item)

        targets = []
        _targets = d.pop("targets")
        for targets_item_data in _targets:
            targets_item = TargetRead.from_dict(targets_item_data)

            targets.append(targets_item)

        partnership_version = d.pop("partnership_version")

        plan_read = cls(
            criteria=criteria,
            standard=standard,
            targets=targets,
            partnership_version=partnership_version,
        )

        plan_read.additional_properties = d
        return plan_read

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
