"""One person's joint casework, played from the referrals they had: a diagnosis shared by the
institutions serving them, one individual plan (mostly a joint plan of those institutions) with
goals from the problem areas their services address, 3–8 actions owned by those institutions —
some served by the person's own later referrals — reviews, assessments, a closing for some, a
lead worker and, for some joint plans, a case conference. Rows as the registry stores them and
the events it would emit (``splot.clients.casework.events``), in the order they happened."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from splot.clients.casework import workflow
from splot.embedded.national.institutions import new_uuid
from splot.embedded.national.lifecycle import GENERATOR, WARSAW

#: The problem area each service type addresses (others: poverty).
SERVICE_AREA = {
    "job_placement": "unemployment", "vocational_counselling": "unemployment", "training": "low_qualifications",
    "traineeship": "no_work_experience", "intervention_work": "unemployment", "public_works": "unemployment",
    "startup_grant": "unemployment", "socially_useful_work": "unemployment", "pai_programme": "unemployment",
    "social_work": "poverty", "social_contract": "poverty", "family_assistant": "care_upbringing_helplessness",
    "family_counselling": "care_upbringing_helplessness", "crisis_intervention": "crisis_situation",
    "legal_counselling": "debt", "psychological_counselling": "crisis_situation",
    "care_services": "long_term_illness", "kis": "unemployment", "cis": "unemployment",
    "supported_employment": "disability", "social_cooperative": "unemployment", "debt_counselling": "debt",
    "addiction_therapy": "addiction", "mental_health_support": "health_limitations",
    "housing_support": "housing", "childcare": "care_duties",
}  # fmt: skip
GOAL_TEXT = {
    "unemployment": "Podjęcie zatrudnienia", "low_qualifications": "Uzupełnienie kwalifikacji",
    "no_work_experience": "Zdobycie doświadczenia zawodowego", "poverty": "Usamodzielnienie ekonomiczne",
    "care_upbringing_helplessness": "Poprawa funkcjonowania rodziny", "crisis_situation": "Wyjście z kryzysu",
    "debt": "Plan spłaty zadłużenia", "long_term_illness": "Stabilizacja stanu zdrowia",
    "disability": "Zatrudnienie wspomagane", "addiction": "Utrzymanie abstynencji",
    "health_limitations": "Wsparcie zdrowia psychicznego", "housing": "Rozwiązanie problemu mieszkaniowego",
    "care_duties": "Zapewnienie opieki nad dziećmi",
}  # fmt: skip
#: Services an institution of a type delivers itself when the directory lists no offer of it.
OWN_SERVICES = {
    "PUP": ("job_placement", "vocational_counselling", "training"),
    "OPS": ("social_work", "family_assistant"),
    "CUS": ("social_work", "family_assistant"),
    "NGO": ("debt_counselling",),
    "CIS": ("cis",),
    "KIS": ("kis",),
}
#: The individual (one-institution) plan type of each owner type.
INDIVIDUAL = {
    "PUP": "pup_individual_action_plan", "OPS": "ops_social_contract", "CUS": "ops_social_contract",
    "CIS": "cis_kis_individual_programme", "KIS": "cis_kis_individual_programme", "NGO": "ngo_support_plan",
}  # fmt: skip
JOINT = "joint_plan"
#: A referral's status and the status of the action it serves.
SERVING = {"accepted": "in_progress", "in_progress": "in_progress", "on_hold": "in_progress"}
METHODS = ("signed_paper", "signed_paper", "signed_paper", "electronic", "oral_recorded")
REVIEW_DAYS = 90


@dataclass(frozen=True, slots=True)
class Ref:
    """A referral of the person, as read from the referrals database."""

    id: uuid.UUID
    sender: uuid.UUID
    target: uuid.UUID
    service_type: str | None
    status: str
    outcome: str | None
    version: int
    created_at: datetime
    sent_at: datetime
    responded_at: datetime | None
    accepted_at: datetime | None
    ended_at: datetime | None


@dataclass(frozen=True)
class Setting:
    """What every person's casework is played against."""

    types: dict[uuid.UUID, str]  # institution id -> type
    offers: dict[uuid.UUID, tuple[str, ...]]  # institution id -> service types it offers
    areas: dict[str, bool]  # problem-area catalogue: code -> sensitive
    plan_types: dict[str, frozenset[str]]  # plan-type catalogue: code -> owner institution types
    programmes: frozenset[str]
    now: datetime


