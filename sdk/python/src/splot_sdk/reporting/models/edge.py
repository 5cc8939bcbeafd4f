from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cell import Cell


T = TypeVar("T", bound="Edge")


@_attrs_define
class Edge:
    """
    Attributes:
        source (UUID):
        target (UUID):
        referrals (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        accepted (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
        completed (Cell): A published value: a suppressed cell is ``{"value": null, "suppressed": true}``, never 0.
    """

    source: UUID
    target: UUID
    referrals: Cell
    accepted: Cell
    completed: Cell
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        source = str(self.source)

        target = str(self.target)

        referrals = self.referrals.to_dict()

        accepted = self.accepted.to_dict()

        completed = self.completed.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "source": source,
                "target": target,
                "referrals": referrals,
                "accepted": accepted,
                "completed": completed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cell import Cell  # noqa: PLC0415

        d = dict(src_dict)
        source = UUID(d.pop("source"))

        target = UUID(d.pop("target"))

        referrals = Cell.from_dict(d.pop("referrals"))

        accepted = Cell.from_dict(d.pop("accepted"))

        completed = Cell.from_dict(d.pop("completed"))

        edge = cls(
            source=source,
            target=target,
            referrals=referrals,
            accepted=accepted,
            completed=completed,
        )

        edge.additional_properties = d
        return edge

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
