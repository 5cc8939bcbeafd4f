from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ShowIf")


@_attrs_define
class ShowIf:
    """
    Attributes:
        question (str):
        equals_any (list[str]):
    """

    question: str
    equals_any: list[str]

    def to_dict(self) -> dict[str, Any]:
        question = self.question

        equals_any = self.equals_any

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "question": question,
                "equals_any": equals_any,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        question = d.pop("question")

        equals_any = cast(list[str], d.pop("equals_any"))

        show_if = cls(
            question=question,
            equals_any=equals_any,
        )

        return show_if