@dataclass
class Casework:
    """Rows per table, the events (occurred at, order, outbox row with its payload) and the
    referrals that serve actions (referral id, action id)."""

    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    events: list[tuple[datetime, int, dict[str, Any]]] = field(default_factory=list)
    links: list[tuple[uuid.UUID, uuid.UUID]] = field(default_factory=list)

    def add(self, table: str, row: dict[str, Any]) -> dict[str, Any]:
        self.rows.setdefault(table, []).append(row)
        return row

    def emit(
        self, rng: random.Random, kind: str, aggregate: str, aggregate_id: uuid.UUID, at: datetime,
        payload: dict[str, Any],
    ) -> None:  # fmt: skip
        row = {
            "id": new_uuid(rng), "type": kind, "aggregate_type": aggregate, "aggregate_id": str(aggregate_id),
            "occurred_at": at, "payload": payload,
        }  # fmt: skip
        self.events.append((at, len(self.events), row))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=WARSAW).astimezone(UTC)


def _day(moment: datetime) -> date:
    return moment.astimezone(WARSAW).date()


def _iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _s(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


@dataclass
class _Action:
    owner: uuid.UUID
    service_type: str
    area: str
    ref: Ref | None
    row: dict[str, Any] = field(default_factory=dict)
    finished_at: datetime | None = None


def play(rng: random.Random, setting: Setting, person_id: uuid.UUID, refs: list[Ref], out: Casework) -> None:
    """The person's diagnosis, plan and coordination from their referrals (sent, oldest first)."""
    now = setting.now
    serving = list(dict.fromkeys(i for r in refs for i in (r.sender, r.target)))
    social = [i for i in serving if setting.types.get(i) in ("OPS", "CUS")]
    pup = [i for i in serving if setting.types.get(i) == "PUP"]
    if social and (rng.random() < 0.75 or not pup):
        owner = social[0]
    elif pup:
        owner = pup[0]
    else:
        owner = refs[0].sender
    owner_type = setting.types.get(owner, "OPS")
    individual = INDIVIDUAL.get(owner_type)
    joint = JOINT in setting.plan_types and (
        rng.random() < 0.8 or individual is None or owner_type not in setting.plan_types.get(individual, ())
    )
    plan_type = JOINT if joint else str(individual)
    parties = [i for i in serving if i != owner] if joint else []
    anchor = refs[rng.randrange(len(refs))]
    starts_on = min(_day(anchor.sent_at) - timedelta(days=rng.randint(0, 20)), _day(now) - timedelta(days=3))
    plan_created = _at(starts_on, rng.randint(8, 15), rng.randint(0, 59))
    plan_id = new_uuid(rng)

    # What the plan will do: actions served by the person's later referrals, then the owners' own.
    wanted = rng.randint(3, 8)
    actions: list[_Action] = []
    for r in refs:
        if len(actions) >= wanted - 1:
            break
        sender_may = joint or r.sender == owner
        if (
            r.sent_at > plan_created + timedelta(hours=1)
            and r.service_type
            and sender_may
            and rng.random() < 0.7
        ):
            area = _area(setting, r.service_type)
            actions.append(_Action(r.sender, r.service_type, area, r))
    members = [owner, *parties]
    while len(actions) < wanted:
        who = owner if rng.random() < 0.5 else rng.choice(members)
        services = setting.offers.get(who) or OWN_SERVICES.get(setting.types.get(who, ""), ("social_work",))
        service_type = rng.choice(services)
        actions.append(_Action(who, service_type, _area(setting, service_type), None))
    goal_areas = list(dict.fromkeys(a.area for a in actions))[:3]
    for a in actions:
        if a.area not in goal_areas:
            a.area = rng.choice(goal_areas)

    diagnosis_id = _diagnosis(rng, setting, out, person_id, owner, parties, goal_areas, actions, plan_created)
    version = 1
    plan = out.add("plan", {
        "id": plan_id, "person_id": person_id, "plan_type_code": plan_type, "owner_institution_id": owner,
        "created_by": GENERATOR, "diagnosis_id": diagnosis_id, "starts_on": starts_on, "status": "active",
        "agreement_date": starts_on, "agreement_method": rng.choice(METHODS),
        "next_review_due": starts_on + timedelta(days=REVIEW_DAYS),
        "programme": "PAI" if joint and pup and social and "PAI" in setting.programmes and rng.random() < 0.4
        else None,
        "version": 1, "created_at": plan_created, "updated_at": plan_created,
    })  # fmt: skip
    for party in parties:
        out.add("plan_party", {"id": new_uuid(rng), "plan_id": plan_id, "institution_id": party})
    out.emit(rng, "plan.created", "plan", plan_id, plan_created, _plan_payload(plan, parties))
    conference = _coordination(rng, out, person_id, owner, parties, plan_created)

    goals: dict[str, dict[str, Any]] = {}
    for area in goal_areas:
        goal = out.add("plan_goal", {
            "id": new_uuid(rng), "plan_id": plan_id, "area_code": area,
            "description": GOAL_TEXT.get(area, "Poprawa sytuacji życiowej"), "sensitive": setting.areas[area],
            "status": "open", "assessment": None, "assessment_reason": None, "assessed_at": None,
            "created_at": plan_created,
        })  # fmt: skip
        goals[area] = goal
        out.emit(rng, "plan.goal_added", "plan", plan_id, plan_created, _goal_payload(plan, goal))
        version += 1
    last_change = plan_created
    for n, a in enumerate(actions):
        version += _action(rng, out, now, plan, goals[a.area], a, n, conference)
        last_change = max(last_change, a.finished_at or a.row["created_at"])

    closing: datetime | None = None
    assessed: list[datetime] = []
    for area, goal in goals.items():
        own = [a for a in actions if a.area == area]
        statuses = [a.row["status"] for a in own]
        if any(s not in workflow.ACTION_FINISHED for s in statuses) or rng.random() < 0.1:
            continue
        proposal = workflow.proposed_assessment(statuses)
        moment = max(a.finished_at or a.row["created_at"] for a in own) + timedelta(
            hours=rng.uniform(24, 480)
        )
        if moment >= now:
            continue
        goal.update(status="assessed", assessed_at=moment,
                    assessment=proposal.value if proposal else workflow.Assessment.abandoned.value,
                    assessment_reason=None if proposal else "Osoba zrezygnowała z udziału")  # fmt: skip
        out.emit(rng, "plan.goal_assessed", "plan", plan_id, moment, _goal_payload(plan, goal))
        version += 1
        assessed.append(moment)
    if len(assessed) == len(goals) and rng.random() < 0.8:
        moment = max(assessed) + timedelta(hours=rng.uniform(72, 960))
        closing = moment if moment < now else None

    # Reviews every quarter while the plan runs; a review skipped leaves the plan overdue.
    end = closing or now
    while rng.random() < 0.85:
        due = plan["next_review_due"]
        reviewed_on = due + timedelta(days=rng.randint(-14, 10))  # six in ten on time
        moment = _at(reviewed_on, 12, rng.randint(0, 59))
        if moment >= end or moment <= plan_created:
            break
        out.add("plan_review", {
            "id": new_uuid(rng), "plan_id": plan_id, "reviewed_on": reviewed_on,
            "note": "Przegląd planu: postępy zgodne z ustaleniami", "institution_id": owner,
            "reviewed_by": GENERATOR, "created_at": moment,
        })  # fmt: skip
        plan["next_review_due"] = reviewed_on + timedelta(days=REVIEW_DAYS)
        payload = {**_plan_payload(plan, parties), "reviewed_on": reviewed_on.isoformat(),
                   "review_was_due": due.isoformat()}  # fmt: skip
        out.emit(rng, "plan.reviewed", "plan", plan_id, moment, payload)
        version += 1
        last_change = max(last_change, moment)
    if closing is not None:
        plan["status"] = "closed"
        out.emit(rng, "plan.updated", "plan", plan_id, closing, _plan_payload(plan, parties))
        version += 1
        last_change = max(last_change, closing)
    plan.update(version=version, updated_at=last_change)


def _area(setting: Setting, service_type: str) -> str:
    area = SERVICE_AREA.get(service_type, "poverty")
    return area if area in setting.areas else next(iter(setting.areas))


def _diagnosis(
    rng: random.Random, setting: Setting, out: Casework, person_id: uuid.UUID, owner: uuid.UUID,
    parties: list[uuid.UUID], goal_areas: list[str], actions: list[_Action], plan_created: datetime,
) -> uuid.UUID | None:  # fmt: skip
    """A diagnosis before the plan (nine plans in ten have one), joint when the plan is: the owner
    and up to two parties contribute and sign; each area recorded by an institution that works on it."""
    if rng.random() < 0.1:
        return None
    diagnosis_id = new_uuid(rng)
    diagnosed_on = _day(plan_created) - timedelta(days=rng.randint(2, 25))
    created = _at(diagnosed_on, rng.randint(8, 14), rng.randint(0, 59))
    signed = min(created + timedelta(hours=rng.uniform(2, 24 * 7)), plan_created - timedelta(minutes=30))
    contributors = [owner, *parties[:2]]
    areas = list(goal_areas)
    if rng.random() < 0.4:
        areas.append(rng.choice(sorted(setting.areas)))
    areas = list(dict.fromkeys(areas))
    row = out.add("diagnosis", {
        "id": diagnosis_id, "person_id": person_id, "owner_institution_id": owner, "author_sub": GENERATOR,
        "diagnosed_on": diagnosed_on, "joint": len(contributors) > 1,
        "strengths": "Motywacja do zmiany", "person_view": "Chce poprawić swoją sytuację",
        "conclusion": "Wskazany plan działań", "status": "draft", "signed_at": None,
        "version": 1, "created_at": created, "updated_at": created,
    })  # fmt: skip
    for institution in contributors:
        out.add("diagnosis_contributor", {
            "id": new_uuid(rng), "diagnosis_id": diagnosis_id, "institution_id": institution, "invited_at": created,
            "section": None, "signed_at": signed, "signed_by": GENERATOR,
        })  # fmt: skip
    for area in areas:
        recorders = [a.owner for a in actions if a.area == area and a.owner in contributors]
        out.add("diagnosis_area", {
            "id": new_uuid(rng), "diagnosis_id": diagnosis_id, "institution_id": recorders[0] if recorders else owner,
            "area_code": area, "note": None, "sensitive": setting.areas[area],
        })  # fmt: skip
    payload = {
        "diagnosis_id": str(diagnosis_id), "person_id": str(person_id), "owner_institution_id": str(owner),
        "diagnosed_on": diagnosed_on.isoformat(), "joint": row["joint"], "status": "draft",
        "area_codes": sorted(areas), "contributor_institution_ids": [str(i) for i in contributors],
        "signed_institution_ids": [], "signed_at": None,
    }  # fmt: skip
    out.emit(rng, "diagnosis.created", "diagnosis", diagnosis_id, created, payload)
    row.update(status="signed", signed_at=signed, version=2, updated_at=signed)
    signed_payload = {**payload, "status": "signed", "signed_at": signed.isoformat(),
                      "signed_institution_ids": [str(i) for i in contributors]}  # fmt: skip
    out.emit(rng, "diagnosis.signed", "diagnosis", diagnosis_id, signed, signed_payload)
    return diagnosis_id


def _coordination(
    rng: random.Random, out: Casework, person_id: uuid.UUID, owner: uuid.UUID, parties: list[uuid.UUID],
    plan_created: datetime,
) -> dict[str, Any] | None:  # fmt: skip
    """A lead worker of the owner for most persons; a case conference before four joint plans in ten."""
    if rng.random() < 0.7:
        lead = out.add("lead_worker", {
            "id": new_uuid(rng), "person_id": person_id, "institution_id": owner, "user_sub": GENERATOR,
            "display_name": "Koordynator przypadku", "assigned_at": plan_created, "assigned_by": GENERATOR,
            "ended_at": None,
        })  # fmt: skip
        payload: dict[str, Any] = {"person_id": str(person_id), "institution_id": str(owner), "previous_institution_id": None,
                   "assigned_at": plan_created.isoformat()}  # fmt: skip
        out.emit(rng, "lead_worker.assigned", "lead_worker", person_id, lead["assigned_at"], payload)
    if not parties or rng.random() >= 0.4:
        return None
    held_on = _day(plan_created) - timedelta(days=rng.randint(0, 5))
    participants = [owner, *parties[:3]]
    conference = out.add("case_conference", {
        "id": new_uuid(rng), "person_id": person_id, "organiser_institution_id": owner, "held_on": held_on,
        "person_present": rng.random() < 0.8,
        "participants": [{"institution_id": str(i), "staff": []} for i in participants],
        "decisions": "Uzgodniono wspólny plan i podział działań", "recorded_by": GENERATOR,
        "created_at": min(_at(held_on, 15), plan_created),
    })  # fmt: skip
    payload = {
        "conference_id": str(conference["id"]), "person_id": str(person_id), "organiser_institution_id": str(owner),
        "held_on": held_on.isoformat(), "person_present": conference["person_present"],
        "participant_institution_ids": [str(i) for i in participants],
    }  # fmt: skip
    out.emit(
        rng,
        "case_conference.recorded",
        "case_conference",
        conference["id"],
        conference["created_at"],
        payload,
    )
    return conference


def _action(
    rng: random.Random, out: Casework, now: datetime, plan: dict[str, Any], goal: dict[str, Any], a: _Action,
    n: int, conference: dict[str, Any] | None,
) -> int:  # fmt: skip
    """Add the action and play it to its status; returns the changes it made to the plan."""
    created_plan = plan["created_at"]
    if a.ref is not None:
        created = max(
            created_plan + timedelta(minutes=5), a.ref.created_at - timedelta(hours=rng.uniform(1, 72))
        )
    else:
        created = created_plan + timedelta(
            minutes=5 + n, days=rng.uniform(0, 4) if n < 3 else rng.uniform(3, 60)
        )
    created = min(created, now - timedelta(minutes=1))
    due = _day(created) + timedelta(days=rng.randint(30, 120))
    row = out.add("plan_action", {
        "id": new_uuid(rng), "plan_id": plan["id"], "goal_id": goal["id"], "owner_institution_id": a.owner,
        "description": f"{goal['description']}: działanie {n + 1}", "service_type_code": a.service_type,
        "due_date": due, "status": "planned", "result": None,
        "conference_id": conference["id"] if conference is not None and n < 2 else None,
        "referral_id": None, "referral_status": None, "referral_outcome_code": None,
        "referral_receiver_institution_id": None, "referral_version": None, "proposed_result": None,
        "created_at": created, "updated_at": created,
    })  # fmt: skip
    a.row = row
    out.emit(rng, "plan.action_added", "plan", plan["id"], created, _action_payload(plan, row))
    if a.ref is not None:
        r = a.ref
        proposal = workflow.proposed_result(r.status)
        row.update(
            referral_id=r.id, referral_status=r.status, referral_outcome_code=r.outcome,
            referral_receiver_institution_id=r.target, referral_version=r.version,
            proposed_result=proposal.value if proposal else None,
        )  # fmt: skip
        out.links.append((r.id, row["id"]))
        if proposal is not None:
            status, moment = proposal.value, (r.ended_at or r.responded_at or r.sent_at)
        else:
            status, moment = SERVING.get(r.status, "planned"), (r.accepted_at or r.sent_at)
    else:
        status, moment = _own_outcome(rng, created, due, now)
    moment = min(max(moment + timedelta(hours=rng.uniform(1, 96)), created + timedelta(minutes=1)), now)
    changes = 1
    if status != "planned" or a.ref is not None:
        row.update(status=status, updated_at=moment)
        if status == "not_done":
            row["result"] = "Działanie nie zostało zrealizowane"
        elif status == "done":
            row["result"] = "Zrealizowano"
        out.emit(rng, "plan.action_changed", "plan", plan["id"], moment, _action_payload(plan, row))
        changes += 1
    if status in workflow.ACTION_FINISHED:
        a.finished_at = moment
    return changes


def _own_outcome(rng: random.Random, created: datetime, due: date, now: datetime) -> tuple[str, datetime]:
    """An action its owner delivers itself: mostly done by its due date once that has passed."""
    span = (_at(due, 12) - created).total_seconds()
    moment = created + timedelta(seconds=span * rng.uniform(0.2, 1.1))
    if _at(due, 23) < now:
        status = rng.choices(("done", "not_done", "cancelled", "in_progress"), (62, 18, 6, 14))[0]
    else:
        status = rng.choices(("planned", "in_progress", "done"), (35, 50, 15))[0]
    return status, min(moment, now)


def _plan_payload(plan: dict[str, Any], parties: list[uuid.UUID]) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "plan_id": str(plan["id"]), "person_id": str(plan["person_id"]), "plan_type_code": plan["plan_type_code"],
        "owner_institution_id": str(plan["owner_institution_id"]), "party_institution_ids": [str(p) for p in parties],
        "diagnosis_id": _s(plan["diagnosis_id"]), "starts_on": plan["starts_on"].isoformat(),
        "status": plan["status"], "agreement_date": _iso(plan["agreement_date"]),
        "agreement_method": plan["agreement_method"], "next_review_due": _iso(plan["next_review_due"]),
        "programme": plan["programme"],
    }  # fmt: skip
    return payload


