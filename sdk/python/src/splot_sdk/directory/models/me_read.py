from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.institution_read import InstitutionRead
    from ..models.user_read import UserRead


T = TypeVar("T", bound="MeRead")


@_attrs_define
class MeRead:
    """
    Attributes:
        subject (str):
        kind (str):
        roles (list[str]):
        scopes (list[str]):
        user (None | Unset | UserRead):
        institution (InstitutionRead | None | Unset):
    """

    subject: str
    kind: str
    roles: list[str]
    scopes: list[str]
    user: None | Unset | UserRead = UNSET
    institution: InstitutionRead | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.institution_read import InstitutionRead  # noqa: PLC0415
        from ..models.user_read import UserRead  # noqa: PLC0415

        subject = self.subject

        kind = self.kind

        roles = self.roles

        scopes = self.scopes

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, UserRead):
            user = self.user.to_dict()
        else:
            user = self.user

        institution: dict[str, Any] | None | Unset
        if isinstance(self.institution, Unset):
            institution = UNSET
        elif isinstance(self.institution, InstitutionRead):
            institution = self.institution.to_dict()
        else:
            institution = self.institution

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "subject": subject,
                "kind": kind,
                "roles": roles,
                "scopes": scopes,
            }
        )
        if user is not UNSET:
            field_dict["user"] = user
        if institution is not UNSET:
            field_dict["institution"] = institution

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.institution_read import InstitutionRead  # noqa: PLC0415
        from ..models.user_read import UserRead  # noqa: PLC0415

        d = dict(src_dict)
        subject = d.pop("subject")

        kind = d.pop("kind")

        roles = cast(list[str], d.pop("roles"))

        scopes = cast(list[str], d.pop("scopes"))

        def _parse_user(data: object) -> None | Unset | UserRead:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = UserRead.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UserRead, data)

        user = _parse_user(d.pop("user", UNSET))

        def _parse_institution(data: object) -> InstitutionRead | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                institution_type_0 = InstitutionRead.from_dict(data)

                return institution_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstitutionRead | None | Unset, data)

        institution = _parse_institution(d.pop("institution", UNSET))

        me_read = cls(
            subject=subject,
            kind=kind,
            roles=roles,
            scopes=scopes,
            user=user,
            institution=institution,
        )

        me_read.additional_properties = d
        return me_read

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
