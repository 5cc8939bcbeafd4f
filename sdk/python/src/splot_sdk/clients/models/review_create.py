from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReviewCreate")


@_attrs_define
class ReviewCreate:
    """
    Attributes:
        reviewed_on (datetime.date):
        note (None | str | Unset):
        next_review_due (datetime.date | None | Unset):
    """

    reviewed_on: datetime.date
    note: None | str | Unset = UNSET
    next_review_due: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reviewed_on = self.reviewed_on.isoformat()

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        next_review_due: None | str | Unset
        if isinstance(self.next_review_due, Unset):
            next_review_due = UNSET
        elif isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reviewed_on": reviewed_on,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if next_review_due is not UNSET:
            field_dict["next_review_due"] = next_review_due

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reviewed_on = datetime.date.fromisoformat(d.pop("reviewed_on"))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        def _parse_next_review_due(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_due_type_0 = datetime.date.fromisoformat(data)

                return next_review_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        next_review_due = _parse_next_review_due(d.pop("next_review_due", UNSET))

        review_create = cls(
            reviewed_on=reviewed_on,
            note=note,
            next_review_due=next_review_due,
        )

        return review_create
