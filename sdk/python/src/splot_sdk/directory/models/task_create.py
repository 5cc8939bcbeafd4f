from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.task_create_status import TaskCreateStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskCreate")


@_attrs_define
class TaskCreate:
    """
    Attributes:
        title (str):
        owner_institution_id (UUID):
        description (None | str | Unset):
        starts_on (datetime.date | None | Unset):
        due_on (datetime.date | None | Unset):
        status (TaskCreateStatus | Unset):  Default: TaskCreateStatus.PLANNED.
    """

    title: str
    owner_institution_id: UUID
    description: None | str | Unset = UNSET
    starts_on: datetime.date | None | Unset = UNSET
    due_on: datetime.date | None | Unset = UNSET
    status: TaskCreateStatus | Unset = TaskCreateStatus.PLANNED

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        owner_institution_id = str(self.owner_institution_id)

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        starts_on: None | str | Unset
        if isinstance(self.starts_on, Unset):
            starts_on = UNSET
        elif isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        due_on: None | str | Unset
        if isinstance(self.due_on, Unset):
            due_on = UNSET
        elif isinstance(self.due_on, datetime.date):
            due_on = self.due_on.isoformat()
        else:
            due_on = self.due_on

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "owner_institution_id": owner_institution_id,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if starts_on is not UNSET:
            field_dict["starts_on"] = starts_on
        if due_on is not UNSET:
            field_dict["due_on"] = due_on
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title")

        owner_institution_id = UUID(d.pop("owner_institution_id"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_starts_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        starts_on = _parse_starts_on(d.pop("starts_on", UNSET))

        def _parse_due_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_on_type_0 = datetime.date.fromisoformat(data)

                return due_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_on = _parse_due_on(d.pop("due_on", UNSET))

        _status = d.pop("status", UNSET)
        status: TaskCreateStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = TaskCreateStatus(_status)

        task_create = cls(
            title=title,
            owner_institution_id=owner_institution_id,
            description=description,
            starts_on=starts_on,
            due_on=due_on,
            status=status,
        )

        return task_create
