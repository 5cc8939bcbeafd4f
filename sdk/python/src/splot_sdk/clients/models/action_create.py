from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActionCreate")


@_attrs_define
class ActionCreate:
    """
    Attributes:
        goal_id (UUID):
        description (str):
        owner_institution_id (None | Unset | UUID): Defaults to the plan's owner
        service_type_code (None | str | Unset):
        due_date (datetime.date | None | Unset):
        conference_id (None | Unset | UUID): The case conference that decided it
    """

    goal_id: UUID
    description: str
    owner_institution_id: None | Unset | UUID = UNSET
    service_type_code: None | str | Unset = UNSET
    due_date: datetime.date | None | Unset = UNSET
    conference_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        goal_id = str(self.goal_id)

        description = self.description

        owner_institution_id: None | str | Unset
        if isinstance(self.owner_institution_id, Unset):
            owner_institution_id = UNSET
        elif isinstance(self.owner_institution_id, UUID):
            owner_institution_id = str(self.owner_institution_id)
        else:
            owner_institution_id = self.owner_institution_id

        service_type_code: None | str | Unset
        if isinstance(self.service_type_code, Unset):
            service_type_code = UNSET
        else:
            service_type_code = self.service_type_code

        due_date: None | str | Unset
        if isinstance(self.due_date, Unset):
            due_date = UNSET
        elif isinstance(self.due_date, datetime.date):
            due_date = self.due_date.isoformat()
        else:
            due_date = self.due_date

        conference_id: None | str | Unset
        if isinstance(self.conference_id, Unset):
            conference_id = UNSET
        elif isinstance(self.conference_id, UUID):
            conference_id = str(self.conference_id)
        else:
            conference_id = self.conference_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "goal_id": goal_id,
                "description": description,
            }
        )
        if owner_institution_id is not UNSET:
            field_dict["owner_institution_id"] = owner_institution_id
        if service_type_code is not UNSET:
            field_dict["service_type_code"] = service_type_code
        if due_date is not UNSET:
            field_dict["due_date"] = due_date
        if conference_id is not UNSET:
            field_dict["conference_id"] = conference_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        goal_id = UUID(d.pop("goal_id"))

        description = d.pop("description")

        def _parse_owner_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                owner_institution_id_type_0 = UUID(data)

                return owner_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        owner_institution_id = _parse_owner_institution_id(d.pop("owner_institution_id", UNSET))

        def _parse_service_type_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code", UNSET))

        def _parse_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_date_type_0 = datetime.date.fromisoformat(data)

                return due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        due_date = _parse_due_date(d.pop("due_date", UNSET))

        def _parse_conference_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conference_id_type_0 = UUID(data)

                return conference_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        conference_id = _parse_conference_id(d.pop("conference_id", UNSET))

        action_create = cls(
            goal_id=goal_id,
            description=description,
            owner_institution_id=owner_institution_id,
            service_type_code=service_type_code,
            due_date=due_date,
            conference_id=conference_id,
        )

        return action_create
