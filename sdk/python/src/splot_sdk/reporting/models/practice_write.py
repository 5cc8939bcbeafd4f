from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.numeric_result import NumericResult


T = TypeVar("T", bound="PracticeWrite")


@_attrs_define
class PracticeWrite:
    """A practice as its institution describes it (the institution is the caller's own).

    Attributes:
        title (str):
        summary (str):
        since (datetime.date):
        problem_areas (list[str]):
        contact (Contact):
        partnership_id (None | Unset | UUID):
        topic_tags (list[str] | Unset):
        target_groups (list[str] | Unset):
        results (str | Unset):  Default: ''.
        numeric_results (list[NumericResult] | Unset):
    """

    title: str
    summary: str
    since: datetime.date
    problem_areas: list[str]
    contact: Contact
    partnership_id: None | Unset | UUID = UNSET
    topic_tags: list[str] | Unset = UNSET
    target_groups: list[str] | Unset = UNSET
    results: str | Unset = ""
    numeric_results: list[NumericResult] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        summary = self.summary

        since = self.since.isoformat()

        problem_areas = self.problem_areas

        contact = self.contact.to_dict()

        partnership_id: None | str | Unset
        if isinstance(self.partnership_id, Unset):
            partnership_id = UNSET
        elif isinstance(self.partnership_id, UUID):
            partnership_id = str(self.partnership_id)
        else:
            partnership_id = self.partnership_id

        topic_tags: list[str] | Unset = UNSET
        if not isinstance(self.topic_tags, Unset):
            topic_tags = self.topic_tags

        target_groups: list[str] | Unset = UNSET
        if not isinstance(self.target_groups, Unset):
            target_groups = self.target_groups

        results = self.results

        numeric_results: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.numeric_results, Unset):
            numeric_results = []
            for numeric_results_item_data in self.numeric_results:
                numeric_results_item = numeric_results_item_data.to_dict()
                numeric_results.append(numeric_results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "title": title,
                "summary": summary,
                "since": since,
                "problem_areas": problem_areas,
                "contact": contact,
            }
        )
        if partnership_id is not UNSET:
            field_dict["partnership_id"] = partnership_id
        if topic_tags is not UNSET:
            field_dict["topic_tags"] = topic_tags
        if target_groups is not UNSET:
            field_dict["target_groups"] = target_groups
        if results is not UNSET:
            field_dict["results"] = results
        if numeric_results is not UNSET:
            field_dict["numeric_results"] = numeric_results

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.numeric_result import NumericResult  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        summary = d.pop("summary")

        since = datetime.date.fromisoformat(d.pop("since"))

        problem_areas = cast(list[str], d.pop("problem_areas"))

        contact = Contact.from_dict(d.pop("contact"))

        def _parse_partnership_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partnership_id_type_0 = UUID(data)

                return partnership_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        partnership_id = _parse_partnership_id(d.pop("partnership_id", UNSET))

        topic_tags = cast(list[str], d.pop("topic_tags", UNSET))

        target_groups = cast(list[str], d.pop("target_groups", UNSET))

        results = d.pop("results", UNSET)

        _numeric_results = d.pop("numeric_results", UNSET)
        numeric_results: list[NumericResult] | Unset = UNSET
        if _numeric_results is not UNSET:
            numeric_results = []
            for numeric_results_item_data in _numeric_results:
                numeric_results_item = NumericResult.from_dict(numeric_results_item_data)

                numeric_results.append(numeric_results_item)

        practice_write = cls(
            title=title,
            summary=summary,
            since=since,
            problem_areas=problem_areas,
            contact=contact,
            partnership_id=partnership_id,
            topic_tags=topic_tags,
            target_groups=target_groups,
            results=results,
            numeric_results=numeric_results,
        )

        return practice_write
