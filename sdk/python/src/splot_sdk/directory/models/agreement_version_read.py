from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.status import Status

if TYPE_CHECKING:
    from ..models.annex import Annex
    from ..models.confirmation_read import ConfirmationRead


T = TypeVar("T", bound="AgreementVersionRead")


@_attrs_define
class AgreementVersionRead:
    """
    Attributes:
        id (UUID):
        partnership_id (None | UUID):
        number (int):
        amends_id (None | UUID):
        title (str):
        document_number (str):
        text (str):
        annexes (list[Annex]):
        valid_from (datetime.date):
        valid_to (datetime.date | None):
        party_ids (list[UUID]):
        status (Status):
        confirmed_on (datetime.date | None):
        terminated_on (datetime.date | None):
        termination_reason (None | str):
        superseded_on (datetime.date | None):
        confirmations (list[ConfirmationRead]):
        version (int):
    """

    id: UUID
    partnership_id: None | UUID
    number: int
    amends_id: None | UUID
    title: str
    document_number: str
    text: str
    annexes: list[Annex]
    valid_from: datetime.date
    valid_to: datetime.date | None
    party_ids: list[UUID]
    status: Status
    confirmed_on: datetime.date | None
    terminated_on: datetime.date | None
    termination_reason: None | str
    superseded_on: datetime.date | None
    confirmations: list[ConfirmationRead]
    version: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        partnership_id: None | str
        if isinstance(self.partnership_id, UUID):
            partnership_id = str(self.partnership_id)
        else:
            partnership_id = self.partnership_id

        number = self.number

        amends_id: None | str
        if isinstance(self.amends_id, UUID):
            amends_id = str(self.amends_id)
        else:
            amends_id = self.amends_id

        title = self.title

        document_number = self.document_number

        text = self.text

        annexes = []
        for annexes_item_data in self.annexes:
            annexes_item = annexes_item_data.to_dict()
            annexes.append(annexes_item)

        valid_from = self.valid_from.isoformat()

        valid_to: None | str
        if isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        party_ids = []
        for party_ids_item_data in self.party_ids:
            party_ids_item = str(party_ids_item_data)
            party_ids.append(party_ids_item)

        status = self.status.value

        confirmed_on: None | str
        if isinstance(self.confirmed_on, datetime.date):
            confirmed_on = self.confirmed_on.isoformat()
        else:
            confirmed_on = self.confirmed_on

        terminated_on: None | str
        if isinstance(self.terminated_on, datetime.date):
            terminated_on = self.terminated_on.isoformat()
        else:
            terminated_on = self.terminated_on

        termination_reason: None | str
        termination_reason = self.termination_reason

        superseded_on: None | str
        if isinstance(self.superseded_on, datetime.date):
            superseded_on = self.superseded_on.isoformat()
        else:
            superseded_on = self.superseded_on

        confirmations = []
        for confirmations_item_data in self.confirmations:
            confirmations_item = confirmations_item_data.to_dict()
            confirmations.append(confirmations_item)

        version = self.version

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "partnership_id": partnership_id,
                "number": number,
                "amends_id": amends_id,
                "title": title,
                "document_number": document_number,
                "text": text,
                "annexes": annexes,
                "valid_from": valid_from,
                "valid_to": valid_to,
                "party_ids": party_ids,
                "status": status,
                "confirmed_on": confirmed_on,
                "terminated_on": terminated_on,
                "termination_reason": termination_reason,
                "superseded_on": superseded_on,
                "confirmations": confirmations,
                "version": version,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.annex import Annex  # noqa: PLC0415
        from ..models.confirmation_read import ConfirmationRead  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

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

        number = d.pop("number")

        def _parse_amends_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                amends_id_type_0 = UUID(data)

                return amends_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        amends_id = _parse_amends_id(d.pop("amends_id"))

        title = d.pop("title")

        document_number = d.pop("document_number")

        text = d.pop("text")

        annexes = []
        _annexes = d.pop("annexes")
        for annexes_item_data in _annexes:
            annexes_item = Annex.from_dict(annexes_item_data)

            annexes.append(annexes_item)

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        def _parse_valid_to(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        valid_to = _parse_valid_to(d.pop("valid_to"))

        party_ids = []
        _party_ids = d.pop("party_ids")
        for party_ids_item_data in _party_ids:
            party_ids_item = UUID(party_ids_item_data)

            party_ids.append(party_ids_item)

        status = Status(d.pop("status"))

        def _parse_confirmed_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_on_type_0 = datetime.date.fromisoformat(data)

                return confirmed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        confirmed_on = _parse_confirmed_on(d.pop("confirmed_on"))

        def _parse_terminated_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_on_type_0 = datetime.date.fromisoformat(data)

                return terminated_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        terminated_on = _parse_terminated_on(d.pop("terminated_on"))

        def _parse_termination_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        termination_reason = _parse_termination_reason(d.pop("termination_reason"))

        def _parse_superseded_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                superseded_on_type_0 = datetime.date.fromisoformat(data)

                return superseded_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        superseded_on = _parse_superseded_on(d.pop("superseded_on"))

        confirmations = []
        _confirmations = d.pop("confirmations")
        for confirmations_item_data in _confirmations:
            confirmations_item = ConfirmationRead.from_dict(confirmations_item_data)

            confirmations.append(confirmations_item)

        version = d.pop("version")

        agreement_version_read = cls(
            id=id,
            partnership_id=partnership_id,
            number=number,
            amends_id=amends_id,
            title=title,
            document_number=document_number,
            text=text,
            annexes=annexes,
            valid_from=valid_from,
            valid_to=valid_to,
            party_ids=party_ids,
            status=status,
            confirmed_on=confirmed_on,
            terminated_on=terminated_on,
            termination_reason=termination_reason,
            superseded_on=superseded_on,
            confirmations=confirmations,
            version=version,
        )

        agreement_version_read.additional_properties = d
        return agreement_version_read

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
