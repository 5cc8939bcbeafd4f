"""Casework's rows of the authorisation matrix (``test_authz_matrix``): a plan, a goal, an action
and a diagnosis of the scenario's person, and how each casework endpoint is called."""

import uuid

REASON = "I just want to have a look at this file"


async def casework_ids(world, person_id: str, owner) -> dict[str, str]:
    """A PUP plan with a goal and an action, and a diagnosis, owned by the registering PUP."""
    headers = world.headers(owner)
    plan = await world.client.post(
        f"/v1/persons/{person_id}/plans",
        json={"plan_type_code": "pup_individual_action_plan", "starts_on": "2026-11-06"},
        headers=headers,
    )
    assert plan.status_code == 201, plan.text
    goal = await world.client.post(
        f"/v1/plans/{plan.json()['id']}/goals",
        json={"area_code": "unemployment", "description": "Kowalska finds work"},
        headers={**headers, "If-Match": plan.headers["ETag"]},
    )
    goal_id = goal.json()["goals"][0]["id"]
    action = await world.client.post(
        f"/v1/plans/{plan.json()['id']}/actions",
        json={"goal_id": goal_id, "description": "Training"},
        headers={**headers, "If-Match": goal.headers["ETag"]},
    )
    diagnosis = await world.client.post(
        f"/v1/persons/{person_id}/diagnoses",
        json={"diagnosed_on": "2026-11-02", "joint": True, "conclusion": "Kowalska needs training"},
        headers=headers,
    )
    return {
        "plan_id": plan.json()["id"],
        "goal_id": goal_id,
        "action_id": action.json()["goals"][0]["actions"][0]["id"],
        "diagnosis_id": diagnosis.json()["id"],
    }


ANY = {"If-Match": "*"}
CASEWORK_MATRIX = {
    ("GET", "/v1/problem-areas"): lambda s: {},
    ("GET", "/v1/plan-types"): lambda s: {},
    ("POST", "/v1/persons/{person_id}/diagnoses"): lambda s: {"json": {"diagnosed_on": "2026-11-02"}},
    ("GET", "/v1/persons/{person_id}/diagnoses"): lambda s: {},
    ("GET", "/v1/diagnoses/{diagnosis_id}"): lambda s: {},
    ("PATCH", "/v1/diagnoses/{diagnosis_id}"): lambda s: {"json": {"conclusion": "x"}, "headers": ANY},
    ("POST", "/v1/diagnoses/{diagnosis_id}/contributors"): lambda s: {
        "json": {"institution_id": s.owner_institution},
        "headers": ANY,
    },
    ("PUT", "/v1/diagnoses/{diagnosis_id}/contribution"): lambda s: {
        "json": {"section": "x"},
        "headers": ANY,
    },
    ("POST", "/v1/diagnoses/{diagnosis_id}/sign-off"): lambda s: {"headers": ANY},
    ("POST", "/v1/persons/{person_id}/plans"): lambda s: {
        "json": {"plan_type_code": "ops_social_contract", "starts_on": "2026-11-06"}
    },
    ("GET", "/v1/persons/{person_id}/plans"): lambda s: {},
    ("GET", "/v1/plans"): lambda s: {},
    ("GET", "/v1/plans/{plan_id}"): lambda s: {},
    ("PATCH", "/v1/plans/{plan_id}"): lambda s: {"json": {"next_review_due": "2027-01-01"}, "headers": ANY},
    ("POST", "/v1/plans/{plan_id}/reviews"): lambda s: {
        "json": {"reviewed_on": "2026-12-01"},
        "headers": ANY,
    },
    ("POST", "/v1/plans/{plan_id}/goals"): lambda s: {
        "json": {"area_code": "debt", "description": "x"},
        "headers": ANY,
    },
    ("POST", "/v1/plans/{plan_id}/goals/{goal_id}/assessment"): lambda s: {
        "json": {"assessment": "achieved"},
        "headers": ANY,
    },
    ("DELETE", "/v1/plans/{plan_id}/goals/{goal_id}/assessment"): lambda s: {"headers": ANY},
    ("POST", "/v1/plans/{plan_id}/actions"): lambda s: {
        "json": {"goal_id": s.casework["goal_id"], "description": "x"},
        "headers": ANY,
    },
    ("PATCH", "/v1/plans/{plan_id}/actions/{action_id}"): lambda s: {
        "json": {"status": "done"},
        "headers": ANY,
    },
    ("GET", "/v1/persons/{person_id}/lead-worker"): lambda s: {},
    ("PUT", "/v1/persons/{person_id}/lead-worker"): lambda s: {
        "json": {"user_sub": "me", "display_name": "Me"},
        "headers": ANY,
    },
    ("POST", "/v1/persons/{person_id}/case-conferences"): lambda s: {
        "json": {
            "held_on": "2026-11-04",
            "person_present": False,
            "participants": [{"institution_id": str(uuid.uuid4())}],
        }
    },
    ("GET", "/v1/persons/{person_id}/case-conferences"): lambda s: {},
    ("PUT", "/v1/internal/plan-actions/{action_id}/referral"): lambda s: {
        "json": {
            "referral_id": str(uuid.uuid4()),
            "person_id": s.person_id,
            "sender_institution_id": s.owner_institution,
            "status": "completed",
            "receiver_institution_id": s.owner_institution,
            "version": 1,
        }
    },
}
#: Answers other than 403/404 that are right for a stranger: the catalogues, and an empty list.
CASEWORK_STRANGER_EXCEPTIONS = {
    ("GET", "/v1/problem-areas"): (200, lambda b: len(b["items"]) > 10),
    ("GET", "/v1/plan-types"): (200, lambda b: len(b["items"]) == 5),
    ("GET", "/v1/plans"): (200, lambda b: b["items"] == []),
}
