from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="EditionCreate")


@_attrs_define
class EditionCreate:
    """
    Attributes:
        period (str): YYYY-MM, YYYY-Qn or YYYY
        territory (str | Unset): "" national, 2 digits a voivodeship, 4 digits a powiat Default: ''.
        title (None | str | Unset): One line: no control characters, tabs or line breaks
    """

    period: str
    territory: str | Unset = ""
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        territory = self.territory

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
            }
        )
        if territory is not UNSET:
            field_dict["territory"] = territory
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        territory = d.pop("territory", UNSET)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        edition_create = cls(
            period=period,
            territory=territory,
            title=title,
        )

        return edition_create
