from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.token_revocation_read_kind import TokenRevocationReadKind

T = TypeVar("T", bound="TokenRevocationRead")


@_attrs_define
class TokenRevocationRead:
    """What :meth:`splot.common.revocation.Revocation.from_json` reads.

    Attributes:
        id (int):
        kind (TokenRevocationReadKind):
        value (str):
        min_stamp (int | None):
        not_after (datetime.datetime | None):
        expires_at (datetime.datetime):
    """

    id: int
    kind: TokenRevocationReadKind
    value: str
    min_stamp: int | None
    not_after: datetime.datetime | None
    expires_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kind = self.kind.value

        value = self.value

        min_stamp: int | None
        min_stamp = self.min_stamp

        not_after: None | str
        if isinstance(self.not_after, datetime.datetime):
            not_after = self.not_after.isoformat()
        else:
            not_after = self.not_after

        expires_at = self.expires_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "value": value,
                "min_stamp": min_stamp,
                "not_after": not_after,
                "expires_at": expires_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kind = TokenRevocationReadKind(d.pop("kind"))

        value = d.pop("value")

        def _parse_min_stamp(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        min_stamp = _parse_min_stamp(d.pop("min_stamp"))

        def _parse_not_after(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                not_after_type_0 = datetime.datetime.fromisoformat(data)

                return not_after_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        not_after = _parse_not_after(d.pop("not_after"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        token_revocation_read = cls(
            id=id,
            kind=kind,
            value=value,
            min_stamp=min_stamp,
            not_after=not_after,
            expires_at=expires_at,
        )

        token_revocation_read.additional_properties = d
        return token_revocation_read

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
