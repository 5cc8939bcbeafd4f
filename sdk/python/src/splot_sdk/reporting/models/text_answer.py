from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="TextAnswer")


@_attrs_define
class TextAnswer:
    """
    Attributes:
        answer_id (UUID):
        text (str):
        publishable (bool):
    """

    answer_id: UUID
    text: str
    publishable: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        answer_id = str(self.answer_id)

        text = self.text

        publishable = self.publishable

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "answer_id": answer_id,
                "text": text,
                "publishable": publishable,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        answer_id = UUID(d.pop("answer_id"))

        text = d.pop("text")

        publishable = d.pop("publishable")

        text_answer = cls(
            answer_id=answer_id,
            text=text,
            publishable=publishable,
        )

        text_answer.additional_properties = d
        return text_answer

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
