"""Who sees which part of a plan and a diagnosis: the casework access matrix.

The rule, written out here independently of the implementation: without access to the person,
nothing (404). With access, a plan is seen by its owner, its parties and the owners of its
actions; a diagnosis by its owner and its contributors; any other institution gets a 404. A
coordinator in break-glass sees them read-only. Sensitive goals and areas: the institution that
recorded them, and an institution the recorder referred the person to with an accepted referral
covering sensitive data; never parties, registrants or break-glass. Only the owner edits.
"""

import uuid

import pytest

from splot.clients.casework.models import Plan

from conftest import PESEL_ANNA

#: perspective -> (plan status, goals seen, may edit the plan)
PLAN_MATRIX = {
    "owner": (200, {"unemployment", "addiction"}, True),
    "party": (200, {"unemployment"}, False),
    "action_owner": (200, {"unemployment"}, False),
    "action_owner_sensitive_referral": (200, {"unemployment", "addiction"}, False),
    "other_with_access": (404, None, False),
    "without_access": (404, None, False),
    "break_glass": (200, {"unemployment"}, False),
}
#: perspective -> (diagnosis status, areas seen)
DIAGNOSIS_MATRIX = {
    "owner": (200, {"unemployment", "addiction"}),
    "party": (200, {"unemployment"}),  # the PUP contributes to the joint diagnosis
    "action_owner": (404, None),  # the NGO does not contribute
    "action_owner_sensitive_referral": (404, None),
    "other_with_access": (404, None),
    "without_access": (404, None),
    "break_glass": (200, {"unemployment"}),
}


async def _register(world, pid, inst):
    response = await world.client.post(
        f"/v1/persons/{pid}/registrations",
        json={"pesel": PESEL_ANNA, "reason": "a client of ours as well"},
        headers=world.headers(inst),
    )
    assert response.status_code in (200, 201), response.text


async def _setup(world, perspective):
    ops, pup, ngo, cus = world.inst("OPS"), world.inst("PUP"), world.inst("NGO"), world.inst("CUS")
    pid = (await world.person(ops))["id"]
    await _register(world, pid, pup)
    await _register(world, pid, cus)
    sensitive = perspective == "action_owner_sensitive_referral"
    await world.grant(
        pid, ngo, sender=ops, accepted=True, covers_sensitive=sensitive, referral_id=uuid.uuid4()
    )
    owner = world.headers(ops)
    created = await world.client.post(
        f"/v1/persons/{pid}/plans",
        json={"plan_type_code": "joint_plan", "starts_on": "2026-11-06", "parties": [str(pup.id)]},
        headers=owner,
    )
    plan, etag = created.json(), created.headers["ETag"]
    for area in ("unemployment", "addiction"):
        response = await world.client.post(
            f"/v1/plans/{plan['id']}/goals",
            json={"area_code": area, "description": f"goal on {area}"},
            headers={**owner, "If-Match": etag},
        )
        etag = response.headers["ETag"]
    goals = {g["area_code"]: g["id"] for g in response.json()["goals"]}
    response = await world.client.post(
        f"/v1/plans/{plan['id']}/actions",
        json={
            "goal_id": goals["unemployment"],
            "description": "Job club",
            "owner_institution_id": str(ngo.id),
        },
        headers={**owner, "If-Match": etag},
    )
    assert response.status_code == 200, response.text
    etag = response.headers["ETag"]
    diagnosis = await world.client.post(
        f"/v1/persons/{pid}/diagnoses",
        json={
            "diagnosed_on": "2026-11-02",
            "joint": True,
            "areas": [{"code": "unemployment"}, {"code": "addiction"}],
        },
        headers=owner,
    )
    invited = await world.client.post(
        f"/v1/diagnoses/{diagnosis.json()['id']}/contributors",
        json={"institution_id": str(pup.id)},
        headers={**owner, "If-Match": diagnosis.headers["ETag"]},
    )
    assert invited.status_code == 200, invited.text
    callers = {
        "owner": owner,
        "party": world.headers(pup),
        "action_owner": world.headers(ngo),
        "action_owner_sensitive_referral": world.headers(ngo),
        "other_with_access": world.headers(cus),
        "without_access": world.headers(world.inst("OPS")),
    }
    if perspective == "break_glass":
        coordinator = world.headers(world.inst("OPS"), "coordinator")
        opened = await world.client.post(
            f"/v1/persons/{pid}/break-glass",
            json={"reason": "client collapsed in our office"},
            headers=coordinator,
        )
        assert opened.status_code == 201, opened.text
        callers["break_glass"] = coordinator
    return pid, plan["id"], etag, diagnosis.json()["id"], callers[perspective]


