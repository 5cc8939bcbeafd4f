from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.practice_summary_status import PracticeSummaryStatus

T = TypeVar("T", bound="PracticeSummary")


@_attrs_define
class PracticeSummary:
    """A practice in a list (no contact, no history).

    Attributes:
        id (UUID):
        status (PracticeSummaryStatus):
        title (str):
        summary (str):
        institution_id (UUID):
        institution_name (None | str):
        institution_type (str):
        teryt (str):
        problem_areas (list[str]):
        since (datetime.date):
        published_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    id: UUID
    status: PracticeSummaryStatus
    title: str
    summary: str
    institution_id: UUID
    institution_name: None | str
    institution_type: str
    teryt: str
    problem_areas: list[str]
    since: datetime.date
    published_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        status = self.status.value

        title = self.title

        summary = self.summary

        institution_id = str(self.institution_id)

        institution_name: None | str
        institution_name = self.institution_name

        institution_type = self.institution_type

        teryt = self.teryt

        problem_areas = self.problem_areas

        since = self.since.isoformat()

        published_at: None | str
        if isinstance(self.published_at, datetime.datetime):
            published_at = self.published_at.isoformat()
        else:
            published_at = self.published_at

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "status": status,
                "title": title,
                "summary": summary,
                "institution_id": institution_id,
                "institution_name": institution_name,
                "institution_type": institution_type,
                "teryt": teryt,
                "problem_areas": problem_areas,
                "since": since,
                "published_at": published_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = PracticeSummaryStatus(d.pop("status"))

        title = d.pop("title")

        summary = d.pop("summary")

        institution_id = UUID(d.pop("institution_id"))

        def _parse_institution_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        institution_name = _parse_institution_name(d.pop("institution_name"))

        institution_type = d.pop("institution_type")

        teryt = d.pop("teryt")

        problem_areas = cast(list[str], d.pop("problem_areas"))

        since = datetime.date.fromisoformat(d.pop("since"))

        def _parse_published_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                published_at_type_0 = datetime.datetime.fromisoformat(data)

                return published_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        published_at = _parse_published_at(d.pop("published_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        practice_summary = cls(
            id=id,
            status=status,
            title=title,
            summary=summary,
            institution_id=institution_id,
            institution_name=institution_name,
            institution_type=institution_type,
            teryt=teryt,
            problem_areas=problem_areas,
            since=since,
            published_at=published_at,
            updated_at=updated_at,
        )

        practice_summary.additional_properties = d
        return practice_summary

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
