from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.questionnaire_status import QuestionnaireStatus

T = TypeVar("T", bound="QuestionnaireListItem")


@_attrs_define
class QuestionnaireListItem:
    """
    Attributes:
        id (UUID):
        title (str):
        status (QuestionnaireStatus):
        version_no (int):
        template (None | str):
        owner_scope (str):
        updated_at (datetime.datetime):
        rounds (int):
    """

    id: UUID
    title: str
    status: QuestionnaireStatus
    version_no: int
    template: None | str
    owner_scope: str
    updated_at: datetime.datetime
    rounds: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        status = self.status.value

        version_no = self.version_no

        template: None | str
        template = self.template

        owner_scope = self.owner_scope

        updated_at = self.updated_at.isoformat()

        rounds = self.rounds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "status": status,
                "version_no": version_no,
                "template": template,
                "owner_scope": owner_scope,
                "updated_at": updated_at,
                "rounds": rounds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        title = d.pop("title")

        status = QuestionnaireStatus(d.pop("status"))

        version_no = d.pop("version_no")

        def _parse_template(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        template = _parse_template(d.pop("template"))

        owner_scope = d.pop("owner_scope")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        rounds = d.pop("rounds")

        questionnaire_list_item = cls(
            id=id,
            title=title,
            status=status,
            version_no=version_no,
            template=template,
            owner_scope=owner_scope,
            updated_at=updated_at,
            rounds=rounds,
        )

        questionnaire_list_item.additional_properties = d
        return questionnaire_list_item

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
