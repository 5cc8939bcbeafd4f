from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanCreate")


@_attrs_define
class PlanCreate:
    """
    Attributes:
        plan_type_code (str):
        starts_on (datetime.date):
        diagnosis_id (None | Unset | UUID):
        parties (list[UUID] | Unset): Other institutions of a joint plan
        next_review_due (datetime.date | None | Unset):
        programme (None | str | Unset): A code of the directory's programme catalogue (GET
            /api/directory/v1/programmes), e.g. PAI
    """

    plan_type_code: str
    starts_on: datetime.date
    diagnosis_id: None | Unset | UUID = UNSET
    parties: list[UUID] | Unset = UNSET
    next_review_due: datetime.date | None | Unset = UNSET
    programme: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        plan_type_code = self.plan_type_code

        starts_on = self.starts_on.isoformat()

        diagnosis_id: None | str | Unset
        if isinstance(self.diagnosis_id, Unset):
            diagnosis_id = UNSET
        elif isinstance(self.diagnosis_id, UUID):
            diagnosis_id = str(self.diagnosis_id)
        else:
            diagnosis_id = self.diagnosis_id

        parties: list[str] | Unset = UNSET
        if not isinstance(self.parties, Unset):
            parties = []
            for parties_item_data in self.parties:
                parties_item = str(parties_item_data)
                parties.append(parties_item)

        next_review_due: None | str | Unset
        if isinstance(self.next_review_due, Unset):
            next_review_due = UNSET
        elif isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "plan_type_code": plan_type_code,
                "starts_on": starts_on,
            }
        )
        if diagnosis_id is not UNSET:
            field_dict["diagnosis_id"] = diagnosis_id
        if parties is not UNSET:
            field_dict["parties"] = parties
        if next_review_due is not UNSET:
            field_dict["next_review_due"] = next_review_due
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        plan_type_code = d.pop("plan_type_code")

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        def _parse_diagnosis_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                diagnosis_id_type_0 = UUID(data)

                return diagnosis_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        diagnosis_id = _parse_diagnosis_id(d.pop("diagnosis_id", UNSET))

        _parties = d.pop("parties", UNSET)
        parties: list[UUID] | Unset = UNSET
        if _parties is not UNSET:
            parties = []
            for parties_item_data in _parties:
                parties_item = UUID(parties_item_data)

                parties.append(parties_item)

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

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        plan_create = cls(
            plan_type_code=plan_type_code,
            starts_on=starts_on,
            diagnosis_id=diagnosis_id,
            parties=parties,
            next_review_due=next_review_due,
            programme=programme,
        )

        return plan_create
