from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.response_write_answers import ResponseWriteAnswers


T = TypeVar("T", bound="ResponseWrite")


@_attrs_define
class ResponseWrite:
    """
    Attributes:
        answers (ResponseWriteAnswers):
    """

    answers: ResponseWriteAnswers

    def to_dict(self) -> dict[str, Any]:
        answers = self.answers.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "answers": answers,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.response_write_answers import ResponseWriteAnswers  # noqa: PLC0415

        d = dict(src_dict)
        answers = ResponseWriteAnswers.from_dict(d.pop("answers"))

        response_write = cls(
            answers=answers,
        )

        return response_write
