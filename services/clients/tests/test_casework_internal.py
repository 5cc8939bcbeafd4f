"""The referrals service keeps a plan action up to date with the referral created from it:
scope required, newest state by version, the referral's outcome proposes the action's result."""

import uuid

import pytest

from casework_world import make_case


@pytest.fixture
async def action(world):
    case = await make_case(world)
    plan, etag = await case.plan(parties=[case.pup])
    plan, etag = await case.goal(plan, etag)
    plan, etag = await case.action(
        plan, etag, plan["goals"][0]["id"], owner=case.ngo, service_type_code="social_work"
    )
    _CASE.update(person=case.person_id, sender=case.ops.id)  # the plan's owner sends
    return case, plan, plan["goals"][0]["actions"][0]


_CASE = {}


def _body(referral_id, status, version, receiver, outcome=None, *, person=None, sender=None):
    return {
        "referral_id": str(referral_id),
        "person_id": str(person or _CASE["person"]),
        "sender_institution_id": str(sender or _CASE["sender"]),
        "status": status,
        "outcome_code": outcome,
        "receiver_institution_id": str(receiver.id),
        "version": version,
    }


async def test_only_the_referrals_service_links_referrals(world, action):
    case, _, item = action
    url = f"/v1/internal/plan-actions/{item['id']}/referral"
    body = _body(uuid.uuid4(), "requested", 1, case.ngo)
    assert (await world.client.put(url, json=body, headers=case.ops_user)).status_code == 403
    assert (await world.client.put(url, json=body, headers=world.system(case.ops))).status_code == 403
    assert (await world.client.put(url, json=body, headers=world.service("events:read"))).status_code == 403
    assert (await world.client.put(url, json=body)).status_code == 401
    unknown = await world.client.put(
        f"/v1/internal/plan-actions/{uuid.uuid4()}/referral", json=body, headers=world.service()
    )
    assert unknown.status_code == 404
    bad = await world.client.put(url, json={**body, "version": "1"}, headers=world.service())
    assert bad.status_code == 422


