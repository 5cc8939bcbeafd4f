"""Event payloads of casework (published with the registry's other events). Like every feed of the
registry they carry no direct identifier: ids, codes, dates, statuses and institution ids only —
no notes, descriptions, sections, decisions or staff names."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any, Literal

from pydantic import ConfigDict
from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.casework.models import (
    CaseConference,
    Diagnosis,
    DiagnosisArea,
    DiagnosisContributor,
    LeadWorker,
    Plan,
    PlanAction,
    PlanGoal,
)
from splot.clients.events import SERVICE
from splot.common.events import EventPayload, declare, emit

_PERSON = "0b6f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f"
_OPS = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
_PUP = "3d4e5f60-7182-4394-a5b6-c7d8e9f0a1b2"
_PLAN = "2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901"
_GOAL = "4d5e6f70-8192-43a4-b5c6-d7e8f9012345"


def _examples(example: dict[str, Any]) -> ConfigDict:
    return ConfigDict(json_schema_extra={"examples": [example]})


class DiagnosisPayload(EventPayload):
    model_config = _examples(
        {
            "diagnosis_id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
            "person_id": _PERSON,
            "owner_institution_id": _OPS,
            "diagnosed_on": "2026-11-02",
            "joint": True,
            "status": "signed",
            "area_codes": ["unemployment", "housing"],
            "contributor_institution_ids": [_OPS, _PUP],
            "signed_institution_ids": [_OPS, _PUP],
            "signed_at": "2026-11-05T10:00:00+00:00",
        }
    )

    diagnosis_id: uuid.UUID
    person_id: uuid.UUID
    owner_institution_id: uuid.UUID
    diagnosed_on: date
    joint: bool
    status: Literal["draft", "signed"]
    #: The problem areas found (codes of the catalogue), by every contributor.
    area_codes: list[str]
    contributor_institution_ids: list[uuid.UUID]
    signed_institution_ids: list[uuid.UUID]
    signed_at: datetime | None


_PLAN_EXAMPLE: dict[str, Any] = {
    "plan_id": _PLAN,
    "person_id": _PERSON,
    "plan_type_code": "joint_plan",
    "owner_institution_id": _OPS,
    "party_institution_ids": [_PUP],
    "diagnosis_id": "1f2e3d4c-5b6a-4978-8695-a4b3c2d1e0f9",
    "starts_on": "2026-11-06",
    "status": "active",
    "agreement_date": "2026-11-06",
    "agreement_method": "signed_paper",
    "next_review_due": "2027-02-06",
    "programme": "PAI",
}


class PlanPayload(EventPayload):
    model_config = _examples(_PLAN_EXAMPLE)

    plan_id: uuid.UUID
    person_id: uuid.UUID
    plan_type_code: str
    owner_institution_id: uuid.UUID
    party_institution_ids: list[uuid.UUID]
    diagnosis_id: uuid.UUID | None
    starts_on: date
    status: Literal["active", "closed"]
    agreement_date: date | None
    agreement_method: Literal["signed_paper", "oral_recorded", "electronic"] | None
    next_review_due: date | None
    #: A code of the directory's programme catalogue, if the plan belongs to a programme.
    programme: str | None = None


class PlanReviewedPayload(PlanPayload):
    model_config = _examples({**_PLAN_EXAMPLE, "reviewed_on": "2027-02-04", "review_was_due": "2027-02-06"})

    reviewed_on: date
    #: The review date that was due before this review (null: none was set).
    review_was_due: date | None


class GoalPayload(EventPayload):
    model_config = _examples(
        {
            "plan_id": _PLAN,
            "goal_id": _GOAL,
            "person_id": _PERSON,
            "plan_type_code": "joint_plan",
            "owner_institution_id": _OPS,
            "area_code": "unemployment",
            "status": "assessed",
            "assessment": "achieved",
            "assessed_at": "2027-02-04T10:00:00+00:00",
        }
    )

    plan_id: uuid.UUID
    goal_id: uuid.UUID
    person_id: uuid.UUID
    plan_type_code: str
    owner_institution_id: uuid.UUID
    area_code: str
    status: Literal["open", "assessed"]
    assessment: Literal["achieved", "partly_achieved", "not_achieved", "abandoned"] | None
    assessed_at: datetime | None


class ActionPayload(EventPayload):
    model_config = _examples(
        {
            "plan_id": _PLAN,
            "action_id": "5e6f7081-92a3-44b5-86c7-d8e9f0123456",
            "goal_id": _GOAL,
            "person_id": _PERSON,
            "plan_owner_institution_id": _OPS,
            "owner_institution_id": _PUP,
            "service_type_code": "vocational_counselling",
            "due_date": "2026-12-15",
            "status": "done",
            "referral_id": "6e5d4c3b-2a19-4807-b6a5-f4e3d2c1b0a9",
            "referral_status": "completed",
            "referral_receiver_institution_id": "7f6e5d4c-3b2a-4190-8a7b-6c5d4e3f2a1b",
            "proposed_result": "done",
            "conference_id": None,
            "created_at": "2026-11-06T09:00:00+00:00",
        }
    )

    plan_id: uuid.UUID
    action_id: uuid.UUID
    goal_id: uuid.UUID
    person_id: uuid.UUID
    plan_owner_institution_id: uuid.UUID
    #: The institution delivering the action (may differ from the plan's owner).
    owner_institution_id: uuid.UUID
    service_type_code: str | None
    due_date: date | None
    status: Literal["planned", "in_progress", "done", "not_done", "cancelled"]
    referral_id: uuid.UUID | None
    referral_status: str | None
    #: The institution the linked referral went to (it delivers the action through the referral).
    referral_receiver_institution_id: uuid.UUID | None = None
    proposed_result: Literal["done", "not_done"] | None
    conference_id: uuid.UUID | None
    created_at: datetime


class LeadWorkerPayload(EventPayload):
    model_config = _examples(
        {
            "person_id": _PERSON,
            "institution_id": _OPS,
            "previous_institution_id": _PUP,
            "assigned_at": "2026-11-06T09:00:00+00:00",
        }
    )

    person_id: uuid.UUID
    #: The lead worker's institution (the staff member is not named in the feed).
    institution_id: uuid.UUID
    previous_institution_id: uuid.UUID | None
    assigned_at: datetime


class CaseConferencePayload(EventPayload):
    model_config = _examples(
        {
            "conference_id": "8091a2b3-c4d5-46e7-98f9-0a1b2c3d4e5f",
            "person_id": _PERSON,
            "organiser_institution_id": _OPS,
            "held_on": "2026-11-04",
            "person_present": True,
            "participant_institution_ids": [_OPS, _PUP],
        }
    )

    conference_id: uuid.UUID
    person_id: uuid.UUID
    organiser_institution_id: uuid.UUID
    held_on: date
    person_present: bool
    participant_institution_ids: list[uuid.UUID]


declare(
    SERVICE,
    "diagnosis",
    DiagnosisPayload,
    diagnosis__created="An institution started a diagnosis of a person's situation.",
    diagnosis__updated="A diagnosis changed (its areas, contributors or a contributor's sign-off).",
    diagnosis__signed="Every contributor signed a diagnosis off: it is final.",
)
declare(
    SERVICE,
    "plan",
    PlanPayload,
    plan__created="An individual plan was drawn up for a person.",
    plan__updated="A plan's agreement, review date, parties or status changed.",
)
declare(SERVICE, "plan", PlanReviewedPayload, plan__reviewed="A plan was reviewed.")
declare(
    SERVICE,
    "plan",
    GoalPayload,
    plan__goal_added="A goal was added to a plan.",
    plan__goal_assessed="A plan's goal was assessed (its final assessment).",
    plan__goal_reopened="An assessed goal was opened again.",
)
declare(
    SERVICE,
    "plan",
    ActionPayload,
    plan__action_added="An action was added to a plan.",
    plan__action_changed="A plan action's status, due date or linked referral changed.",
)
declare(
    SERVICE,
    "lead_worker",
    LeadWorkerPayload,
    lead_worker__assigned="A person's lead worker was assigned or reassigned.",
)
declare(
    SERVICE,
    "case_conference",
    CaseConferencePayload,
    case_conference__recorded="A case conference about a person was recorded.",
)


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value else None


def _ids(values: list[uuid.UUID]) -> list[str]:
    return [str(v) for v in values]


async def diagnosis_event(
    session: AsyncSession,
    event_type: str,
    diagnosis: Diagnosis,
    *,
    areas: list[DiagnosisArea],
    contributors: list[DiagnosisContributor],
) -> None:
    payload = {
        "diagnosis_id": str(diagnosis.id),
        "person_id": str(diagnosis.person_id),
        "owner_institution_id": str(diagnosis.owner_institution_id),
        "diagnosed_on": _iso(diagnosis.diagnosed_on),
        "joint": diagnosis.joint,
        "status": diagnosis.status,
        "area_codes": sorted({a.area_code for a in areas}),
        "contributor_institution_ids": _ids([c.institution_id for c in contributors]),
        "signed_institution_ids": _ids([c.institution_id for c in contributors if c.signed_at]),
        "signed_at": _iso(diagnosis.signed_at),
    }
    await emit(session, event_type, aggregate_type="diagnosis", aggregate_id=diagnosis.id, payload=payload)


def plan_payload(plan: Plan, parties: list[uuid.UUID]) -> dict[str, Any]:
    return {
        "plan_id": str(plan.id),
        "person_id": str(plan.person_id),
        "plan_type_code": plan.plan_type_code,
        "owner_institution_id": str(plan.owner_institution_id),
        "party_institution_ids": _ids(parties),
        "diagnosis_id": str(plan.diagnosis_id) if plan.diagnosis_id else None,
        "starts_on": _iso(plan.starts_on),
        "status": plan.status,
        "agreement_date": _iso(plan.agreement_date),
        "agreement_method": plan.agreement_method,
        "next_review_due": _iso(plan.next_review_due),
        "programme": plan.programme,
    }


async def plan_event(
    session: AsyncSession, event_type: str, plan: Plan, parties: list[uuid.UUID], **extra: Any
) -> None:
    payload = {**plan_payload(plan, parties), **extra}
    await emit(session, event_type, aggregate_type="plan", aggregate_id=plan.id, payload=payload)


async def goal_event(session: AsyncSession, event_type: str, plan: Plan, goal: PlanGoal) -> None:
    payload = {
        "plan_id": str(plan.id),
        "goal_id": str(goal.id),
        "person_id": str(plan.person_id),
        "plan_type_code": plan.plan_type_code,
        "owner_institution_id": str(plan.owner_institution_id),
        "area_code": goal.area_code,
        "status": goal.status,
        "assessment": goal.assessment,
        "assessed_at": _iso(goal.assessed_at),
    }
    await emit(session, event_type, aggregate_type="plan", aggregate_id=plan.id, payload=payload)


async def action_event(session: AsyncSession, event_type: str, plan: Plan, action: PlanAction) -> None:
    payload = {
        "plan_id": str(plan.id),
        "action_id": str(action.id),
        "goal_id": str(action.goal_id),
        "person_id": str(plan.person_id),
        "plan_owner_institution_id": str(plan.owner_institution_id),
        "owner_institution_id": str(action.owner_institution_id),
        "service_type_code": action.service_type_code,
        "due_date": _iso(action.due_date),
        "status": action.status,
        "referral_id": str(action.referral_id) if action.referral_id else None,
        "referral_status": action.referral_status,
        "referral_receiver_institution_id": (
            str(action.referral_receiver_institution_id) if action.referral_receiver_institution_id else None
        ),
        "proposed_result": action.proposed_result,
        "conference_id": str(action.conference_id) if action.conference_id else None,
        "created_at": _iso(action.created_at),
    }
    await emit(session, event_type, aggregate_type="plan", aggregate_id=plan.id, payload=payload)


async def lead_worker_event(session: AsyncSession, worker: LeadWorker, previous: uuid.UUID | None) -> None:
    payload = {
        "person_id": str(worker.person_id),
        "institution_id": str(worker.institution_id),
        "previous_institution_id": str(previous) if previous else None,
        "assigned_at": _iso(worker.assigned_at),
    }
    await emit(
        session,
        "lead_worker.assigned",
        aggregate_type="lead_worker",
        aggregate_id=worker.person_id,
        payload=payload,
    )


async def conference_event(session: AsyncSession, conference: CaseConference) -> None:
    payload = {
        "conference_id": str(conference.id),
        "person_id": str(conference.person_id),
        "organiser_institution_id": str(conference.organiser_institution_id),
        "held_on": _iso(conference.held_on),
        "person_present": conference.person_present,
        "participant_institution_ids": [p["institution_id"] for p in conference.participants],
    }
    await emit(
        session,
        "case_conference.recorded",
        aggregate_type="case_conference",
        aggregate_id=conference.id,
        payload=payload,
    )
