from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.programme_kind import ProgrammeKind

T = TypeVar("T", bound="ProgrammeRead")


@_attrs_define
class ProgrammeRead:
    """
    Attributes:
        code (str):
        name (str):
        kind (ProgrammeKind):
        funder (None | str):
        starts_on (datetime.date | None):
        ends_on (datetime.date | None):
        active (bool):
        version (int):
        updated_at (datetime.datetime):
    """

    code: str
    name: str
    kind: ProgrammeKind
    funder: None | str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    active: bool
    version: int
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        kind = self.kind.value

        funder: None | str
        funder = self.funder

        starts_on: None | str
        if isinstance(self.starts_on, datetime.date):
            starts_on = self.starts_on.isoformat()
        else:
            starts_on = self.starts_on

        ends_on: None | str
        if isinstance(self.ends_on, datetime.date):
            ends_on = self.ends_on.isoformat()
        else:
            ends_on = self.ends_on

        active = self.active

        version = self.version

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "kind": kind,
                "funder": funder,
                "starts_on": starts_on,
                "ends_on": ends_on,
                "active": active,
                "version": version,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        kind = ProgrammeKind(d.pop("kind"))

        def _parse_funder(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        funder = _parse_funder(d.pop("funder"))

        def _parse_starts_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                starts_on_type_0 = datetime.date.fromisoformat(data)

                return starts_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        starts_on = _parse_starts_on(d.pop("starts_on"))

        def _parse_ends_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ends_on_type_0 = datetime.date.fromisoformat(data)

                return ends_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        ends_on = _parse_ends_on(d.pop("ends_on"))

        active = d.pop("active")

        version = d.pop("version")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        programme_read = cls(
            code=code,
            name=name,
            kind=kind,
            funder=funder,
            starts_on=starts_on,
            ends_on=ends_on,
            active=active,
            version=version,
            updated_at=updated_at,
        )

        programme_read.additional_properties = d
        return programme_read

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
