"""Event payloads of the directory: their published schemas (``splot.common.events.declare``;
``openapi/events/directory.json``). None carries personal data: users appear by id, institution,
roles and analyst scope only (never a name or an e-mail); institutions by their public register
data."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Literal

from pydantic import ConfigDict

from splot.common.events import EventPayload, declare

SERVICE = "directory"
_INSTITUTION = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
_OTHER = "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2"

RoleName = Literal["caseworker", "coordinator", "institution_admin", "analyst", "auditor", "system_admin"]


class InstitutionPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": _INSTITUTION,
                    "type": "OPS",
                    "name": "Miejski Ośrodek Pomocy Społecznej w Wieliczce",
                    "teryt": "1219053",
                    "powiat_code": "1219",
                    "voivodeship_code": "12",
                    "active": True,
                    "version": 1,
                }
            ]
        }
    )

    id: uuid.UUID
    type: Literal["PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS", "WUP", "ROPS", "MINISTRY"]
    name: str
    #: TERYT code of the gmina of the seat.
    teryt: str
    powiat_code: str
    voivodeship_code: str
    active: bool
    version: int


class OfferPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "5f6e7d8c-9b0a-4c1d-8e2f-3a4b5c6d7e8f",
                    "institution_id": _INSTITUTION,
                    "service_type_code": "kis",
                    "teryt": "1219053",
                    "capacity_available": 3,
                    "capacity_max": 10,
                    "active": True,
                    "version": 1,
                }
            ]
        }
    )

    id: uuid.UUID
    institution_id: uuid.UUID
    service_type_code: str
    teryt: str
    capacity_available: int | None
    capacity_max: int | None
    active: bool
    version: int


class AgreementPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    "party_ids": [_OTHER, _INSTITUTION],
                    "valid_from": "2026-01-01",
                    "valid_to": None,
                    "version": 1,
                }
            ]
        }
    )

    id: uuid.UUID
    party_ids: list[uuid.UUID]
    valid_from: date
    valid_to: date | None
    version: int


class UserPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9",
                    "institution_id": _INSTITUTION,
                    "roles": ["analyst"],
                    "analyst_scope": "12",
                }
            ]
        }
    )

    id: uuid.UUID
    institution_id: uuid.UUID
    roles: list[RoleName]
    #: Analysts only: "" national, 2 digits a voivodeship, 4 digits a powiat.
    analyst_scope: str | None


declare(
    SERVICE,
    "institution",
    InstitutionPayload,
    institution__created="An institution was registered.",
    institution__updated="An institution changed (register data, seat or active).",
)
declare(
    SERVICE,
    "offer",
    OfferPayload,
    offer__created="An institution published a service offer.",
    offer__updated="A service offer changed.",
    offer__capacity_changed="A provider reported an offer's free places, or a referral took or freed a place.",
)
declare(
    SERVICE,
    "agreement",
    AgreementPayload,
    agreement__created="A partnership agreement was recorded.",
    agreement__updated="A partnership agreement changed (title, scope or end date).",
)
declare(
    SERVICE,
    "user",
    UserPayload,
    user__created="A staff account was created.",
    user__roles_changed="A staff account's roles or analyst scope changed.",
    user__deactivated="A staff account was deactivated.",
    user__activated="A staff account was activated again.",
)
