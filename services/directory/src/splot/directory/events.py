"""Event payloads of the directory: their published schemas (``splot.common.events.declare``;
``openapi/events/directory.json``). None carries personal data: users appear by id, institution,
roles and analyst scope only (never a name or an e-mail); institutions by their public register
data."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

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
                    "version": 2,
                    "partnership_id": None,
                    "number": None,
                    "status": "in_force",
                    "confirmed_on": "2025-12-20",
                    "ended_on": None,
                }
            ]
        }
    )

    id: uuid.UUID
    party_ids: list[uuid.UUID]
    valid_from: date
    valid_to: date | None
    version: int
    partnership_id: uuid.UUID | None
    #: The version's number within its partnership (1, 2, … in the order they were proposed; the
    #: newest is the highest), so that a consumer derives the partnership's status on any day as
    #: the directory does; None for an agreement recorded by itself (and in events written
    #: before the field existed).
    number: int | None = None
    #: The state when the event was written; it changes with the days too (``confirmed_on``,
    #: the dates and ``ended_on`` tell a consumer the state on any day).
    status: Literal["pending", "in_force", "expired", "terminated", "superseded"]
    #: The day the last party confirmed; None while any party has not (a pending agreement
    #: is not in force on any day).
    confirmed_on: date | None
    #: The day it was terminated or superseded (not in force from that day on).
    ended_on: date | None


class PartyMembership(BaseModel):
    institution_id: uuid.UUID
    joined_on: date
    left_on: date | None = None


class PartnershipPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
                    "leader_institution_id": _INSTITUTION,
                    "area_teryt": ["1219"],
                    "party_ids": [_OTHER, _INSTITUTION],
                    "invited_ids": [],
                    "status": "in_force",
                    "programme": "PAI",
                    "version": 3,
                }
            ]
        }
    )

    id: uuid.UUID
    leader_institution_id: uuid.UUID
    #: TERYT codes of the area it serves.
    area_teryt: list[str]
    party_ids: list[uuid.UUID]
    #: Every institution that is or was a party, with the days it joined and left (left_on: the
    #: first day it is no longer a party), so that a consumer counts each day right.
    parties: list[PartyMembership] = []
    invited_ids: list[uuid.UUID]
    status: Literal["initiative", "pending", "in_force", "expired", "terminated", "superseded"]
    #: The code of the partnership's programme (the directory's programme catalogue), if any.
    programme: str | None = None
    version: int


class EvaluationPayload(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "id": "8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d",
                    "partnership_id": "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901",
                    "institution_id": _INSTITUTION,
                    "period": "2026-H1",
                    "score": 4,
                    "problem_areas": ["information_flow", "staffing"],
                    "submitted_at": "2026-07-03T09:15:00+00:00",
                }
            ]
        }
    )

    id: uuid.UUID
    partnership_id: uuid.UUID
    #: The party that evaluated the partnership (its own self-assessment).
    institution_id: uuid.UUID
    #: YYYY, YYYY-Hn, YYYY-Qn or YYYY-MM.
    period: str
    score: int
    #: Codes of the problem areas of cooperation it names (the shared catalogue), 0..5.
    problem_areas: list[str]
    submitted_at: datetime


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
    agreement__confirmed="A party confirmed an agreement (``confirmed_on`` is set once every party has).",
    agreement__terminated="A party terminated an agreement (not in force from ``ended_on``).",
    agreement__superseded="An amendment came in force and replaces the agreement from ``ended_on``.",
)
declare(
    SERVICE,
    "partnership",
    PartnershipPayload,
    partnership__created="An institution proposed a partnership and invited others.",
    partnership__updated="A partnership's area, leader or coordinator changed, or an institution was invited.",
    partnership__invitation_answered="An invited institution joined a partnership or declined.",
    partnership__party_left="A party left a partnership (or will on a given day).",
)
declare(
    SERVICE,
    "evaluation",
    EvaluationPayload,
    evaluation__submitted="A party evaluated a partnership for a period (score and problem areas named; no texts).",
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
