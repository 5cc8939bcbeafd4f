from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.response_status import ResponseStatus

if TYPE_CHECKING:
    from ..models.questionnaire_write import QuestionnaireWrite
    from ..models.response_read_answers import ResponseReadAnswers


T = TypeVar("T", bound="ResponseRead")


@_attrs_define
class ResponseRead:
    """
    Attributes:
        round_id (UUID):
        status (ResponseStatus):
        answers (ResponseReadAnswers):
        submitted_at (datetime.datetime | None):
        updated_at (datetime.datetime | None):
        deadline (datetime.date):
        editable (bool):
        questionnaire (QuestionnaireWrite):
    """

    round_id: UUID
    status: ResponseStatus
    answers: ResponseReadAnswers
    submitted_at: datetime.datetime | None
    updated_at: datetime.datetime | None
    deadline: datetime.date
    editable: bool
    questionnaire: QuestionnaireWrite
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        round_id = str(self.round_id)

        status = self.status.value

        answers = self.answers.to_dict()

        submitted_at: None | str
        if isinstance(self.submitted_at, datetime.datetime):
            submitted_at = self.submitted_at.isoformat()
        else:
            submitted_at = self.submitted_at

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        deadline = self.deadline.isoformat()

        editable = self.editable

        questionnaire = self.questionnaire.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "round_id": round_id,
                "status": status,
                "answers": answers,
                "submitted_at": submitted_at,
                "updated_at": updated_at,
                "deadline": deadline,
                "editable": editable,
                "questionnaire": questionnaire,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.questionnaire_write import QuestionnaireWrite  # noqa: PLC0415
        from ..models.response_read_answers import ResponseReadAnswers  # noqa: PLC0415

        d = dict(src_dict)
        round_id = UUID(d.pop("round_id"))

        status = ResponseStatus(d.pop("status"))

        answers = ResponseReadAnswers.from_dict(d.pop("answers"))

        def _parse_submitted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                submitted_at_type_0 = datetime.datetime.fromisoformat(data)

                return submitted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        submitted_at = _parse_submitted_at(d.pop("submitted_at"))

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        deadline = datetime.date.fromisoformat(d.pop("deadline"))

        editable = d.pop("editable")

        questionnaire = QuestionnaireWrite.from_dict(d.pop("questionnaire"))

        response_read = cls(
            round_id=round_id,
            status=status,
            answers=answers,
            submitted_at=submitted_at,
            updated_at=updated_at,
            deadline=deadline,
            editable=editable,
            questionnaire=questionnaire,
        )

        response_read.additional_properties = d
        return response_read

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
