from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.access_request_state import AccessRequestState

if TYPE_CHECKING:
    from ..models.access_request_person import AccessRequestPerson


T = TypeVar("T", bound="AccessRequestRead")


@_attrs_define
class AccessRequestRead:
    """
    Attributes:
        id (UUID):
        state (AccessRequestState):
        person (AccessRequestPerson): The person as the reader may see them: initials and birth year for the requester
            until
            the request is approved; the registry id and name for a registering institution.
        requester_institution_id (UUID):
        reason (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        decided_at (datetime.datetime | None):
        decided_by_institution_id (None | UUID):
        decision_reason (None | str):
        version (int):
    """

    id: UUID
    state: AccessRequestState
    person: AccessRequestPerson
    requester_institution_id: UUID
    reason: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    decided_at: datetime.datetime | None
    decided_by_institution_id: None | UUID
    decision_reason: None | str
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        state = self.state.value

        person = self.person.to_dict()

        requester_institution_id = str(self.requester_institution_id)

        reason = self.reason

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        decided_at: None | str
        if isinstance(self.decided_at, datetime.datetime):
            decided_at = self.decided_at.isoformat()
        else:
            decided_at = self.decided_at

        decided_by_institution_id: None | str
        if isinstance(self.decided_by_institution_id, UUID):
            decided_by_institution_id = str(self.decided_by_institution_id)
        else:
            decided_by_institution_id = self.decided_by_institution_id

        decision_reason: None | str
        decision_reason = self.decision_reason

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "state": state,
                "person": person,
                "requester_institution_id": requester_institution_id,
                "reason": reason,
                "created_at": created_at,
                "expires_at": expires_at,
                "decided_at": decided_at,
                "decided_by_institution_id": decided_by_institution_id,
                "decision_reason": decision_reason,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.access_request_person import AccessRequestPerson  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        state = AccessRequestState(d.pop("state"))

        person = AccessRequestPerson.from_dict(d.pop("person"))

        requester_institution_id = UUID(d.pop("requester_institution_id"))

        reason = d.pop("reason")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_decided_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_at_type_0 = datetime.datetime.fromisoformat(data)

                return decided_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        decided_at = _parse_decided_at(d.pop("decided_at"))

        def _parse_decided_by_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                decided_by_institution_id_type_0 = UUID(data)

                return decided_by_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        decided_by_institution_id = _parse_decided_by_institution_id(d.pop("decided_by_institution_id"))

        def _parse_decision_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        decision_reason = _parse_decision_reason(d.pop("decision_reason"))

        version = d.pop("version")

        access_request_read = cls(
            id=id,
            state=state,
            person=person,
            requester_institution_id=requester_institution_id,
            reason=reason,
            created_at=created_at,
            expires_at=expires_at,
            decided_at=decided_at,
            decided_by_institution_id=decided_by_institution_id,
            decision_reason=decision_reason,
            version=version,
        )

        access_request_read.additional_properties = d
        return access_request_read

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
