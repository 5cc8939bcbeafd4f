from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.plan_update_agreement_method_type_0 import PlanUpdateAgreementMethodType0
from ..models.plan_update_status_type_0 import PlanUpdateStatusType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PlanUpdate")


@_attrs_define
class PlanUpdate:
    """Given fields replace; ``parties`` replaces the joint plan's other institutions.

    Attributes:
        agreement_date (datetime.date | None | Unset):
        agreement_method (None | PlanUpdateAgreementMethodType0 | Unset):
        next_review_due (datetime.date | None | Unset):
        parties (list[UUID] | None | Unset):
        status (None | PlanUpdateStatusType0 | Unset):
        programme (None | str | Unset): A code of the directory's programme catalogue (GET
            /api/directory/v1/programmes), e.g. PAI; null: none
    """

    agreement_date: datetime.date | None | Unset = UNSET
    agreement_method: None | PlanUpdateAgreementMethodType0 | Unset = UNSET
    next_review_due: datetime.date | None | Unset = UNSET
    parties: list[UUID] | None | Unset = UNSET
    status: None | PlanUpdateStatusType0 | Unset = UNSET
    programme: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        agreement_date: None | str | Unset
        if isinstance(self.agreement_date, Unset):
            agreement_date = UNSET
        elif isinstance(self.agreement_date, datetime.date):
            agreement_date = self.agreement_date.isoformat()
        else:
            agreement_date = self.agreement_date

        agreement_method: None | str | Unset
        if isinstance(self.agreement_method, Unset):
            agreement_method = UNSET
        elif isinstance(self.agreement_method, PlanUpdateAgreementMethodType0):
            agreement_method = self.agreement_method.value
        else:
            agreement_method = self.agreement_method

        next_review_due: None | str | Unset
        if isinstance(self.next_review_due, Unset):
            next_review_due = UNSET
        elif isinstance(self.next_review_due, datetime.date):
            next_review_due = self.next_review_due.isoformat()
        else:
            next_review_due = self.next_review_due

        parties: list[str] | None | Unset
        if isinstance(self.parties, Unset):
            parties = UNSET
        elif isinstance(self.parties, list):
            parties = []
            for parties_type_0_item_data in self.parties:
                parties_type_0_item = str(parties_type_0_item_data)
                parties.append(parties_type_0_item)

        else:
            parties = self.parties

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, PlanUpdateStatusType0):
            status = self.status.value
        else:
            status = self.status

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if agreement_date is not UNSET:
            field_dict["agreement_date"] = agreement_date
        if agreement_method is not UNSET:
            field_dict["agreement_method"] = agreement_method
        if next_review_due is not UNSET:
            field_dict["next_review_due"] = next_review_due
        if parties is not UNSET:
            field_dict["parties"] = parties
        if status is not UNSET:
            field_dict["status"] = status
        if programme is not UNSET:
            field_dict["programme"] = programme

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_agreement_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_date_type_0 = datetime.date.fromisoformat(data)

                return agreement_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        agreement_date = _parse_agreement_date(d.pop("agreement_date", UNSET))

        def _parse_agreement_method(data: object) -> None | PlanUpdateAgreementMethodType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                agreement_method_type_0 = PlanUpdateAgreementMethodType0(data)

                return agreement_method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanUpdateAgreementMethodType0 | Unset, data)

        agreement_method = _parse_agreement_method(d.pop("agreement_method", UNSET))

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

        def _parse_parties(data: object) -> list[UUID] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                parties_type_0 = []
                _parties_type_0 = data
                for parties_type_0_item_data in _parties_type_0:
                    parties_type_0_item = UUID(parties_type_0_item_data)

                    parties_type_0.append(parties_type_0_item)

                return parties_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[UUID] | None | Unset, data)

        parties = _parse_parties(d.pop("parties", UNSET))

        def _parse_status(data: object) -> None | PlanUpdateStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = PlanUpdateStatusType0(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PlanUpdateStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        plan_update = cls(
            agreement_date=agreement_date,
            agreement_method=agreement_method,
            next_review_due=next_review_due,
            parties=parties,
            status=status,
            programme=programme,
        )

        return plan_update
