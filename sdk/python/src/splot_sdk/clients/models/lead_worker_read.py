from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.lead_worker_entry import LeadWorkerEntry


T = TypeVar("T", bound="LeadWorkerRead")


@_attrs_define
class LeadWorkerRead:
    """
    Attributes:
        person_id (UUID):
        current (LeadWorkerEntry | None):
        history (list[LeadWorkerEntry]):
        version (int): Number of assignments so far (the ETag's version)
    """

    person_id: UUID
    current: LeadWorkerEntry | None
    history: list[LeadWorkerEntry]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.lead_worker_entry import LeadWorkerEntry  # noqa: PLC0415

        person_id = str(self.person_id)

        current: dict[str, Any] | None
        if isinstance(self.current, LeadWorkerEntry):
            current = self.current.to_dict()
        else:
            current = self.current

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "person_id": person_id,
                "current": current,
                "history": history,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.lead_worker_entry import LeadWorkerEntry  # noqa: PLC0415

        d = dict(src_dict)
        person_id = UUID(d.pop("person_id"))

        def _parse_current(data: object) -> LeadWorkerEntry | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                current_type_0 = LeadWorkerEntry.from_dict(data)

                return current_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeadWorkerEntry | None, data)

        current = _parse_current(d.pop("current"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = LeadWorkerEntry.from_dict(history_item_data)

            history.append(history_item)

        version = d.pop("version")

        lead_worker_read = cls(
            person_id=person_id,
            current=current,
            history=history,
            version=version,
        )

        lead_worker_read.additional_properties = d
        return lead_worker_read

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
