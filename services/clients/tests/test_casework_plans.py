"""Plans through the API: drawing up, goals, actions along the state table, the person's
agreement, reviews, assessments, If-Match, the coordinators' list and the events."""

import pytest

from casework_world import make_case


@pytest.fixture
async def case(world):
    return await make_case(world)


async def test_a_joint_plan_is_drawn_up_and_carried_out(case):
    plan, etag = await case.plan(parties=[case.pup], next_review_due="2027-02-06")
    assert plan["legal_basis_code"] == "ups_social_assistance"
    assert plan["parties"] == [str(case.pup.id)] and plan["goals"] == []
    plan, etag = await case.goal(plan, etag)
    goal = plan["goals"][0]
    assert goal["sensitive"] is False and goal["status"] == "open" and goal["proposed_assessment"] is None
    plan, etag = await case.action(
        plan, etag, goal["id"], owner=case.pup, service_type_code="vocational_counselling"
    )
    action = plan["goals"][0]["actions"][0]
    assert action["status"] == "planned" and action["owner_institution_id"] == str(case.pup.id)
    assert set(action["allowed_statuses"]) == {"in_progress", "done", "not_done", "cancelled"}
    # The PUP owns the action: it moves it (with the plan's ETag), the OPS sees the change.
    pup_view = await case.world.client.get(f"/v1/plans/{plan['id']}", headers=case.pup_user)
    assert pup_view.status_code == 200 and pup_view.headers["ETag"] == etag
    moved = await case.patch(
        f"/v1/plans/{plan['id']}/actions/{action['id']}",
        {"status": "done", "result": "attended"},
        case.pup_user,
        etag,
        200,
    )
    goal = moved.json()["goals"][0]
    assert goal["actions"][0]["status"] == "done" and goal["proposed_assessment"] == "achieved"
    etag = moved.headers["ETag"]
    assessed = await case.post(
        f"/v1/plans/{plan['id']}/goals/{goal['id']}/assessment",
        {"assessment": "achieved"},
        case.ops_user,
        etag,
        200,
    )
    assert assessed.json()["goals"][0]["status"] == "assessed"
    types = [e["type"] for e in await case.world.events(plan["id"])]
    assert types == [
        "plan.created",
        "plan.goal_added",
        "plan.action_added",
        "plan.action_changed",
        "plan.goal_assessed",
    ]


async def _plan_with_goal(case, **extra):
    plan, etag = await case.plan(parties=[case.pup], **extra)
    plan, etag = await case.goal(plan, etag)
    return plan, etag, plan["goals"][0]


async def test_plan_type_rules(case):
    url = f"/v1/persons/{case.person_id}/plans"
    unknown = await case.post(
        url, {"plan_type_code": "no_such_plan", "starts_on": "2026-11-06"}, case.ops_user
    )
    assert unknown.status_code == 422 and unknown.json()["code"] == "unknown_plan_type"
    assert "no_such_plan" not in unknown.text
    not_ours = await case.post(
        url, {"plan_type_code": "pup_individual_action_plan", "starts_on": "2026-11-06"}, case.ops_user
    )
    assert not_ours.status_code == 403 and not_ours.json()["code"] == "plan_type_not_for_institution"
    contract = await case.post(
        url,
        {"plan_type_code": "ops_social_contract", "starts_on": "2026-11-06", "parties": [str(case.pup.id)]},
        case.ops_user,
    )
    assert contract.status_code == 422 and contract.json()["code"] == "parties_only_in_joint_plans"
    stranger = case.world.inst("NGO")
    no_access = await case.post(
        url,
        {"plan_type_code": "joint_plan", "starts_on": "2026-11-06", "parties": [str(stranger.id)]},
        case.ops_user,
    )
    assert no_access.status_code == 422 and no_access.json()["code"] == "institution_without_access"
    bad_date = await case.post(url, {"plan_type_code": "joint_plan", "starts_on": "6.11.2026"}, case.ops_user)
    assert bad_date.status_code == 422
    ipd = await case.post(
        url,
        {"plan_type_code": "pup_individual_action_plan", "starts_on": "2026-11-06"},
        case.pup_user,
        expect=201,
    )
    assert ipd.json()["legal_basis_code"] == "rp_individual_action_plan"


