from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="UserUpdate")


@_attrs_define
class UserUpdate:
    """
    Attributes:
        full_name (None | str | Unset):
        roles (list[Role] | None | Unset):
        analyst_scope (None | str | Unset): Analysts only; dropped with the analyst role unless given
    """

    full_name: None | str | Unset = UNSET
    roles: list[Role] | None | Unset = UNSET
    analyst_scope: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        full_name: None | str | Unset
        if isinstance(self.full_name, Unset):
            full_name = UNSET
        else:
            full_name = self.full_name

        roles: list[str] | None | Unset
        if isinstance(self.roles, Unset):
            roles = UNSET
        elif isinstance(self.roles, list):
            roles = []
            for roles_type_0_item_data in self.roles:
                roles_type_0_item = roles_type_0_item_data.value
                roles.append(roles_type_0_item)

        else:
            roles = self.roles

        analyst_scope: None | str | Unset
        if isinstance(self.analyst_scope, Unset):
            analyst_scope = UNSET
        else:
            analyst_scope = self.analyst_scope

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if full_name is not UNSET:
            field_dict["full_name"] = full_name
        if roles is not UNSET:
            field_dict["roles"] = roles
        if analyst_scope is not UNSET:
            field_dict["analyst_scope"] = analyst_scope

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_full_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        full_name = _parse_full_name(d.pop("full_name", UNSET))

        def _parse_roles(data: object) -> list[Role] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                roles_type_0 = []
                _roles_type_0 = data
                for roles_type_0_item_data in _roles_type_0:
                    roles_type_0_item = Role(roles_type_0_item_data)

                    roles_type_0.append(roles_type_0_item)

                return roles_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Role] | None | Unset, data)

        roles = _parse_roles(d.pop("roles", UNSET))

        def _parse_analyst_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        analyst_scope = _parse_analyst_scope(d.pop("analyst_scope", UNSET))

        user_update = cls(
            full_name=full_name,
            roles=roles,
            analyst_scope=analyst_scope,
        )

        return user_update
