from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.questionnaire_status import QuestionnaireStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.section import Section


T = TypeVar("T", bound="QuestionnaireRead")


@_attrs_define
class QuestionnaireRead:
    """
    Attributes:
        title (str):
        sections (list[Section]):
        id (UUID):
        status (QuestionnaireStatus):
        version_no (int):
        previous_id (None | UUID):
        template (None | str):
        owner_scope (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        rounds (int):
        description (None | str | Unset):
    """

    title: str
    sections: list[Section]
    id: UUID
    status: QuestionnaireStatus
    version_no: int
    previous_id: None | UUID
    template: None | str
    owner_scope: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    rounds: int
    description: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        title = self.title

        sections = []
        for sections_item_data in self.sections:
            sections_item = sections_item_data.to_dict()
            sections.append(sections_item)

        id = str(self.id)

        status = self.status.value

        version_no = self.version_no

        previous_id: None | str
        if isinstance(self.previous_id, UUID):
            previous_id = str(self.previous_id)
        else:
            previous_id = self.previous_id

        template: None | str
        template = self.template

        owner_scope = self.owner_scope

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        rounds = self.rounds

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "title": title,
                "sections": sections,
                "id": id,
                "status": status,
                "version_no": version_no,
                "previous_id": previous_id,
                "template": template,
                "owner_scope": owner_scope,
                "created_at": created_at,
                "updated_at": updated_at,
                "rounds": rounds,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.section import Section  # noqa: PLC0415

        d = dict(src_dict)
        title = d.pop("title")

        sections = []
        _sections = d.pop("sections")
        for sections_item_data in _sections:
            sections_item = Section.from_dict(sections_item_data)

            sections.append(sections_item)

        id = UUID(d.pop("id"))

        status = QuestionnaireStatus(d.pop("status"))

        version_no = d.pop("version_no")

        def _parse_previous_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                previous_id_type_0 = UUID(data)

                return previous_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        previous_id = _parse_previous_id(d.pop("previous_id"))

        def _parse_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template = _parse_template(d.pop("template"))

        owner_scope = d.pop("owner_scope")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        rounds = d.pop("rounds")

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        questionnaire_read = cls(
            title=title,
            sections=sections,
            id=id,
            status=status,
            version_no=version_no,
            previous_id=previous_id,
            template=template,
            owner_scope=owner_scope,
            created_at=created_at,
            updated_at=updated_at,
            rounds=rounds,
            description=description,
        )

        questionnaire_read.additional_properties = d
        return questionnaire_read

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
