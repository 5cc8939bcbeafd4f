from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.business_status import BusinessStatus
from ..models.status import Status

if TYPE_CHECKING:
    from ..models.transition_rule_read import TransitionRuleRead


T = TypeVar("T", bound="WorkflowRead")


@_attrs_define
class WorkflowRead:
    """
    Attributes:
        statuses (list[Status]):
        terminal (list[Status]):
        business_statuses (list[BusinessStatus]):
        transitions (list[TransitionRuleRead]):
    """

    statuses: list[Status]
    terminal: list[Status]
    business_statuses: list[BusinessStatus]
    transitions: list[TransitionRuleRead]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        statuses = []
        for statuses_item_data in self.statuses:
            statuses_item = statuses_item_data.value
            statuses.append(statuses_item)

        terminal = []
        for terminal_item_data in self.terminal:
            terminal_item = terminal_item_data.value
            terminal.append(terminal_item)

        business_statuses = []
        for business_statuses_item_data in self.business_statuses:
            business_statuses_item = business_statuses_item_data.value
            business_statuses.append(business_statuses_item)

        transitions = []
        for transitions_item_data in self.transitions:
            transitions_item = transitions_item_data.to_dict()
            transitions.append(transitions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "statuses": statuses,
                "terminal": terminal,
                "business_statuses": business_statuses,
                "transitions": transitions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.transition_rule_read import TransitionRuleRead  # noqa: PLC0415

        d = dict(src_dict)
        statuses = []
        _statuses = d.pop("statuses")
        for statuses_item_data in _statuses:
            statuses_item = Status(statuses_item_data)

            statuses.append(statuses_item)

        terminal = []
        _terminal = d.pop("terminal")
        for terminal_item_data in _terminal:
            terminal_item = Status(terminal_item_data)

            terminal.append(terminal_item)

        business_statuses = []
        _business_statuses = d.pop("business_statuses")
        for business_statuses_item_data in _business_statuses:
            business_statuses_item = BusinessStatus(business_statuses_item_data)

            business_statuses.append(business_statuses_item)

        transitions = []
        _transitions = d.pop("transitions")
        for transitions_item_data in _transitions:
            transitions_item = TransitionRuleRead.from_dict(transitions_item_data)

            transitions.append(transitions_item)

        workflow_read = cls(
            statuses=statuses,
            terminal=terminal,
            business_statuses=business_statuses,
            transitions=transitions,
        )

        workflow_read.additional_properties = d
        return workflow_read

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
