from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.case_attribute_group_values import CaseAttributeGroupValues


T = TypeVar("T", bound="CaseAttributeGroup")


@_attrs_define
class CaseAttributeGroup:
    """
    Attributes:
        institution_id (UUID):
        values (CaseAttributeGroupValues):
    """

    institution_id: UUID
    values: CaseAttributeGroupValues
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        institution_id = str(self.institution_id)

        values = self.values.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "institution_id": institution_id,
                "values": values,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.case_attribute_group_values import CaseAttributeGroupValues  # noqa: PLC0415

        d = dict(src_dict)
        institution_id = UUID(d.pop("institution_id"))

        values = CaseAttributeGroupValues.from_dict(d.pop("values"))

        case_attribute_group = cls(
            institution_id=institution_id,
            values=values,
        )

        case_attribute_group.additional_properties = d
        return case_attribute_group

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
