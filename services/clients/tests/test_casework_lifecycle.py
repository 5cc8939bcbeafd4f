"""Casework through a person's life in the registry: it follows a merge into the survivor (and
back on undo), and anonymisation erases its free text while codes and dates stay."""

import uuid

from sqlalchemy import select

from splot.clients.casework.models import Diagnosis, DiagnosisArea, PlanAction, PlanGoal
from splot.clients.models import Person
from splot.clients.retention import anonymise

REASON = "same person, PESEL checked twice"


async def _plan(world, pid, headers, plan_type="pup_individual_action_plan"):
    plan = await world.client.post(
        f"/v1/persons/{pid}/plans",
        json={"plan_type_code": plan_type, "starts_on": "2026-11-06"},
        headers=headers,
    )
    assert plan.status_code == 201, plan.text
    goal = await world.client.post(
        f"/v1/plans/{plan.json()['id']}/goals",
        json={"area_code": "unemployment", "description": "Works at the bakery"},
        headers={**headers, "If-Match": plan.headers["ETag"]},
    )
    action = await world.client.post(
        f"/v1/plans/{plan.json()['id']}/actions",
        json={"goal_id": goal.json()["goals"][0]["id"], "description": "Bakery traineeship"},
        headers={**headers, "If-Match": goal.headers["ETag"]},
    )
    assert action.status_code == 200, action.text
    return plan.json()["id"]


async def test_casework_follows_a_merge_and_its_undo(world):
    pup = world.inst("PUP")
    headers, coordinator = world.headers(pup), world.headers(pup, "coordinator")
    survivor = (await world.person(pup))["id"]
    duplicate = (
        await world.person(
            pup,
            pesel=None,
            birth_date="1985-03-14",
            sex="F",
            override_reason="walk-in without documents, merge later",
        )
    )["id"]
    plan_id = await _plan(world, duplicate, headers)
    merge = await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": survivor, "merged_id": duplicate, "reason": REASON},
        headers=coordinator,
    )
    assert merge.status_code == 201, merge.text
    listed = await world.client.get(f"/v1/persons/{survivor}/plans", headers=headers)
    assert [p["id"] for p in listed.json()["items"]] == [plan_id]
    assert (await world.client.get(f"/v1/plans/{plan_id}", headers=headers)).json()["person_id"] == survivor
    undone = await world.client.post(
        f"/v1/persons/merges/{merge.json()['merge']['id']}/undo", json={"reason": REASON}, headers=coordinator
    )
    assert undone.status_code == 200, undone.text
    assert (await world.client.get(f"/v1/plans/{plan_id}", headers=headers)).json()["person_id"] == duplicate


async def test_anonymisation_erases_casework_text(world):
    ops = world.inst("OPS")
    headers = world.headers(ops)
    pid = (await world.person(ops))["id"]
    diagnosis = await world.client.post(
        f"/v1/persons/{pid}/diagnoses",
        json={
            "diagnosed_on": "2026-11-02",
            "areas": [{"code": "debt", "note": "Owes the landlord"}],
            "conclusion": "x",
        },
        headers=headers,
    )
    assert diagnosis.status_code == 201
    plan_id = uuid.UUID(await _plan(world, pid, headers, "ops_social_contract"))
    person = await world.session.get(Person, uuid.UUID(pid))
    await anonymise(world.session, person=person)
    await world.session.flush()
    world.session.expire_all()
    row = (await world.session.scalars(select(Diagnosis).where(Diagnosis.person_id == uuid.UUID(pid)))).one()
    assert row.conclusion is None and row.diagnosed_on.isoformat() == "2026-11-02"
    area = (
        await world.session.scalars(select(DiagnosisArea).where(DiagnosisArea.diagnosis_id == row.id))
    ).one()
    assert area.note is None and area.area_code == "debt"
    goal = (await world.session.scalars(select(PlanGoal).where(PlanGoal.plan_id == plan_id))).one()
    action = (await world.session.scalars(select(PlanAction).where(PlanAction.plan_id == plan_id))).one()
    assert goal.description == "" and goal.area_code == "unemployment"
    assert action.description == "" and action.status == "planned"
