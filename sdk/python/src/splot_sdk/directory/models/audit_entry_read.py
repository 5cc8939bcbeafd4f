from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.audit_action import AuditAction

if TYPE_CHECKING:
    from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0
    from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0


T = TypeVar("T", bound="AuditEntryRead")


@_attrs_define
class AuditEntryRead:
    """
    Attributes:
        id (UUID):
        occurred_at (datetime.datetime):
        actor_subject (str):
        actor_kind (str):
        actor_institution_id (None | UUID):
        action (AuditAction):
        target_type (str):
        target_id (str):
        target_institution_id (None | UUID):
        before (AuditEntryReadBeforeType0 | None):
        after (AuditEntryReadAfterType0 | None):
        request_id (None | str):
    """

    id: UUID
    occurred_at: datetime.datetime
    actor_subject: str
    actor_kind: str
    actor_institution_id: None | UUID
    action: AuditAction
    target_type: str
    target_id: str
    target_institution_id: None | UUID
    before: AuditEntryReadBeforeType0 | None
    after: AuditEntryReadAfterType0 | None
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0  # noqa: PLC0415
        from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0  # noqa: PLC0415

        id = str(self.id)

        occurred_at = self.occurred_at.isoformat()

        actor_subject = self.actor_subject

        actor_kind = self.actor_kind

        actor_institution_id: None | str
        if isinstance(self.actor_institution_id, UUID):
            actor_institution_id = str(self.actor_institution_id)
        else:
            actor_institution_id = self.actor_institution_id

        action = self.action.value

        target_type = self.target_type

        target_id = self.target_id

        target_institution_id: None | str
        if isinstance(self.target_institution_id, UUID):
            target_institution_id = str(self.target_institution_id)
        else:
            target_institution_id = self.target_institution_id

        before: dict[str, Any] | None
        if isinstance(self.before, AuditEntryReadBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        after: dict[str, Any] | None
        if isinstance(self.after, AuditEntryReadAfterType0):
            after = self.after.to_dict()
        else:
            after = self.after

        request_id: None | str
        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "occurred_at": occurred_at,
                "actor_subject": actor_subject,
                "actor_kind": actor_kind,
                "actor_institution_id": actor_institution_id,
                "action": action,
                "target_type": target_type,
                "target_id": target_id,
                "target_institution_id": target_institution_id,
                "before": before,
                "after": after,
                "request_id": request_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_entry_read_after_type_0 import AuditEntryReadAfterType0  # noqa: PLC0415
        from ..models.audit_entry_read_before_type_0 import AuditEntryReadBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        occurred_at = datetime.datetime.fromisoformat(d.pop("occurred_at"))

        actor_subject = d.pop("actor_subject")

        actor_kind = d.pop("actor_kind")

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

        action = AuditAction(d.pop("action"))

        target_type = d.pop("target_type")

        target_id = d.pop("target_id")

        def _parse_target_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_institution_id_type_0 = UUID(data)

                return target_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_institution_id = _parse_target_institution_id(d.pop("target_institution_id"))

        def _parse_before(data: object) -> AuditEntryReadBeforeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = AuditEntryReadBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryReadBeforeType0 | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> AuditEntryReadAfterType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                after_type_0 = AuditEntryReadAfterType0.from_dict(data)

                return after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEntryReadAfterType0 | None, data)

        after = _parse_after(d.pop("after"))

        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("request_id"))

        audit_entry_read = cls(
            id=id,
            occurred_at=occurred_at,
            actor_subject=actor_subject,
            actor_kind=actor_kind,
            actor_institution_id=actor_institution_id,
            action=action,
            target_type=target_type,
            target_id=target_id,
            target_institution_id=target_institution_id,
            before=before,
            after=after,
            request_id=request_id,
        )

        audit_entry_read.additional_properties = d
        return audit_entry_read

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