def _goal_payload(plan: dict[str, Any], goal: dict[str, Any]) -> dict[str, Any]:
    return {
        "plan_id": str(plan["id"]), "goal_id": str(goal["id"]), "person_id": str(plan["person_id"]),
        "plan_type_code": plan["plan_type_code"], "owner_institution_id": str(plan["owner_institution_id"]),
        "area_code": goal["area_code"], "status": goal["status"], "assessment": goal["assessment"],
        "assessed_at": _iso(goal["assessed_at"]),
    }  # fmt: skip


def _action_payload(plan: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    return {
        "plan_id": str(plan["id"]), "action_id": str(row["id"]), "goal_id": str(row["goal_id"]),
        "person_id": str(plan["person_id"]), "plan_owner_institution_id": str(plan["owner_institution_id"]),
        "owner_institution_id": str(row["owner_institution_id"]), "service_type_code": row["service_type_code"],
        "due_date": _iso(row["due_date"]), "status": row["status"], "referral_id": _s(row["referral_id"]),
        "referral_status": row["referral_status"],
        "referral_receiver_institution_id": _s(row["referral_receiver_institution_id"]),
        "proposed_result": row["proposed_result"], "conference_id": _s(row["conference_id"]),
        "created_at": _iso(row["created_at"]),
    }  # fmt: skip
