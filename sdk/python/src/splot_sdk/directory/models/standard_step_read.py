from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="StandardStepRead")


@_attrs_define
class StandardStepRead:
    """
    Attributes:
        id (UUID):
        position (int):
        name (str):
        performer_institution_id (None | UUID):
        performer_type (None | str):
        service_type_code (None | str):
        deadline_working_days (int | None):
    """

    id: UUID
    position: int
    name: str
    performer_institution_id: None | UUID
    performer_type: None | str
    service_type_code: None | str
    deadline_working_days: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        position = self.position

        name = self.name

        performer_institution_id: None | str
        if isinstance(self.performer_institution_id, UUID):
            performer_institution_id = str(self.performer_institution_id)
        else:
            performer_institution_id = self.performer_institution_id

        performer_type: None | str
        performer_type = self.performer_type

        service_type_code: None | str
        service_type_code = self.service_type_code

        deadline_working_days: int | None
        deadline_working_days = self.deadline_working_days

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "position": position,
                "name": name,
                "performer_institution_id": performer_institution_id,
                "performer_type": performer_type,
                "service_type_code": service_type_code,
                "deadline_working_days": deadline_working_days,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        position = d.pop("position")

        name = d.pop("name")

        def _parse_performer_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                performer_institution_id_type_0 = UUID(data)

                return performer_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        performer_institution_id = _parse_performer_institution_id(d.pop("performer_institution_id"))

        def _parse_performer_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        performer_type = _parse_performer_type(d.pop("performer_type"))

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        def _parse_deadline_working_days(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        deadline_working_days = _parse_deadline_working_days(d.pop("deadline_working_days"))

        standard_step_read = cls(
            id=id,
            position=position,
            name=name,
            performer_institution_id=performer_institution_id,
            performer_type=performer_type,
            service_type_code=service_type_code,
            deadline_working_days=deadline_working_days,
        )

        standard_step_read.additional_properties = d
        return standard_step_read

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
