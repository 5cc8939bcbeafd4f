"""Casework demo data: diagnoses and plans of every type for some of the demo persons, with goals
met and not met, actions delivered by another institution than the plan's owner, reviews due
(some overdue), lead workers and a few case conferences. Deterministic; written directly with
the events the API would emit. Called by :func:`splot.clients.demo.seed` on its first run."""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncSession

from splot.clients.casework import events
from splot.clients.casework.models import (
    CaseConference,
    Diagnosis,
    DiagnosisArea,
    DiagnosisContributor,
    LeadWorker,
    Plan,
    PlanAction,
    PlanGoal,
    PlanParty,
    PlanReview,
)

if TYPE_CHECKING:
    from splot.clients.demo import DemoInstitutionRef, DemoPerson

SEED = 20261205
SUBJECT = "demo-seed"
PLANS_PER_TYPE = 6
START = date(2026, 6, 1)

#: Plan type by the owner's institution type (a PUP client also registered by an OPS: joint plan).
_TYPE_OF = {
    "PUP": "pup_individual_action_plan",
    "OPS": "ops_social_contract",
    "CUS": "ops_social_contract",
    "CIS": "cis_kis_individual_programme",
    "KIS": "cis_kis_individual_programme",
    "NGO": "ngo_support_plan",
}
#: Goals by plan type: (area, description, service type of its action).
_GOALS = {
    "pup_individual_action_plan": [
        ("unemployment", "Podjęcie zatrudnienia", "job_placement"),
        ("low_qualifications", "Uzupełnienie kwalifikacji", "training"),
    ],
    "ops_social_contract": [
        ("poverty", "Usamodzielnienie ekonomiczne", "social_work"),
        ("care_upbringing_helplessness", "Poprawa funkcjonowania rodziny", "family_assistant"),
    ],
    "cis_kis_individual_programme": [
        ("unemployment", "Reintegracja zawodowa", "cis"),
        ("addiction", "Utrzymanie abstynencji", "addiction_therapy"),
    ],
    "ngo_support_plan": [
        ("homelessness", "Stabilne mieszkanie", "housing_support"),
        ("debt", "Plan spłaty zadłużenia", "psychological_counselling"),
    ],
    "joint_plan": [
        ("unemployment", "Zatrudnienie na otwartym rynku", "vocational_counselling"),
        ("housing", "Rozwiązanie problemu mieszkaniowego", "social_work"),
        ("long_term_illness", "Stabilizacja stanu zdrowia", "care_services"),
    ],
}
#: How a goal ends: final statuses of its actions and the assessment (None: still open).
_OUTCOMES = [
    (("done", "done"), "achieved"),
    (("done", "not_done"), "partly_achieved"),
    (("not_done",), "not_achieved"),
    (("in_progress", "planned"), None),
    (("cancelled",), "abandoned"),
    (("done",), None),
]


@dataclass(frozen=True)
class DemoPlanAction:
    """An open action of a demo plan, for the referrals demo to serve with a referral (the registry
    takes a referral for it from the action's owner, the plan's owner or a party)."""

    id: uuid.UUID
    person_id: uuid.UUID
    #: Who may refer for it: the action's owner, the plan's owner and parties.
    institution_ids: tuple[uuid.UUID, ...]
    service_type_code: str | None


#: Action statuses a referral may still serve.
_OPEN = ("planned", "in_progress")


@dataclass(frozen=True)
class _Pick:
    person: DemoPerson
    plan_type: str
    owner: uuid.UUID
    parties: tuple[uuid.UUID, ...]


def _at(day: date) -> datetime:
    return datetime.combine(day, time(9, 0), tzinfo=UTC)


