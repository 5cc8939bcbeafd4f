from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.practice_read_status import PracticeReadStatus

if TYPE_CHECKING:
    from ..models.attachment_read import AttachmentRead
    from ..models.contact_read import ContactRead
    from ..models.numeric_result_read import NumericResultRead
    from ..models.transition_read import TransitionRead


T = TypeVar("T", bound="PracticeRead")


@_attrs_define
class PracticeRead:
    """
    Attributes:
        id (UUID):
        status (PracticeReadStatus):
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
        partnership_id (None | UUID):
        topic_tags (list[str]):
        target_groups (list[str]):
        results (str):
        numeric_results (list[NumericResultRead]):
        contact (ContactRead):
        attachments (list[AttachmentRead]):
        history (list[TransitionRead]):
        allowed_actions (list[str]):
        version (int):
    """

    id: UUID
    status: PracticeReadStatus
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
    partnership_id: None | UUID
    topic_tags: list[str]
    target_groups: list[str]
    results: str
    numeric_results: list[NumericResultRead]
    contact: ContactRead
    attachments: list[AttachmentRead]
    history: list[TransitionRead]
    allowed_actions: list[str]
    version: int
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

        partnership_id: None | str
        if isinstance(self.partnership_id, UUID):
            partnership_id = str(self.partnership_id)
        else:
            partnership_id = self.partnership_id

        topic_tags = self.topic_tags

        target_groups = self.target_groups

        results = self.results

        numeric_results = []
        for numeric_results_item_data in self.numeric_results:
            numeric_results_item = numeric_results_item_data.to_dict()
            numeric_results.append(numeric_results_item)

        contact = self.contact.to_dict()

        attachments = []
        for attachments_item_data in self.attachments:
            attachments_item = attachments_item_data.to_dict()
            attachments.append(attachments_item)

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        allowed_actions = self.allowed_actions

        version = self.version

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
                "partnership_id": partnership_id,
                "topic_tags": topic_tags,
                "target_groups": target_groups,
                "results": results,
                "numeric_results": numeric_results,
                "contact": contact,
                "attachments": attachments,
                "history": history,
                "allowed_actions": allowed_actions,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attachment_read import AttachmentRead  # noqa: PLC0415
        from ..models.contact_read import ContactRead  # noqa: PLC0415
        from ..models.numeric_result_read import NumericResultRead  # noqa: PLC0415
        from ..models.transition_read import TransitionRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        status = PracticeReadStatus(d.pop("status"))

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

        def _parse_partnership_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                partnership_id_type_0 = UUID(data)

                return partnership_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        partnership_id = _parse_partnership_id(d.pop("partnership_id"))

        topic_tags = cast(list[str], d.pop("topic_tags"))

        target_groups = cast(list[str], d.pop("target_groups"))

        results = d.pop("results")

        numeric_results = []
        _numeric_results = d.pop("numeric_results")
        for numeric_results_item_data in _numeric_results:
            numeric_results_item = NumericResultRead.from_dict(numeric_results_item_data)

            numeric_results.append(numeric_results_item)

        contact = ContactRead.from_dict(d.pop("contact"))

        attachments = []
        _attachments = d.pop("attachments")
        for attachments_item_data in _attachments:
            attachments_item = AttachmentRead.from_dict(attachments_item_data)

            attachments.append(attachments_item)

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = TransitionRead.from_dict(history_item_data)

            history.append(history_item)

        allowed_actions = cast(list[str], d.pop("allowed_actions"))

        version = d.pop("version")

        practice_read = cls(
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
            partnership_id=partnership_id,
            topic_tags=topic_tags,
            target_groups=target_groups,
            results=results,
            numeric_results=numeric_results,
            contact=contact,
            attachments=attachments,
            history=history,
            allowed_actions=allowed_actions,
            version=version,
        )

        practice_read.additional_properties = d
        return practice_read

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
