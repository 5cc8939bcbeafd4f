from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.plan_read_agreement_method_type_0 import PlanReadAgreementMethodType0
from ..models.plan_read_status import PlanReadStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.goal_read import GoalRead
    from ..models.review_read import ReviewRead


T = TypeVar("T", bound="PlanRead")


@_attrs_define
class PlanRead:
    """
    Attributes:
        id (UUID):
        person_id (UUID):
        plan_type_code (str):
        legal_basis_code (str):
        owner_institution_id (UUID):
        parties (list[UUID]):
        diagnosis_id (None | UUID):
        starts_on (datetime.date):
        status (PlanReadStatus):
        agreement_date (datetime.date | None):
        agreement_method (None | PlanReadAgreementMethodType0):
        next_review_due (datetime.date | None):
        review_overdue (bool):
        goals (list[GoalRead]):
        hidden_sensitive_goals (int): Sensitive goals you may not see
        reviews (list[ReviewRead]):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        version (int):
        programme (None | str | Unset): The code of the plan's programme, if any
    """

    id: UUID
    person_id: UUID
    plan_type_code: str
    legal_basis_code: str
    owner_institution_id: UUID
    parties: list[UUID]
    diagnosis_id: None | UUID
    starts_on: datetime.date
    status: PlanReadStatus
    agreement_date: datetime.date | None
    agreement_method: None | PlanReadAgreementMethodType0
    next_review_due: datetime.date | None
    review_overdue: bool
    goals: list[GoalRead]
    hidden_sensitive_goals: int
    reviews: list[ReviewRead]
    created_at: datetime.datetime
    updated_at: datetime.datetime
    version: int
    programme: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        person_id = str(self.person_id)

        plan_type_code = self.plan_type_code

        legal_basis_code = self.legal_basis_code

        owner_institution_id = str(self.owner_institution_id)

        parties = []
        for parties_item_data in self.parties:
            parties_item = str(parties_item_data)
            parties.append(parties_item)

        diagnosis_id: None | str
        if isinstance(self.diagnosis_id, UUID):
            diagnosis_id = str(self.diagnosis_id)
        else:
            diagnosis_id = self.diagnosis_id

        starts_on = self.starts_on.isoformat()

        status = self.status.value

        agreement_date: None | str
        if isinstance(self.agreement_date, datetime.date):
            agreement_date = self.agreement_date.isoformat()
        else:
            agreement_date = self.agreement_date

        agreement_method: None | str
        if isinstance(self.agreement_method, PlanReadAgreementMethodType0):
            agreement_method = self.agreement_method.value
        else:
            agreement_method = self.agreement_method

        next_review_due: None | str
        if isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        review_overdue = self.review_overdue

        goals = []
        for goals_item_data in self.goals:
            goals_item = goals_item_data.to_dict()
            goals.append(goals_item)

        hidden_sensitive_goals = self.hidden_sensitive_goals

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

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
                "legal_basis_code": legal_basis_code,
                "owner_institution_id": owner_institution_id,
                "parties": parties,
                "diagnosis_id": diagnosis_id,
                "starts_on": starts_on,
                "status": status,
                "agreement_date": agreement_date,
                "agreement_method": agreement_method,
                "next_review_due": next_review_due,
                "review_overdue": review_overdue,
                "goals": goals,
                "hidden_sensitive_goals": hidden_sensitive_goals,
                "reviews": reviews,
                "created_at": created_at,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.goal_read import GoalRead  # noqa: PLC0415
        from ..models.review_read import ReviewRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        person_id = UUID(d.pop("person_id"))

        plan_type_code = d.pop("plan_type_code")

        legal_basis_code = d.pop("legal_basis_code")

        owner_institution_id = UUID(d.pop("owner_institution_id"))

        parties = []
        _parties = d.pop("parties")
        for parties_item_data in _parties:
            parties_item = UUID(parties_item_data)

            parties.append(parties_item)

        def _parse_diagnosis_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                diagnosis_id_type_0 = UUID(data)

                return diagnosis_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        diagnosis_id = _parse_diagnosis_id(d.pop("diagnosis_id"))

        starts_on = datetime.date.fromisoformat(d.pop("starts_on"))

        status = PlanReadStatus(d.pop("status"))

        def _parse_agreement_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_date_type_0 = datetime.date.fromisoformat(data)

                return agreement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        agreement_date = _parse_agreement_date(d.pop("agreement_date"))

        def _parse_agreement_method(data: object) -> None | PlanReadAgreementMethodType0:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_method_type_0 = PlanReadAgreementMethodType0(data)

                return agreement_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanReadAgreementMethodType0, data)

        agreement_method = _parse_agreement_method(d.pop("agreement_method"))

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

        goals = []
        _goals = d.pop("goals")
        for goals_item_data in _goals:
            goals_item = GoalRead.from_dict(goals_item_data)

            goals.append(goals_item)

        hidden_sensitive_goals = d.pop("hidden_sensitive_goals")

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewRead.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        plan_read = cls(
            id=id,
            person_id=person_id,
            plan_type_code=plan_type_code,
            legal_basis_code=legal_basis_code,
            owner_institution_id=owner_institution_id,
            parties=parties,
            diagnosis_id=diagnosis_id,
            starts_on=starts_on,
            status=status,
            agreement_date=agreement_date,
            agreement_method=agreement_method,
            next_review_due=next_review_due,
            review_overdue=review_overdue,
            goals=goals,
            hidden_sensitive_goals=hidden_sensitive_goals,
            reviews=reviews,
            created_at=created_at,
            updated_at=updated_at,
            version=version,
            programme=programme,
        )

        plan_read.additional_properties = d
        return plan_read

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
