"""Lead workers (visible to every institution with access, reassignment audited, history kept)
and case conferences (participants, the actions they created)."""

import pytest

from casework_world import make_case


@pytest.fixture
async def case(world):
    return await make_case(world)


async def test_lead_worker_assignment_and_reassignment(case):
    world = case.world
    url = f"/v1/persons/{case.person_id}/lead-worker"
    empty = await world.client.get(url, headers=case.ngo_user)
    assert empty.status_code == 200 and empty.json()["current"] is None
    body = {"user_sub": "ops-anna", "display_name": "Anna Nowak"}
    caseworker = await world.client.put(url, json=body, headers=case.ops_user)
    assert caseworker.status_code == 403
    ops_coordinator = world.headers(case.ops, "coordinator")
    first = await world.client.put(url, json=body, headers=ops_coordinator)
    assert first.status_code == 201, first.text
    pup_coordinator = world.headers(case.pup, "coordinator")
    reassign = {
        "user_sub": "pup-jan",
        "display_name": "Jan Kowal",
        "reason": "the PUP leads the job search now",
    }
    missing = await world.client.put(url, json=reassign, headers=pup_coordinator)
    assert missing.status_code == 428
    second = await world.client.put(
        url, json=reassign, headers={**pup_coordinator, "If-Match": first.headers["ETag"]}
    )
    assert second.status_code == 200, second.text
    stale = await world.client.put(
        url, json=body, headers={**ops_coordinator, "If-Match": first.headers["ETag"]}
    )
    assert stale.status_code == 412
    seen = (await world.client.get(url, headers=case.ngo_user)).json()
    assert seen["current"]["display_name"] == "Jan Kowal" and seen["current"]["institution_id"] == str(
        case.pup.id
    )
    assert [h["user_sub"] for h in seen["history"]] == ["pup-jan", "ops-anna"]
    assert seen["history"][1]["ended_at"] is not None
    audited = await world.log(case.person_id, action="lead_worker_set")
    assert len(audited) == 2 and audited[-1].reason == "the PUP leads the job search now"
    events = await world.events(case.person_id, type="lead_worker.assigned")
    assert events[-1]["payload"]["previous_institution_id"] == str(case.ops.id)
    assert "Jan" not in str(events[-1]["payload"]) and "pup-jan" not in str(events[-1]["payload"])
    stranger = world.headers(world.inst("OPS"))
    assert (await world.client.get(url, headers=stranger)).status_code == 404


async def test_a_case_conference_and_the_actions_it_created(case):
    world = case.world
    url = f"/v1/persons/{case.person_id}/case-conferences"
    body = {
        "held_on": "2026-11-04",
        "person_present": True,
        "participants": [
            {"institution_id": str(case.ops.id), "staff": ["Anna Nowak"]},
            {"institution_id": str(case.pup.id), "staff": ["Jan Kowal"]},
        ],
        "decisions": "PUP offers a training; OPS pays the commute",
    }
    stranger = world.inst("NGO")
    refused = await world.client.post(
        url,
        json={**body, "participants": [*body["participants"], {"institution_id": str(stranger.id)}]},
        headers=case.ops_user,
    )
    assert refused.status_code == 422 and refused.json()["code"] == "institution_without_access"
    not_there = await world.client.post(url, json=body, headers=case.ngo_user)
    assert not_there.status_code == 422 and not_there.json()["code"] == "organiser_not_participant"
    created = await world.client.post(url, json=body, headers=case.ops_user)
    assert created.status_code == 201, created.text
    conference = created.json()
    plan, etag = await case.plan(parties=[case.pup])
    plan, etag = await case.goal(plan, etag)
    plan, etag = await case.action(
        plan, etag, plan["goals"][0]["id"], owner=case.pup, conference_id=conference["id"]
    )
    listed = (await world.client.get(url, headers=case.pup_user)).json()["items"]
    assert listed[0]["action_ids"] == [plan["goals"][0]["actions"][0]["id"]]
    assert listed[0]["person_present"] is True and listed[0]["participants"][1]["staff"] == ["Jan Kowal"]
    assert (await world.client.get(url, headers=case.ngo_user)).json()["items"] == []
    event = (await world.events(conference["id"], type="case_conference.recorded"))[0]["payload"]
    assert set(event["participant_institution_ids"]) == {str(case.ops.id), str(case.pup.id)}
    assert "training" not in str(event) and "Anna" not in str(event)


async def test_the_lead_worker_follows_a_merge_into_a_record_without_one_and_back(case):
    world = case.world
    coordinator = world.headers(case.ops, "coordinator")
    # The OPS finds it has the same person twice; the duplicate has the lead worker.
    survivor = await world.person(
        case.ops, pesel=None, birth_date="1985-03-14", sex="F", override_reason="duplicate, merge later"
    )
    url = f"/v1/persons/{case.person_id}/lead-worker"
    set_ = await world.client.put(
        url, json={"user_sub": "ops-anna", "display_name": "Anna Nowak"}, headers=coordinator
    )
    assert set_.status_code == 201, set_.text
    merged = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": case.person_id,
            "reason": "same person: checked the ID card",
        },
        headers=coordinator,
    )
    assert merged.status_code == 201, merged.text
    moved = await world.client.get(f"/v1/persons/{survivor['id']}/lead-worker", headers=coordinator)
    assert moved.json()["current"]["display_name"] == "Anna Nowak"
    undone = await world.client.post(
        f"/v1/persons/merges/{merged.json()['merge']['id']}/undo",
        json={"reason": "not the same person after all"},
        headers=coordinator,
    )
    assert undone.status_code == 200, undone.text
    back = await world.client.get(url, headers=coordinator)
    assert back.json()["current"]["display_name"] == "Anna Nowak"
    left = await world.client.get(f"/v1/persons/{survivor['id']}/lead-worker", headers=coordinator)
    assert left.json()["current"] is None