async def test_changes_need_the_current_etag(case):
    plan, etag = await case.plan()
    url = f"/v1/plans/{plan['id']}/goals"
    body = {"area_code": "housing", "description": "A flat of her own"}
    missing = await case.post(url, body, case.ops_user)
    assert missing.status_code == 428
    await case.post(url, body, case.ops_user, etag, expect=200)
    stale = await case.post(url, body, case.ops_user, etag)
    assert stale.status_code == 412 and stale.json()["code"] == "stale_etag"
    unknown_area = await case.post(
        url, {"area_code": "nothing_like_it", "description": "x"}, case.ops_user, stale.json()["current_etag"]
    )
    assert unknown_area.status_code == 422 and unknown_area.json()["code"] == "unknown_problem_area"


async def test_only_the_owner_changes_the_plan(case):
    plan, etag = await case.plan(parties=[case.pup])
    refused = await case.patch(
        f"/v1/plans/{plan['id']}", {"next_review_due": "2027-01-01"}, case.pup_user, etag
    )
    assert refused.status_code == 403
    goal = await case.post(
        f"/v1/plans/{plan['id']}/goals", {"area_code": "housing", "description": "x"}, case.pup_user, etag
    )
    assert goal.status_code == 403


async def test_abandoned_needs_a_reason_and_assessed_goals_reopen(case):
    plan, etag, goal = await _plan_with_goal(case)
    url = f"/v1/plans/{plan['id']}/goals/{goal['id']}/assessment"
    no_reason = await case.post(url, {"assessment": "abandoned"}, case.ops_user, etag)
    assert no_reason.status_code == 422 and no_reason.json()["code"] == "reason_required"
    done = await case.post(
        url, {"assessment": "abandoned", "reason": "moved to another town"}, case.ops_user, etag, 200
    )
    assert done.json()["goals"][0]["assessment"] == "abandoned"
    twice = await case.post(url, {"assessment": "achieved"}, case.ops_user, done.headers["ETag"])
    assert twice.status_code == 409
    reopened = await case.world.client.delete(
        url, headers={**case.ops_user, "If-Match": done.headers["ETag"]}
    )
    assert reopened.status_code == 200 and reopened.json()["goals"][0]["status"] == "open"
    assert reopened.json()["goals"][0]["assessment"] is None
    types = [e["type"] for e in await case.world.events(plan["id"])]
    assert types[-2:] == ["plan.goal_assessed", "plan.goal_reopened"]


async def test_actions_follow_the_state_table(case):
    plan, etag, goal = await _plan_with_goal(case)
    plan, etag = await case.action(plan, etag, goal["id"])
    action_url = f"/v1/plans/{plan['id']}/actions/{plan['goals'][0]['actions'][0]['id']}"
    no_result = await case.patch(action_url, {"status": "not_done"}, case.ops_user, etag)
    assert no_result.status_code == 422 and no_result.json()["code"] == "result_required"
    cancelled = await case.patch(action_url, {"status": "cancelled"}, case.ops_user, etag, 200)
    back = await case.patch(action_url, {"status": "done"}, case.ops_user, cancelled.headers["ETag"])
    assert back.status_code == 409 and back.json()["code"] == "invalid_transition"
    assert cancelled.json()["goals"][0]["actions"][0]["allowed_statuses"] == []
    unknown = await case.patch(action_url, {"status": "finished"}, case.ops_user, cancelled.headers["ETag"])
    assert unknown.status_code == 422
    # The party does not own this action: it may not move it.
    party = await case.patch(action_url, {"status": "in_progress"}, case.pup_user, cancelled.headers["ETag"])
    assert party.status_code == 403


async def test_two_of_three_actions_done_propose_partly_achieved(case):
    plan, etag, goal = await _plan_with_goal(case)
    for _ in range(3):
        plan, etag = await case.action(plan, etag, goal["id"])
    actions = plan["goals"][0]["actions"]
    for action, (status, result) in zip(
        actions, [("done", None), ("done", None), ("not_done", "did not come")], strict=True
    ):
        body = {"status": status} | ({"result": result} if result else {})
        response = await case.patch(
            f"/v1/plans/{plan['id']}/actions/{action['id']}", body, case.ops_user, etag, 200
        )
        etag = response.headers["ETag"]
    assert response.json()["goals"][0]["proposed_assessment"] == "partly_achieved"