@pytest.mark.parametrize("perspective", sorted(PLAN_MATRIX))
async def test_plan_access_matrix(world, perspective):
    pid, plan_id, etag, _, headers = await _setup(world, perspective)
    status, goals, may_edit = PLAN_MATRIX[perspective]
    read = await world.client.get(f"/v1/plans/{plan_id}", headers=headers)
    assert read.status_code == status, read.text
    listed = await world.client.get(f"/v1/persons/{pid}/plans", headers=headers)
    if perspective == "without_access":
        assert listed.status_code == 404
    else:
        assert [p["id"] for p in listed.json()["items"]] == ([plan_id] if status == 200 else [])
    if status == 200:
        body = read.json()
        assert {g["area_code"] for g in body["goals"]} == goals
        assert body["hidden_sensitive_goals"] == 2 - len(goals)
        if "addiction" not in goals:
            assert "goal on addiction" not in read.text and "goal on addiction" not in listed.text
    else:
        assert "unemployment" not in read.text
    edit = await world.client.patch(
        f"/v1/plans/{plan_id}", json={"next_review_due": "2027-03-01"}, headers={**headers, "If-Match": etag}
    )
    assert edit.status_code == (200 if may_edit else 404 if status == 404 else 403), edit.text


@pytest.mark.parametrize("perspective", sorted(DIAGNOSIS_MATRIX))
async def test_diagnosis_access_matrix(world, perspective):
    pid, _, _, diagnosis_id, headers = await _setup(world, perspective)
    status, areas = DIAGNOSIS_MATRIX[perspective]
    read = await world.client.get(f"/v1/diagnoses/{diagnosis_id}", headers=headers)
    assert read.status_code == status, read.text
    listed = await world.client.get(f"/v1/persons/{pid}/diagnoses", headers=headers)
    if perspective == "without_access":
        assert listed.status_code == 404
    else:
        assert [d["id"] for d in listed.json()["items"]] == ([diagnosis_id] if status == 200 else [])
    if status == 200:
        assert {a["code"] for a in read.json()["areas"]} == areas
    sign = await world.client.post(
        f"/v1/diagnoses/{diagnosis_id}/sign-off",
        headers={**headers, "If-Match": read.headers.get("ETag", '"x"')},
    )
    expected_sign = {"owner": 200, "party": 200, "break_glass": 403}.get(perspective, 404)
    assert sign.status_code == expected_sign, sign.text


async def test_break_glass_reads_are_audited_as_break_glass(world):
    pid, plan_id, _, _, headers = await _setup(world, "break_glass")
    await world.client.get(f"/v1/plans/{plan_id}", headers=headers)
    entries = [e for e in await world.log(pid, action="read") if e.resource == "GET /v1/plans/{plan_id}"]
    assert [e.legal_basis for e in entries] == ["break_glass"]


async def test_the_action_owner_moves_its_action(world):
    _, plan_id, etag, _, ngo = await _setup(world, "action_owner")
    plan = (await world.client.get(f"/v1/plans/{plan_id}", headers=ngo)).json()
    action = plan["goals"][0]["actions"][0]
    moved = await world.client.patch(
        f"/v1/plans/{plan_id}/actions/{action['id']}",
        json={"status": "in_progress"},
        headers={**ngo, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text
    due = await world.client.patch(
        f"/v1/plans/{plan_id}/actions/{action['id']}",
        json={"due_date": "2027-01-01"},
        headers={**ngo, "If-Match": moved.headers["ETag"]},
    )
    assert due.status_code == 403


@pytest.mark.parametrize("role", ["institution_admin", "analyst", "auditor"])
async def test_roles_without_person_data_see_no_casework(world, role):
    pid, plan_id, _, diagnosis_id, _ = await _setup(world, "owner")
    headers = world.role(role)
    for url in (
        f"/v1/plans/{plan_id}",
        f"/v1/diagnoses/{diagnosis_id}",
        f"/v1/persons/{pid}/plans",
        "/v1/plans",
    ):
        assert (await world.client.get(url, headers=headers)).status_code == 403
    # The catalogues hold no person's data: an analyst's casework measures name their codes.
    areas = await world.client.get("/v1/problem-areas", headers=headers)
    types = await world.client.get("/v1/plan-types", headers=headers)
    assert areas.status_code == types.status_code == 200
    assert "unemployment" in {a["code"] for a in areas.json()["items"]} and len(types.json()["items"]) == 5


@pytest.mark.parametrize(("covers", "expected"), [(False, 422), (True, 200)])
async def test_an_action_of_a_sensitive_goal_goes_only_where_sensitive_data_may(world, covers, expected):
    perspective = "action_owner_sensitive_referral" if covers else "action_owner"
    _, plan_id, etag, _, _ = await _setup(world, perspective)
    plan = await world.session.get(Plan, uuid.UUID(plan_id))
    owner = world.tokens.headers(
        sub="owner",
        institution_id=plan.owner_institution_id,
        institution_type="OPS",
        teryt="1219",
        roles=["caseworker"],
    )
    body = (await world.client.get(f"/v1/plans/{plan_id}", headers=owner)).json()
    addiction = next(g["id"] for g in body["goals"] if g["area_code"] == "addiction")
    ngo = body["goals"][0]["actions"][0]["owner_institution_id"]
    response = await world.client.post(
        f"/v1/plans/{plan_id}/actions",
        json={"goal_id": addiction, "description": "Therapy group", "owner_institution_id": ngo},
        headers={**owner, "If-Match": etag},
    )
    assert response.status_code == expected, response.text
    if expected == 422:
        assert response.json()["code"] == "sensitive_goal_not_shared"
