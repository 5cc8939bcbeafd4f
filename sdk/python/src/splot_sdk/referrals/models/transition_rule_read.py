from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.side import Side

T = TypeVar("T", bound="TransitionRuleRead")


@_attrs_define
class TransitionRuleRead:
    """
    Attributes:
        action (str):
        from_statuses (list[str]):
        side (Side):
        to_status (None | str):
        event_type (None | str):
        roles (list[str]):
        required_fields (list[str]):
        optional_fields (list[str]):
        sets_flag (None | str):
        requires_flag (None | str):
        unless_flag (None | str):
        assignee_bound (bool):
        guard (None | str):
        endpoint (str):
    """

    action: str
    from_statuses: list[str]
    side: Side
    to_status: None | str
    event_type: None | str
    roles: list[str]
    required_fields: list[str]
    optional_fields: list[str]
    sets_flag: None | str
    requires_flag: None | str
    unless_flag: None | str
    assignee_bound: bool
    guard: None | str
    endpoint: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        from_statuses = self.from_statuses

        side = self.side.value

        to_status: None | str
        to_status = self.to_status

        event_type: None | str
        event_type = self.event_type

        roles = self.roles

        required_fields = self.required_fields

        optional_fields = self.optional_fields

        sets_flag: None | str
        sets_flag = self.sets_flag

        requires_flag: None | str
        requires_flag = self.requires_flag

        unless_flag: None | str
        unless_flag = self.unless_flag

        assignee_bound = self.assignee_bound

        guard: None | str
        guard = self.guard

        endpoint = self.endpoint

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "from_statuses": from_statuses,
                "side": side,
                "to_status": to_status,
                "event_type": event_type,
                "roles": roles,
                "required_fields": required_fields,
                "optional_fields": optional_fields,
                "sets_flag": sets_flag,
                "requires_flag": requires_flag,
                "unless_flag": unless_flag,
                "assignee_bound": assignee_bound,
                "guard": guard,
                "endpoint": endpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        from_statuses = cast(list[str], d.pop("from_statuses"))

        side = Side(d.pop("side"))

        def _parse_to_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_status = _parse_to_status(d.pop("to_status"))

        def _parse_event_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        event_type = _parse_event_type(d.pop("event_type"))

        roles = cast(list[str], d.pop("roles"))

        required_fields = cast(list[str], d.pop("required_fields"))

        optional_fields = cast(list[str], d.pop("optional_fields"))

        def _parse_sets_flag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        sets_flag = _parse_sets_flag(d.pop("sets_flag"))

        def _parse_requires_flag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        requires_flag = _parse_requires_flag(d.pop("requires_flag"))

        def _parse_unless_flag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        unless_flag = _parse_unless_flag(d.pop("unless_flag"))

        assignee_bound = d.pop("assignee_bound")

        def _parse_guard(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        guard = _parse_guard(d.pop("guard"))

        endpoint = d.pop("endpoint")

        transition_rule_read = cls(
            action=action,
            from_statuses=from_statuses,
            side=side,
            to_status=to_status,
            event_type=event_type,
            roles=roles,
            required_fields=required_fields,
            optional_fields=optional_fields,
            sets_flag=sets_flag,
            requires_flag=requires_flag,
            unless_flag=unless_flag,
            assignee_bound=assignee_bound,
            guard=guard,
            endpoint=endpoint,
        )

        transition_rule_read.additional_properties = d
        return transition_rule_read

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
