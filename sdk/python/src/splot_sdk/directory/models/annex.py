from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.attachment import Attachment


T = TypeVar("T", bound="Annex")


@_attrs_define
class Annex:
    """An annex: a titled text, or an attached document's metadata.

    Attributes:
        title (str):
        text (None | str | Unset):
        attachment (Attachment | None | Unset):
    """

    title: str
    text: None | str | Unset = UNSET
    attachment: Attachment | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.attachment import Attachment  # noqa: PLC0415

        title = self.title

        text: None | str | Unset
        if isinstance(self.text, Unset):
            text = UNSET
        else:
            text = self.text

        attachment: dict[str, Any] | None | Unset
        if isinstance(self.attachment, Unset):
            attachment = UNSET
        elif isinstance(self.attachment, Attachment):
            attachment = self.attachment.to_dict()
        else:
            attachment = self.attachment

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if attachment is not UNSET:
            field_dict["attachment"] = attachment

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment import Attachment  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        def _parse_text(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        text = _parse_text(d.pop("text", UNSET))

        def _parse_attachment(data: object) -> Attachment | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attachment_type_0 = Attachment.from_dict(data)

                return attachment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Attachment | None | Unset, data)

        attachment = _parse_attachment(d.pop("attachment", UNSET))

        annex = cls(
            title=title,
            text=text,
            attachment=attachment,
        )

        return annex
