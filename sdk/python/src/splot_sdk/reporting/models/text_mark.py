from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="TextMark")


@_attrs_define
class TextMark:
    """
    Attributes:
        publishable (bool):
    """

    publishable: bool

    def to_dict(self) -> dict[str, Any]:
        publishable = self.publishable

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "publishable": publishable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        publishable = d.pop("publishable")

        text_mark = cls(
            publishable=publishable,
        )

        return text_mark