async def test_agreement_reviews_and_events(case):
    plan, etag = await case.plan(next_review_due="2027-02-06")
    url = f"/v1/plans/{plan['id']}"
    half = await case.patch(url, {"agreement_date": "2026-11-06"}, case.ops_user, etag)
    assert half.status_code == 422 and half.json()["code"] == "agreement_incomplete"
    bad = await case.patch(
        url, {"agreement_date": "2026-11-06", "agreement_method": "nodded"}, case.ops_user, etag
    )
    assert bad.status_code == 422
    agreed = await case.patch(
        url, {"agreement_date": "2026-11-06", "agreement_method": "signed_paper"}, case.ops_user, etag, 200
    )
    assert agreed.json()["agreement_method"] == "signed_paper"
    reviewed = await case.post(
        f"{url}/reviews",
        {"reviewed_on": "2027-02-01", "note": "Progress is good", "next_review_due": "2027-05-01"},
        case.ops_user,
        agreed.headers["ETag"],
        200,
    )
    body = reviewed.json()
    assert body["next_review_due"] == "2027-05-01" and body["reviews"][0]["note"] == "Progress is good"
    event = (await case.world.events(plan["id"], type="plan.reviewed"))[0]["payload"]
    assert event["reviewed_on"] == "2027-02-01" and event["review_was_due"] == "2027-02-06"
    assert "Progress" not in str(event)
    closed = await case.patch(url, {"status": "closed"}, case.ops_user, reviewed.headers["ETag"], 200)
    after = await case.post(
        f"{url}/goals", {"area_code": "debt", "description": "x"}, case.ops_user, closed.headers["ETag"]
    )
    assert after.status_code == 409 and after.json()["code"] == "plan_closed"


async def test_event_payloads_carry_no_text(case):
    plan, etag, goal = await _plan_with_goal(case)
    plan, etag = await case.action(plan, etag, goal["id"], owner=case.pup, service_type_code="training")
    for event in await case.world.events(plan["id"]):
        text = str(event["payload"])
        assert "Find stable work" not in text and "Vocational counselling" not in text
    added = (await case.world.events(plan["id"], type="plan.action_added"))[0]["payload"]
    assert added["owner_institution_id"] == str(case.pup.id)
    assert added["plan_owner_institution_id"] == str(case.ops.id)
    assert added["service_type_code"] == "training"


async def test_the_coordinators_list_of_reviews_due(case):
    soon, _ = await case.plan(parties=[case.pup], next_review_due="2026-12-01")
    later, _ = await case.plan(next_review_due="2027-06-01")
    await case.plan()
    first = await case.world.client.get(
        "/v1/plans", params={"review_due_before": "2027-12-31", "limit": 1}, headers=case.ops_user
    )
    assert first.status_code == 200 and [p["id"] for p in first.json()["items"]] == [soon["id"]]
    second = await case.world.client.get(
        "/v1/plans",
        params={"review_due_before": "2027-12-31", "limit": 1, "cursor": first.json()["next_cursor"]},
        headers=case.ops_user,
    )
    assert [p["id"] for p in second.json()["items"]] == [later["id"]] and second.json()["next_cursor"] is None
    party = await case.world.client.get(
        "/v1/plans", params={"review_due_before": "2027-01-01"}, headers=case.pup_user
    )
    assert [p["id"] for p in party.json()["items"]] == [soon["id"]]
    assert party.json()["items"][0]["review_overdue"] is (
        soon["next_review_due"] < __import__("datetime").date.today().isoformat()
    )
    stranger = await case.world.client.get("/v1/plans", headers=case.world.headers(case.world.inst("OPS")))
    assert stranger.json()["items"] == []
    bad = await case.world.client.get(
        "/v1/plans", params={"review_due_before": "tomorrow"}, headers=case.ops_user
    )
    assert bad.status_code == 422
    typo = await case.world.client.get(
        "/v1/plans", params={"review_due": "2027-01-01"}, headers=case.ops_user
    )
    assert typo.status_code == 422
    broken = await case.world.client.get("/v1/plans", params={"cursor": "abc"}, headers=case.ops_user)
    assert broken.status_code == 422
    listed = await case.world.log(case.person_id, action="list")
    assert listed and all(e.legal_basis == "registration" for e in listed)


async def test_person_plans_list_and_read_audit(case):
    plan, _ = await case.plan()
    listed = await case.world.client.get(f"/v1/persons/{case.person_id}/plans", headers=case.ops_user)
    assert [p["id"] for p in listed.json()["items"]] == [plan["id"]]
    reads_before = len(await case.world.log(case.person_id, action="read"))
    await case.world.client.get(f"/v1/plans/{plan['id']}", headers=case.ops_user)
    reads = await case.world.log(case.person_id, action="read")
    assert len(reads) == reads_before + 1 and reads[-1].resource == "GET /v1/plans/{plan_id}"
