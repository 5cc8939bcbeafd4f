from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.business_status import BusinessStatus
from ..models.declined_by import DeclinedBy
from ..models.priority import Priority
from ..models.read_view import ReadView
from ..models.side import Side
from ..models.status import Status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.allowed_action import AllowedAction
    from ..models.capacity_warning import CapacityWarning
    from ..models.legal_basis_read import LegalBasisRead


T = TypeVar("T", bound="ReferralRead")


@_attrs_define
class ReferralRead:
    """
    Attributes:
        id (UUID):
        number (str):
        version (int):
        status (Status):
        business_status (BusinessStatus | None):
        cancellation_requested (bool):
        acknowledged (bool):
        overdue (bool):
        person_id (UUID):
        sender_institution_id (UUID):
        sender_user_id (None | UUID):
        target_institution_id (None | UUID):
        target_institution_type (None | str):
        target_offer_id (None | UUID):
        service_type_code (None | str):
        sensitive (bool):
        priority (Priority):
        needs_description (None | str):
        legal_basis (LegalBasisRead | None):
        programme (None | str):
        planned_start_date (datetime.date | None):
        planned_end_date (datetime.date | None):
        assignee_user_id (None | UUID):
        parent_referral_id (None | UUID):
        chain_root_id (UUID):
        chain_depth (int):
        reason_code (None | str):
        reason_text (None | str):
        declined_by (DeclinedBy | None):
        outcome_codes (list[str]):
        delivered (None | str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        sent_at (datetime.datetime | None):
        responded_at (datetime.datetime | None):
        accepted_at (datetime.datetime | None):
        started_at (datetime.datetime | None):
        ended_at (datetime.datetime | None):
        due_at (datetime.datetime | None):
        expires_at (datetime.datetime | None):
        my_sides (list[Side]): Whether your institution is the sender, the receiver or both
        allowed_actions (list[AllowedAction]): What you may do now, with the fields each needs
        plan_action_id (None | Unset | UUID): The action of an individual plan in the client registry this referral
            serves
        deadline_partnership_id (None | Unset | UUID): The local partnership whose service standard set due_at, if one
            did
        view (ReadView | Unset): How much of a referral the caller sees: all of it (its sender or receiver), or the
            chain view
            (a party of another referral of its chain: status, dates, parties and outcome only).
        capacity_warning (CapacityWarning | None | Unset): Only in the answer to a send (create with send, the send
            transition, forward): the chosen offer had no free places; the referral was sent anyway
    """

    id: UUID
    number: str
    version: int
    status: Status
    business_status: BusinessStatus | None
    cancellation_requested: bool
    acknowledged: bool
    overdue: bool
    person_id: UUID
    sender_institution_id: UUID
    sender_user_id: None | UUID
    target_institution_id: None | UUID
    target_institution_type: None | str
    target_offer_id: None | UUID
    service_type_code: None | str
    sensitive: bool
    priority: Priority
    needs_description: None | str
    legal_basis: LegalBasisRead | None
    programme: None | str
    planned_start_date: datetime.date | None
    planned_end_date: datetime.date | None
    assignee_user_id: None | UUID
    parent_referral_id: None | UUID
    chain_root_id: UUID
    chain_depth: int
    reason_code: None | str
    reason_text: None | str
    declined_by: DeclinedBy | None
    outcome_codes: list[str]
    delivered: None | str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    sent_at: datetime.datetime | None
    responded_at: datetime.datetime | None
    accepted_at: datetime.datetime | None
    started_at: datetime.datetime | None
    ended_at: datetime.datetime | None
    due_at: datetime.datetime | None
    expires_at: datetime.datetime | None
    my_sides: list[Side]
    allowed_actions: list[AllowedAction]
    plan_action_id: None | Unset | UUID = UNSET
    deadline_partnership_id: None | Unset | UUID = UNSET
    view: ReadView | Unset = UNSET
    capacity_warning: CapacityWarning | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.capacity_warning import CapacityWarning  # noqa: PLC0415
        from ..models.legal_basis_read import LegalBasisRead  # noqa: PLC0415

        id = str(self.id)

        number = self.number

        version = self.version

        status = self.status.value

        business_status: None | str
        if isinstance(self.business_status, BusinessStatus):
            business_status = self.business_status.value
        else:
            business_status = self.business_status

        cancellation_requested = self.cancellation_requested

        acknowledged = self.acknowledged

        overdue = self.overdue

        person_id = str(self.person_id)

        sender_institution_id = str(self.sender_institution_id)

        sender_user_id: None | str
        if isinstance(self.sender_user_id, UUID):
            sender_user_id = str(self.sender_user_id)
        else:
            sender_user_id = self.sender_user_id

        target_institution_id: None | str
        if isinstance(self.target_institution_id, UUID):
            target_institution_id = str(self.target_institution_id)
        else:
            target_institution_id = self.target_institution_id

        target_institution_type: None | str
        target_institution_type = self.target_institution_type

        target_offer_id: None | str
        if isinstance(self.target_offer_id, UUID):
            target_offer_id = str(self.target_offer_id)
        else:
            target_offer_id = self.target_offer_id

        service_type_code: None | str
        service_type_code = self.service_type_code

        sensitive = self.sensitive

        priority = self.priority.value

        needs_description: None | str
        needs_description = self.needs_description

        legal_basis: dict[str, Any] | None
        if isinstance(self.legal_basis, LegalBasisRead):
            legal_basis = self.legal_basis.to_dict()
        else:
            legal_basis = self.legal_basis

        programme: None | str
        programme = self.programme

        planned_start_date: None | str
        if isinstance(self.planned_start_date, datetime.date):
            planned_start_date = self.planned_start_date.isoformat()
        else:
            planned_start_date = self.planned_start_date

        planned_end_date: None | str
        if isinstance(self.planned_end_date, datetime.date):
            planned_end_date = self.planned_end_date.isoformat()
        else:
            planned_end_date = self.planned_end_date

        assignee_user_id: None | str
        if isinstance(self.assignee_user_id, UUID):
            assignee_user_id = str(self.assignee_user_id)
        else:
            assignee_user_id = self.assignee_user_id

        parent_referral_id: None | str
        if isinstance(self.parent_referral_id, UUID):
            parent_referral_id = str(self.parent_referral_id)
        else:
            parent_referral_id = self.parent_referral_id

        chain_root_id = str(self.chain_root_id)

        chain_depth = self.chain_depth

        reason_code: None | str
        reason_code = self.reason_code

        reason_text: None | str
        reason_text = self.reason_text

        declined_by: None | str
        if isinstance(self.declined_by, DeclinedBy):
            declined_by = self.declined_by.value
        else:
            declined_by = self.declined_by

        outcome_codes = self.outcome_codes

        delivered: None | str
        delivered = self.delivered

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        sent_at: None | str
        if isinstance(self.sent_at, datetime.datetime):
            sent_at = self.sent_at.isoformat()
        else:
            sent_at = self.sent_at

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        accepted_at: None | str
        if isinstance(self.accepted_at, datetime.datetime):
            accepted_at = self.accepted_at.isoformat()
        else:
            accepted_at = self.accepted_at

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        due_at: None | str
        if isinstance(self.due_at, datetime.datetime):
            due_at = self.due_at.isoformat()
        else:
            due_at = self.due_at

        expires_at: None | str
        if isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        my_sides = []
        for my_sides_item_data in self.my_sides:
            my_sides_item = my_sides_item_data.value
            my_sides.append(my_sides_item)

        allowed_actions = []
        for allowed_actions_item_data in self.allowed_actions:
            allowed_actions_item = allowed_actions_item_data.to_dict()
            allowed_actions.append(allowed_actions_item)

        plan_action_id: None | str | Unset
        if isinstance(self.plan_action_id, Unset):
            plan_action_id = UNSET
        elif isinstance(self.plan_action_id, UUID):
            plan_action_id = str(self.plan_action_id)
        else:
            plan_action_id = self.plan_action_id

        deadline_partnership_id: None | str | Unset
        if isinstance(self.deadline_partnership_id, Unset):
            deadline_partnership_id = UNSET
        elif isinstance(self.deadline_partnership_id, UUID):
            deadline_partnership_id = str(self.deadline_partnership_id)
        else:
            deadline_partnership_id = self.deadline_partnership_id

        view: str | Unset = UNSET
        if not isinstance(self.view, Unset):
            view = self.view.value

        capacity_warning: dict[str, Any] | None | Unset
        if isinstance(self.capacity_warning, Unset):
            capacity_warning = UNSET
        elif isinstance(self.capacity_warning, CapacityWarning):
            capacity_warning = self.capacity_warning.to_dict()
        else:
            capacity_warning = self.capacity_warning

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "number": number,
                "version": version,
                "status": status,
                "business_status": business_status,
                "cancellation_requested": cancellation_requested,
                "acknowledged": acknowledged,
                "overdue": overdue,
                "person_id": person_id,
                "sender_institution_id": sender_institution_id,
                "sender_user_id": sender_user_id,
                "target_institution_id": target_institution_id,
                "target_institution_type": target_institution_type,
                "target_offer_id": target_offer_id,
                "service_type_code": service_type_code,
                "sensitive": sensitive,
                "priority": priority,
                "needs_description": needs_description,
                "legal_basis": legal_basis,
                "programme": programme,
                "planned_start_date": planned_start_date,
                "planned_end_date": planned_end_date,
                "assignee_user_id": assignee_user_id,
                "parent_referral_id": parent_referral_id,
                "chain_root_id": chain_root_id,
                "chain_depth": chain_depth,
                "reason_code": reason_code,
                "reason_text": reason_text,
                "declined_by": declined_by,
                "outcome_codes": outcome_codes,
                "delivered": delivered,
                "created_at": created_at,
                "updated_at": updated_at,
                "sent_at": sent_at,
                "responded_at": responded_at,
                "accepted_at": accepted_at,
                "started_at": started_at,
                "ended_at": ended_at,
                "due_at": due_at,
                "expires_at": expires_at,
                "my_sides": my_sides,
                "allowed_actions": allowed_actions,
            }
        )
        if plan_action_id is not UNSET:
            field_dict["plan_action_id"] = plan_action_id
        if deadline_partnership_id is not UNSET:
            field_dict["deadline_partnership_id"] = deadline_partnership_id
        if view is not UNSET:
            field_dict["view"] = view
        if capacity_warning is not UNSET:
            field_dict["capacity_warning"] = capacity_warning

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.allowed_action import AllowedAction  # noqa: PLC0415
        from ..models.capacity_warning import CapacityWarning  # noqa: PLC0415
        from ..models.legal_basis_read import LegalBasisRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        version = d.pop("version")

        status = Status(d.pop("status"))

        def _parse_business_status(data: object) -> BusinessStatus | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_status_type_0 = BusinessStatus(data)

                return business_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BusinessStatus | None, data)

        business_status = _parse_business_status(d.pop("business_status"))

        cancellation_requested = d.pop("cancellation_requested")

        acknowledged = d.pop("acknowledged")

        overdue = d.pop("overdue")

        person_id = UUID(d.pop("person_id"))

        sender_institution_id = UUID(d.pop("sender_institution_id"))

        def _parse_sender_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sender_user_id_type_0 = UUID(data)

                return sender_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        sender_user_id = _parse_sender_user_id(d.pop("sender_user_id"))

        def _parse_target_institution_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_institution_id_type_0 = UUID(data)

                return target_institution_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_institution_id = _parse_target_institution_id(d.pop("target_institution_id"))

        def _parse_target_institution_type(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_institution_type = _parse_target_institution_type(d.pop("target_institution_type"))

        def _parse_target_offer_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_offer_id_type_0 = UUID(data)

                return target_offer_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        target_offer_id = _parse_target_offer_id(d.pop("target_offer_id"))

        def _parse_service_type_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        service_type_code = _parse_service_type_code(d.pop("service_type_code"))

        sensitive = d.pop("sensitive")

        priority = Priority(d.pop("priority"))

        def _parse_needs_description(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        needs_description = _parse_needs_description(d.pop("needs_description"))

        def _parse_legal_basis(data: object) -> LegalBasisRead | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                legal_basis_type_0 = LegalBasisRead.from_dict(data)

                return legal_basis_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LegalBasisRead | None, data)

        legal_basis = _parse_legal_basis(d.pop("legal_basis"))

        def _parse_programme(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        programme = _parse_programme(d.pop("programme"))

        def _parse_planned_start_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_start_date_type_0 = datetime.date.fromisoformat(data)

                return planned_start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_start_date = _parse_planned_start_date(d.pop("planned_start_date"))

        def _parse_planned_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                planned_end_date_type_0 = datetime.date.fromisoformat(data)

                return planned_end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        planned_end_date = _parse_planned_end_date(d.pop("planned_end_date"))

        def _parse_assignee_user_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_user_id_type_0 = UUID(data)

                return assignee_user_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_user_id = _parse_assignee_user_id(d.pop("assignee_user_id"))

        def _parse_parent_referral_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                parent_referral_id_type_0 = UUID(data)

                return parent_referral_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        parent_referral_id = _parse_parent_referral_id(d.pop("parent_referral_id"))

        chain_root_id = UUID(d.pop("chain_root_id"))

        chain_depth = d.pop("chain_depth")

        def _parse_reason_code(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_code = _parse_reason_code(d.pop("reason_code"))

        def _parse_reason_text(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason_text = _parse_reason_text(d.pop("reason_text"))

        def _parse_declined_by(data: object) -> DeclinedBy | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                declined_by_type_0 = DeclinedBy(data)

                return declined_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeclinedBy | None, data)

        declined_by = _parse_declined_by(d.pop("declined_by"))

        outcome_codes = cast(list[str], d.pop("outcome_codes"))

        def _parse_delivered(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        delivered = _parse_delivered(d.pop("delivered"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        def _parse_sent_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sent_at_type_0 = datetime.datetime.fromisoformat(data)

                return sent_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        sent_at = _parse_sent_at(d.pop("sent_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        def _parse_accepted_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                accepted_at_type_0 = datetime.datetime.fromisoformat(data)

                return accepted_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        accepted_at = _parse_accepted_at(d.pop("accepted_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        def _parse_due_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                due_at_type_0 = datetime.datetime.fromisoformat(data)

                return due_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        due_at = _parse_due_at(d.pop("due_at"))

        def _parse_expires_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        expires_at = _parse_expires_at(d.pop("expires_at"))

        my_sides = []
        _my_sides = d.pop("my_sides")
        for my_sides_item_data in _my_sides:
            my_sides_item = Side(my_sides_item_data)

            my_sides.append(my_sides_item)

        allowed_actions = []
        _allowed_actions = d.pop("allowed_actions")
        for allowed_actions_item_data in _allowed_actions:
            allowed_actions_item = AllowedAction.from_dict(allowed_actions_item_data)

            allowed_actions.append(allowed_actions_item)

        def _parse_plan_action_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                plan_action_id_type_0 = UUID(data)

                return plan_action_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        plan_action_id = _parse_plan_action_id(d.pop("plan_action_id", UNSET))

        def _parse_deadline_partnership_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                deadline_partnership_id_type_0 = UUID(data)

                return deadline_partnership_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        deadline_partnership_id = _parse_deadline_partnership_id(d.pop("deadline_partnership_id", UNSET))

        _view = d.pop("view", UNSET)
        view: ReadView | Unset
        if isinstance(_view, Unset):
            view = UNSET
        else:
            view = ReadView(_view)

        def _parse_capacity_warning(data: object) -> CapacityWarning | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                capacity_warning_type_0 = CapacityWarning.from_dict(data)

                return capacity_warning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CapacityWarning | None | Unset, data)

        capacity_warning = _parse_capacity_warning(d.pop("capacity_warning", UNSET))

        referral_read = cls(
            id=id,
            number=number,
            version=version,
            status=status,
            business_status=business_status,
            cancellation_requested=cancellation_requested,
            acknowledged=acknowledged,
            overdue=overdue,
            person_id=person_id,
            sender_institution_id=sender_institution_id,
            sender_user_id=sender_user_id,
            target_institution_id=target_institution_id,
            target_institution_type=target_institution_type,
            target_offer_id=target_offer_id,
            service_type_code=service_type_code,
            sensitive=sensitive,
            priority=priority,
            needs_description=needs_description,
            legal_basis=legal_basis,
            programme=programme,
            planned_start_date=planned_start_date,
            planned_end_date=planned_end_date,
            assignee_user_id=assignee_user_id,
            parent_referral_id=parent_referral_id,
            chain_root_id=chain_root_id,
            chain_depth=chain_depth,
            reason_code=reason_code,
            reason_text=reason_text,
            declined_by=declined_by,
            outcome_codes=outcome_codes,
            delivered=delivered,
            created_at=created_at,
            updated_at=updated_at,
            sent_at=sent_at,
            responded_at=responded_at,
            accepted_at=accepted_at,
            started_at=started_at,
            ended_at=ended_at,
            due_at=due_at,
            expires_at=expires_at,
            my_sides=my_sides,
            allowed_actions=allowed_actions,
            plan_action_id=plan_action_id,
            deadline_partnership_id=deadline_partnership_id,
            view=view,
            capacity_warning=capacity_warning,
        )

        referral_read.additional_properties = d
        return referral_read

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
