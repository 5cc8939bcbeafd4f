from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserCreate")


@_attrs_define
class UserCreate:
    """
    Attributes:
        email (str):
        full_name (str):
        roles (list[Role]):
        password (str):
        institution_id (None | Unset | UUID): System admins only; defaults to yours
        analyst_scope (None | str | Unset): Analysts: "" national, 2 digits a voivodeship, 4 digits a powiat
    """

    email: str
    full_name: str
    roles: list[Role]
    password: str
    institution_id: None | Unset | UUID = UNSET
    analyst_scope: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        full_name = self.full_name

        roles = []
        for roles_item_data in self.roles:
            roles_item = roles_item_data.value
            roles.append(roles_item)

        password = self.password

        institution_id: None | str | Unset
        if isinstance(self.institution_id, Unset):
            institution_id = UNSET
        elif isinstance(self.institution_id, UUID):
            institution_id = str(self.institution_id)
        else:
            institution_id = self.institution_id

        analyst_scope: None | str | Unset
        if isinstance(self.analyst_scope, Unset):
            analyst_scope = UNSET
        else:
            analyst_scope = self.analyst_scope

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "full_name": full_name,
                "roles": roles,
                "password": password,
            }
        )
        if institution_id is not UNSET:
            field_dict["institution_id"] = institution_id
        if analyst_scope is not UNSET:
            field_dict["analyst_scope"] = analyst_scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        full_name = d.pop("full_name")

        roles = []
        _roles = d.pop("roles")
        for roles_item_data in _roles:
            roles_item = Role(roles_item_data)

            roles.append(roles_item)

        password = d.pop("password")

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

        def _parse_analyst_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        analyst_scope = _parse_analyst_scope(d.pop("analyst_scope", UNSET))

        user_create = cls(
            email=email,
            full_name=full_name,
            roles=roles,
            password=password,
            institution_id=institution_id,
            analyst_scope=analyst_scope,
        )

        return user_create
