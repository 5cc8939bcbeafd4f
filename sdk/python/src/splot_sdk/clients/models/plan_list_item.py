from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_list_item_status import PlanListItemStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanListItem")


@_attrs_define
class PlanListItem:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        plan_type_code (str):
        owner_institution_id (UUID):
        status (PlanListItemStatus):
        next_review_due (datetime.date | None):
        review_overdue (bool):
        version (int):
        programme (None | str | Unset):
    """

    id: UUID
    person_id: UUID
    plan_type_code: str
    owner_institution_id: UUID
    status: PlanListItemStatus
    next_review_due: datetime.date | None
    review_overdue: bool
    version: int
    programme: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        plan_type_code = self.plan_type_code

        owner_institution_id = str(self.owner_institution_id)

        status = self.status.value

        next_review_due: None | str
        if isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        review_overdue = self.review_overdue

        version = self.version

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "person_id": person_id,
                "plan_type_code": plan_type_code,
                "owner_institution_id": owner_institution_id,
                "status": status,
                "next_review_due": next_review_due,
                "review_overdue": review_overdue,
                "version": version,
            }
        )
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        plan_type_code = d.pop("plan_type_code")

        owner_institution_id = UUID(d.pop("owner_institution_id"))

        status = PlanListItemStatus(d.pop("status"))

        def _parse_next_review_due(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_review_due_type_0 = datetime.date.fromisoformat(data)

                return next_review_due_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        next_review_due = _parse_next_review_due(d.pop("next_review_due"))

        review_overdue = d.pop("review_overdue")

        version = d.pop("version")

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        plan_list_item = cls(
            id=id,
            person_id=person_id,
            plan_type_code=plan_type_code,
            owner_institution_id=owner_institution_id,
            status=status,
            next_review_due=next_review_due,
            review_overdue=review_overdue,
            version=version,
            programme=programme,
        )

        plan_list_item.additional_properties = d
        return plan_list_item

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
