from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReportFreeze")


@_attrs_define
class ReportFreeze:
    """
    Attributes:
        title (None | str | Unset): The report's title (default: the edition's); one line
        rounds (list[UUID] | Unset): Survey rounds to show (default: every round in the period)
        practices (list[UUID] | Unset): Published good practices to show (default: the newest ones in the territory)
    """

    title: None | str | Unset = UNSET
    rounds: list[UUID] | Unset = UNSET
    practices: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        rounds: list[str] | Unset = UNSET
        if not isinstance(self.rounds, Unset):
            rounds = []
            for rounds_item_data in self.rounds:
                rounds_item = str(rounds_item_data)
                rounds.append(rounds_item)

        practices: list[str] | Unset = UNSET
        if not isinstance(self.practices, Unset):
            practices = []
            for practices_item_data in self.practices:
                practices_item = str(practices_item_data)
                practices.append(practices_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if title is not UNSET:
            field_dict["title"] = title
        if rounds is not UNSET:
            field_dict["rounds"] = rounds
        if practices is not UNSET:
            field_dict["practices"] = practices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _rounds = d.pop("rounds", UNSET)
        rounds: list[UUID] | Unset = UNSET
        if _rounds is not UNSET:
            rounds = []
            for rounds_item_data in _rounds:
                rounds_item = UUID(rounds_item_data)

                rounds.append(rounds_item)

        _practices = d.pop("practices", UNSET)
        practices: list[UUID] | Unset = UNSET
        if _practices is not UNSET:
            practices = []
            for practices_item_data in _practices:
                practices_item = UUID(practices_item_data)

                practices.append(practices_item)

        report_freeze = cls(
            title=title,
            rounds=rounds,
            practices=practices,
        )

        return report_freeze