async def test_the_newest_state_wins_and_the_outcome_proposes_the_result(world, action):
    case, plan, item = action
    url = f"/v1/internal/plan-actions/{item['id']}/referral"
    referral = uuid.uuid4()
    first = await world.client.put(
        url, json=_body(referral, "requested", 1, case.ngo), headers=world.service()
    )
    assert first.status_code == 200 and first.json()["applied"] is True
    assert first.json()["proposed_result"] is None
    done = await world.client.put(
        url, json=_body(referral, "completed", 3, case.ngo, "employed"), headers=world.service()
    )
    assert done.json()["proposed_result"] == "done" and done.json()["referral_version"] == 3
    late = await world.client.put(url, json=_body(referral, "accepted", 2, case.ngo), headers=world.service())
    assert late.status_code == 200 and late.json()["applied"] is False
    repeat = await world.client.put(
        url, json=_body(referral, "completed", 3, case.ngo, "employed"), headers=world.service()
    )
    assert repeat.json()["applied"] is False
    read = (await world.client.get(f"/v1/plans/{plan['id']}", headers=case.ops_user)).json()
    linked = read["goals"][0]["actions"][0]
    assert linked["referral"] == {
        "referral_id": str(referral),
        "status": "completed",
        "outcome_code": "employed",
        "receiver_institution_id": str(case.ngo.id),
    }
    assert linked["proposed_result"] == "done" and linked["status"] == "planned"
    changed = await world.events(plan["id"], type="plan.action_changed")
    assert [e["payload"]["referral_status"] for e in changed] == ["requested", "completed"]
    # The action's owner takes the proposal: the goal's assessment follows.
    etag = f'"plan.{plan["id"]}.{read["version"]}"'
    moved = await world.client.patch(
        f"/v1/plans/{plan['id']}/actions/{linked['id']}",
        json={"status": "done"},
        headers={**case.ngo_user, "If-Match": etag},
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["goals"][0]["proposed_assessment"] == "achieved"


@pytest.mark.parametrize("status", ["rejected", "failed", "withdrawn", "cancelled"])
async def test_a_referral_that_ends_without_service_proposes_not_done(world, action, status):
    case, _, item = action
    response = await world.client.put(
        f"/v1/internal/plan-actions/{item['id']}/referral",
        json=_body(uuid.uuid4(), status, 4, case.ngo),
        headers=world.service(),
    )
    assert response.json()["proposed_result"] == "not_done"


async def test_the_link_moves_the_plan_etag(world, action):
    case, plan, item = action
    before = (await world.client.get(f"/v1/plans/{plan['id']}", headers=case.ops_user)).json()["version"]
    await world.client.put(
        f"/v1/internal/plan-actions/{item['id']}/referral",
        json=_body(uuid.uuid4(), "requested", 1, case.ngo),
        headers=world.service(),
    )
    after = (await world.client.get(f"/v1/plans/{plan['id']}", headers=case.ops_user)).json()["version"]
    assert after == before + 1


def test_the_internal_endpoint_keeps_the_contract_the_referrals_service_builds_against(app):
    spec = app.openapi()
    assert set(spec["paths"]["/v1/internal/plan-actions/{action_id}/referral"]) == {"put"}
    body = spec["components"]["schemas"]["ActionReferralSet"]
    assert set(body["properties"]) == {
        "referral_id",
        "person_id",
        "sender_institution_id",
        "status",
        "outcome_code",
        "receiver_institution_id",
        "version",
    }
    assert set(body["required"]) == {
        "referral_id",
        "person_id",
        "sender_institution_id",
        "status",
        "receiver_institution_id",
        "version",
    }


async def test_only_a_referral_of_the_plans_person_from_its_institutions_serves_an_action(world, action):
    """The attack: an institution that sees the plan attaches its own referral (or one about
    somebody else) to another institution's action."""
    case, plan, item = action
    url = f"/v1/internal/plan-actions/{item['id']}/referral"
    stranger = world.inst("NGO")
    for body in (
        _body(uuid.uuid4(), "requested", 1, case.ngo, sender=stranger.id),
        _body(uuid.uuid4(), "requested", 1, case.ngo, person=uuid.uuid4()),
    ):
        refused = await world.client.put(url, json=body, headers=world.service())
        assert refused.status_code == 409 and refused.json()["code"] == "referral_not_for_action"
    # The owner of the action, the plan's owner and a party may: the PUP is a party here.
    for sender in (case.ngo.id, case.pup.id):
        first = uuid.uuid4()
        ok = await world.client.put(
            url, json=_body(first, "cancelled", 2, case.ngo, sender=sender), headers=world.service()
        )
        assert ok.status_code == 200 and ok.json()["referral_id"] == str(first)


async def test_one_open_referral_serves_an_action_and_a_late_old_state_does_not_take_it_back(world, action):
    case, plan, item = action
    url = f"/v1/internal/plan-actions/{item['id']}/referral"
    old, new = uuid.uuid4(), uuid.uuid4()
    assert (
        await world.client.put(url, json=_body(old, "requested", 1, case.ngo), headers=world.service())
    ).status_code == 200
    busy = await world.client.put(url, json=_body(new, "requested", 1, case.ngo), headers=world.service())
    assert busy.status_code == 409 and busy.json()["code"] == "action_has_open_referral"
    assert (
        await world.client.put(url, json=_body(old, "rejected", 2, case.ngo), headers=world.service())
    ).status_code == 200
    taken = await world.client.put(url, json=_body(new, "requested", 1, case.ngo), headers=world.service())
    assert taken.status_code == 200 and taken.json()["referral_id"] == str(new)
    late = await world.client.put(url, json=_body(old, "accepted", 3, case.ngo), headers=world.service())
    assert late.status_code == 409
    read = (await world.client.get(f"/v1/plans/{plan['id']}", headers=case.ops_user)).json()
    assert read["goals"][0]["actions"][0]["referral"]["referral_id"] == str(new)
