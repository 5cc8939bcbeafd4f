from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ApiClientCreate")


@_attrs_define
class ApiClientCreate:
    """
    Attributes:
        name (str):
        scopes (list[str]):
        institution_id (None | Unset | UUID): System admins only; defaults to yours
    """

    name: str
    scopes: list[str]
    institution_id: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = self.scopes

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scopes": scopes,
            }
        )
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = cast(list[str], d.pop("scopes"))

        def _parse_institution_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                institution_id_type_0 = UUID(data)

                return institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        institution_id = _parse_institution_id(d.pop("institution_id", UNSET))

        api_client_create = cls(
            name=name,
            scopes=scopes,
            institution_id=institution_id,
        )

        return api_client_create
