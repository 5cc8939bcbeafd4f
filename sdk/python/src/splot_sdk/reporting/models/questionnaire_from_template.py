from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="QuestionnaireFromTemplate")


@_attrs_define
class QuestionnaireFromTemplate:
    """
    Attributes:
        template (str):
        title (None | str | Unset):
    """

    template: str
    title: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        template = self.template

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "template": template,
            }
        )
        if title is not UNSET:
            field_dict["title"] = title

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        template = d.pop("template")

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        questionnaire_from_template = cls(
            template=template,
            title=title,
        )

        return questionnaire_from_template
