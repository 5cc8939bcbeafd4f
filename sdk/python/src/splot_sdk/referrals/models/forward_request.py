from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define

from ..models.priority import Priority
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.consent_basis import ConsentBasis
    from ..models.statutory_basis import StatutoryBasis


T = TypeVar("T", bound="ForwardRequest")


@_attrs_define
class ForwardRequest:
    """The child referral the receiver sends on (one step: it is sent at once).

    Attributes:
        target_institution_id (UUID):
        service_type_code (str):
        legal_basis (ConsentBasis | StatutoryBasis):
        target_offer_id (None | Unset | UUID):
        priority (Priority | Unset):
        needs_description (None | str | Unset):
        programme (None | str | Unset): A code of the programme catalogue; left out: the forwarded referral's own
        planned_start_date (datetime.date | None | Unset):
        planned_end_date (datetime.date | None | Unset):
    """

    target_institution_id: UUID
    service_type_code: str
    legal_basis: ConsentBasis | StatutoryBasis
    target_offer_id: None | Unset | UUID = UNSET
    priority: Priority | Unset = UNSET
    needs_description: None | str | Unset = UNSET
    programme: None | str | Unset = UNSET
    planned_start_date: datetime.date | None | Unset = UNSET
    planned_end_date: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.statutory_basis import StatutoryBasis  # noqa: PLC0415

        target_institution_id = str(self.target_institution_id)

        service_type_code = self.service_type_code

        legal_basis: dict[str, Any]
        if isinstance(self.legal_basis, StatutoryBasis):
            legal_basis = self.legal_basis.to_dict()
        else:
            legal_basis = self.legal_basis.to_dict()

        target_offer_id: None | str | Unset
        if isinstance(self.target_offer_id, Unset):
            target_offer_id = UNSET
        elif isinstance(self.target_offer_id, UUID):
            target_offer_id = str(self.target_offer_id)
        else:
            target_offer_id = self.target_offer_id

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value

        needs_description: None | str | Unset
        if isinstance(self.needs_description, Unset):
            needs_description = UNSET
        else:
            needs_description = self.needs_description

        programme: None | str | Unset
        if isinstance(self.programme, Unset):
            programme = UNSET
        else:
            programme = self.programme

        planned_start_date: None | str | Unset
        if isinstance(self.planned_start_date, Unset):
            planned_start_date = UNSET
        elif isinstance(self.planned_start_date, datetime.date):
            planned_start_date = self.planned_start_date.isoformat()
        else:
            planned_start_date = self.planned_start_date

        planned_end_date: None | str | Unset
        if isinstance(self.planned_end_date, Unset):
            planned_end_date = UNSET
        elif isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "target_institution_id": target_institution_id,
                "service_type_code": service_type_code,
                "legal_basis": legal_basis,
            }
        )
        if target_offer_id is not UNSET:
            field_dict["target_offer_id"] = target_offer_id
        if priority is not UNSET:
            field_dict["priority"] = priority
        if needs_description is not UNSET:
            field_dict["needs_description"] = needs_description
        if programme is not UNSET:
            field_dict["programme"] = programme
        if planned_start_date is not UNSET:
            field_dict["planned_start_date"] = planned_start_date
        if planned_end_date is not UNSET:
            field_dict["planned_end_date"] = planned_end_date

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.consent_basis import ConsentBasis  # noqa: PLC0415
        from ..models.statutory_basis import StatutoryBasis  # noqa: PLC0415

        d = dict(src_dict)
        target_institution_id = UUID(d.pop("target_institution_id"))

        service_type_code = d.pop("service_type_code")

        def _parse_legal_basis(data: object) -> ConsentBasis | StatutoryBasis:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                legal_basis_type_0 = StatutoryBasis.from_dict(data)

                return legal_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            legal_basis_type_1 = ConsentBasis.from_dict(data)

            return legal_basis_type_1

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        def _parse_target_offer_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_offer_id_type_0 = UUID(data)

                return target_offer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        target_offer_id = _parse_target_offer_id(d.pop("target_offer_id", UNSET))

        _priority = d.pop("priority", UNSET)
        priority: Priority | Unset
        if isinstance(_priority, Unset):
            priority = UNSET
        else:
            priority = Priority(_priority)

        def _parse_needs_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        needs_description = _parse_needs_description(d.pop("needs_description", UNSET))

        def _parse_programme(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        programme = _parse_programme(d.pop("programme", UNSET))

        def _parse_planned_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_date_type_0 = datetime.date.fromisoformat(data)

                return planned_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_start_date = _parse_planned_start_date(d.pop("planned_start_date", UNSET))

        def _parse_planned_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date", UNSET))

        forward_request = cls(
            target_institution_id=target_institution_id,
            service_type_code=service_type_code,
            legal_basis=legal_basis,
            target_offer_id=target_offer_id,
            priority=priority,
            needs_description=needs_description,
            programme=programme,
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
        )

        return forward_request
