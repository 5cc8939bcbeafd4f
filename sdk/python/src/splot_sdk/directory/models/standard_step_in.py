from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.institution_type import InstitutionType
from ..types import UNSET, Unset

T = TypeVar("T", bound="StandardStepIn")


@_attrs_define
class StandardStepIn:
    """
    Attributes:
        name (str):
        performer_institution_id (None | Unset | UUID):
        performer_type (InstitutionType | None | Unset):
        service_type_code (None | str | Unset):
        deadline_working_days (int | None | Unset):
    """

    name: str
    performer_institution_id: None | Unset | UUID = UNSET
    performer_type: InstitutionType | None | Unset = UNSET
    service_type_code: None | str | Unset = UNSET
    deadline_working_days: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        performer_institution_id: None | str | Unset
        if isinstance(self.performer_institution_id, Unset):
            performer_institution_id = UNSET
        elif isinstance(self.performer_institution_id, UUID):
            performer_institution_id = str(self.performer_institution_id)
        else:
            performer_institution_id = self.performer_institution_id

        performer_type: None | str | Unset
        if isinstance(self.performer_type, Unset):
            performer_type = UNSET
        elif isinstance(self.performer_type, InstitutionType):
            performer_type = self.performer_type.value
        else:
            performer_type = self.performer_type

        service_type_code: None | str | Unset
        if isinstance(self.service_type_code, Unset):
            service_type_code = UNSET
        else:
            service_type_code = self.service_type_code

        deadline_working_days: int | None | Unset
        if isinstance(self.deadline_working_days, Unset):
            deadline_working_days = UNSET
        else:
            deadline_working_days = self.deadline_working_days

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
            }
        )
        if performer_institution_id is not UNSET:
            field_dict["performer_institution_id"] = performer_institution_id
        if performer_type is not UNSET:
            field_dict["performer_type"] = performer_type
        if service_type_code is not UNSET:
            field_dict["service_type_code"] = service_type_code
        if deadline_working_days is not UNSET:
            field_dict["deadline_working_days"] = deadline_working_days

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        def _parse_performer_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                performer_institution_id_type_0 = UUID(data)

                return performer_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        performer_institution_id = _parse_performer_institution_id(d.pop("performer_institution_id", UNSET))

        def _parse_performer_type(data: object) -> InstitutionType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                performer_type_type_0 = InstitutionType(data)

                return performer_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstitutionType | None | Unset, data)

        performer_type = _parse_performer_type(d.pop("performer_type", UNSET))

        def _parse_service_type_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code", UNSET))

        def _parse_deadline_working_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        deadline_working_days = _parse_deadline_working_days(d.pop("deadline_working_days", UNSET))

        standard_step_in = cls(
            name=name,
            performer_institution_id=performer_institution_id,
            performer_type=performer_type,
            service_type_code=service_type_code,
            deadline_working_days=deadline_working_days,
        )

        return standard_step_in