def _picks(persons: list[DemoPerson], types: dict[uuid.UUID, str]) -> list[_Pick]:
    picks: list[_Pick] = []
    count: dict[str, int] = {}
    for person in persons:
        plan_type = _TYPE_OF.get(types.get(person.institution_id, ""), "")
        owner = person.institution_id
        parties: tuple[uuid.UUID, ...] = ()
        if person.also_registered_by and types.get(person.institution_id) == "PUP":
            plan_type, owner, parties = "joint_plan", person.also_registered_by[0], (person.institution_id,)
        if not plan_type or count.get(plan_type, 0) >= PLANS_PER_TYPE:
            continue
        count[plan_type] = count.get(plan_type, 0) + 1
        picks.append(_Pick(person, plan_type, owner, parties))
    return picks


async def _diagnosis(session: AsyncSession, pick: _Pick, day: date, areas: list[str]) -> Diagnosis:
    joint = bool(pick.parties)
    diagnosis = Diagnosis(
        person_id=pick.person.id,
        owner_institution_id=pick.owner,
        author_sub=SUBJECT,
        diagnosed_on=day,
        joint=joint,
        strengths="Motywacja do zmiany, wsparcie rodziny",
        person_view="Chce pracować blisko domu",
        conclusion="Wskazany plan z celami poniżej",
        status="signed",
        signed_at=_at(day + timedelta(days=3)),
        created_at=_at(day),
    )
    session.add(diagnosis)
    await session.flush()
    contributors = [
        DiagnosisContributor(
            diagnosis_id=diagnosis.id, institution_id=i, signed_at=diagnosis.signed_at, signed_by=SUBJECT
        )
        for i in (pick.owner, *pick.parties)
    ]
    rows = [
        DiagnosisArea(
            diagnosis_id=diagnosis.id,
            institution_id=pick.owner,
            area_code=a,
            note=None,
            sensitive=a in {"addiction", "long_term_illness"},
        )
        for a in areas
    ]
    session.add_all([*contributors, *rows])
    await session.flush()
    await events.diagnosis_event(
        session, "diagnosis.signed", diagnosis, areas=rows, contributors=contributors
    )
    return diagnosis


async def _goal(
    session: AsyncSession,
    plan: Plan,
    goal_spec: tuple[str, str, str],
    outcome: tuple[tuple[str, ...], str | None],
    deliverer: uuid.UUID,
    day: date,
) -> list[PlanAction]:
    area, description, service_type = goal_spec
    statuses, assessment = outcome
    goal = PlanGoal(
        plan_id=plan.id,
        area_code=area,
        description=description,
        sensitive=area in {"addiction", "long_term_illness"},
        status="assessed" if assessment else "open",
        assessment=assessment,
        assessment_reason="Osoba zrezygnowała z udziału" if assessment == "abandoned" else None,
        assessed_at=_at(day + timedelta(days=120)) if assessment else None,
        created_at=_at(day),
    )
    session.add(goal)
    await session.flush()
    await events.goal_event(session, "plan.goal_added", plan, goal)
    actions: list[PlanAction] = []
    for n, status in enumerate(statuses):
        action = PlanAction(
            plan_id=plan.id,
            goal_id=goal.id,
            owner_institution_id=deliverer if n == 0 else plan.owner_institution_id,
            description=f"{description}: działanie {n + 1}",
            service_type_code=service_type,
            due_date=day + timedelta(days=60 + 30 * n),
            status=status,
            result="Nie zgłosił się" if status == "not_done" else None,
            created_at=_at(day + timedelta(days=n + 1)),
        )
        session.add(action)
        await session.flush()
        await events.action_event(session, "plan.action_added", plan, action)
        actions.append(action)
    if assessment:
        await events.goal_event(session, "plan.goal_assessed", plan, goal)
    return actions


