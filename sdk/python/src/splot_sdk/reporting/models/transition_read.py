from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TransitionRead")


@_attrs_define
class TransitionRead:
    """
    Attributes:
        action (str):
        from_status (None | str):
        to_status (str):
        actor_institution_id (None | UUID):
        actor_role (str):
        comment (None | str):
        at (datetime.datetime):
    """

    action: str
    from_status: None | str
    to_status: str
    actor_institution_id: None | UUID
    actor_role: str
    comment: None | str
    at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        from_status: None | str
        from_status = self.from_status

        to_status = self.to_status

        actor_institution_id: None | str
        if isinstance(self.actor_institution_id, UUID):
            actor_institution_id = str(self.actor_institution_id)
        else:
            actor_institution_id = self.actor_institution_id

        actor_role = self.actor_role

        comment: None | str
        comment = self.comment

        at = self.at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "from_status": from_status,
                "to_status": to_status,
                "actor_institution_id": actor_institution_id,
                "actor_role": actor_role,
                "comment": comment,
                "at": at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        action = d.pop("action")

        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))

        to_status = d.pop("to_status")

        def _parse_actor_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                actor_institution_id_type_0 = UUID(data)

                return actor_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        actor_institution_id = _parse_actor_institution_id(d.pop("actor_institution_id"))

        actor_role = d.pop("actor_role")

        def _parse_comment(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        comment = _parse_comment(d.pop("comment"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        transition_read = cls(
            action=action,
            from_status=from_status,
            to_status=to_status,
            actor_institution_id=actor_institution_id,
            actor_role=actor_role,
            comment=comment,
            at=at,
        )

        transition_read.additional_properties = d
        return transition_read

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
