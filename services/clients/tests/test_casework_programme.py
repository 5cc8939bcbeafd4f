"""Issue #16: an individual plan can belong to a programme (a code of the directory's programme
catalogue): set on creation, changed or cleared by the owner, shown in the plan and its list,
carried by the plan's events for the reporting service."""

import pytest

from casework_world import make_case


@pytest.fixture
async def case(world):
    return await make_case(world)


async def test_a_plan_belongs_to_a_programme(case):
    plan, etag = await case.plan(parties=[case.pup], programme="PAI")
    assert plan["programme"] == "PAI"
    pup_view = await case.world.client.get(f"/v1/plans/{plan['id']}", headers=case.pup_user)
    assert pup_view.json()["programme"] == "PAI"
    created = (await case.world.events(plan["id"], type="plan.created"))[0]["payload"]
    assert created["programme"] == "PAI"
    url = f"/v1/plans/{plan['id']}"
    refused = await case.patch(url, {"programme": "CIS-REINTEGRACJA"}, case.pup_user, etag)
    assert refused.status_code == 403  # only the owner changes the plan
    changed = await case.patch(url, {"programme": "CIS-REINTEGRACJA"}, case.ops_user, etag, 200)
    assert changed.json()["programme"] == "CIS-REINTEGRACJA"
    updated = (await case.world.events(plan["id"], type="plan.updated"))[-1]["payload"]
    assert updated["programme"] == "CIS-REINTEGRACJA"
    cleared = await case.patch(url, {"programme": None}, case.ops_user, changed.headers["ETag"], 200)
    assert cleared.json()["programme"] is None


@pytest.mark.parametrize("code", ["pai", "X", "with space", "A" * 33, 5])
async def test_a_malformed_programme_code_is_a_422(case, code):
    response = await case.post(
        f"/v1/persons/{case.person_id}/plans",
        {"plan_type_code": "joint_plan", "starts_on": "2026-11-06", "programme": code},
        case.ops_user,
    )
    assert response.status_code == 422, response.text


async def test_a_plan_without_a_programme(case):
    plan, _ = await case.plan()
    assert plan["programme"] is None
    created = (await case.world.events(plan["id"], type="plan.created"))[0]["payload"]
    assert created["programme"] is None