async def _plan(
    session: AsyncSession, pick: _Pick, n: int, rng: random.Random
) -> tuple[Plan, list[DemoPlanAction]]:
    day = START + timedelta(days=7 * n + rng.randrange(5))
    specs = _GOALS[pick.plan_type]
    diagnosis = await _diagnosis(session, pick, day - timedelta(days=10), [s[0] for s in specs])
    plan = Plan(
        person_id=pick.person.id,
        plan_type_code=pick.plan_type,
        owner_institution_id=pick.owner,
        created_by=SUBJECT,
        diagnosis_id=diagnosis.id,
        starts_on=day,
        status="active",
        agreement_date=day,
        agreement_method=rng.choice(("signed_paper", "signed_paper", "electronic", "oral_recorded")),
        # Every third plan's review is overdue (as of the demo's dates); the rest are due soon.
        next_review_due=day + timedelta(days=90 if n % 3 else 30),
        # Every other joint plan belongs to the PUP–OPS "Aktywizacja i Integracja" programme.
        programme="PAI" if pick.parties and n % 2 == 0 else None,
        created_at=_at(day),
    )
    session.add(plan)
    await session.flush()
    session.add_all([PlanParty(plan_id=plan.id, institution_id=p) for p in pick.parties])
    await events.plan_event(session, "plan.created", plan, list(pick.parties))
    deliverer = pick.parties[0] if pick.parties else pick.owner
    open_actions: list[DemoPlanAction] = []
    for g, spec in enumerate(specs):
        actions = await _goal(session, plan, spec, _OUTCOMES[(n + g) % len(_OUTCOMES)], deliverer, day)
        open_actions.extend(
            DemoPlanAction(
                id=a.id,
                person_id=pick.person.id,
                institution_ids=tuple(dict.fromkeys((a.owner_institution_id, pick.owner, *pick.parties))),
                service_type_code=a.service_type_code,
            )
            for a in actions
            if a.status in _OPEN
        )
    if n % 2:
        session.add(
            PlanReview(
                plan_id=plan.id,
                reviewed_on=day + timedelta(days=45),
                note="Przegląd: postępy zgodne z planem",
                institution_id=plan.owner_institution_id,
                reviewed_by=SUBJECT,
                created_at=_at(day + timedelta(days=45)),
            )
        )
    return plan, open_actions


async def _coordination(session: AsyncSession, pick: _Pick, plan: Plan) -> None:
    worker = LeadWorker(
        person_id=pick.person.id,
        institution_id=pick.owner,
        user_sub=f"{SUBJECT}-lead",
        display_name="Koordynator przypadku (demo)",
        assigned_at=_at(plan.starts_on),
        assigned_by=SUBJECT,
    )
    session.add(worker)
    await session.flush()
    await events.lead_worker_event(session, worker, None)
    if not pick.parties:
        return
    conference = CaseConference(
        person_id=pick.person.id,
        organiser_institution_id=pick.owner,
        held_on=plan.starts_on - timedelta(days=2),
        person_present=True,
        participants=[{"institution_id": str(i), "staff": []} for i in (pick.owner, *pick.parties)],
        decisions="Uzgodniono wspólny plan i podział działań",
        recorded_by=SUBJECT,
        created_at=_at(plan.starts_on - timedelta(days=2)),
    )
    session.add(conference)
    await session.flush()
    await events.conference_event(session, conference)


async def seed_casework(
    session: AsyncSession, *, persons: list[DemoPerson], institutions: list[DemoInstitutionRef]
) -> list[DemoPlanAction]:
    """Plans (with their diagnoses) for up to ``PLANS_PER_TYPE`` persons per plan type; returns
    their open actions (for the referrals demo to link its referral chains to)."""
    types = {i.id: i.type for i in institutions}
    rng = random.Random(SEED)  # noqa: S311 - deterministic demo data, not a secret
    picks = _picks(persons, types)
    open_actions: list[DemoPlanAction] = []
    for n, pick in enumerate(picks):
        plan, actions = await _plan(session, pick, n, rng)
        open_actions.extend(actions)
        if pick.plan_type == "joint_plan" or n % 4 == 0:
            await _coordination(session, pick, plan)
    await session.flush()
    return open_actions
