"""Attacks on casework and partnerships by legitimate users of other institutions: reading a plan
of a person one also serves but is no part of, attaching one's own referral to another
institution's plan action, and reading or acting in a partnership one is not a party of."""

from __future__ import annotations

from datetime import date, timedelta

from blackbox import Api, ok, problem

OPS = "ops.koordynator@splot.example"
PUP = "pup.koordynator@splot.example"
NGO = "ngo.koordynator@splot.example"
ANALYST = "analityk@splot.example"


def _plan_with_an_action(api: Api) -> tuple[dict, dict, str]:
    """A PUP client with an individual action plan: one goal, one action owned by the PUP."""
    pup = api.as_(PUP)
    person = api.person(pup)
    plan = pup.post(
        f"/api/clients/v1/persons/{person['id']}/plans",
        json={"plan_type_code": "pup_individual_action_plan", "starts_on": date.today().isoformat()},
    )
    ok(plan, 201, raw=True)
    etag = plan.headers["ETag"]
    goal = pup.post(
        f"/api/clients/v1/plans/{plan.json()['id']}/goals",
        json={"area_code": "unemployment", "description": "Powrót do pracy"},
        headers={"If-Match": etag},
    )
    assert goal.status_code in (200, 201), goal.text
    body = goal.json()
    action = pup.post(
        f"/api/clients/v1/plans/{body['id']}/actions",
        json={
            "goal_id": body["goals"][0]["id"],
            "description": "Kontrakt socjalny w OPS",
            "service_type_code": "social_contract",
            "due_date": (date.today() + timedelta(days=30)).isoformat(),
        },
        headers={"If-Match": goal.headers["ETag"]},
    )
    assert action.status_code in (200, 201), action.text
    plan_body = action.json()
    return person, plan_body, plan_body["goals"][0]["actions"][0]["id"]


def test_a_plan_is_not_read_by_an_institution_that_only_serves_the_person(api: Api) -> None:
    person, plan, _ = _plan_with_an_action(api)
    ops, ngo = api.as_(OPS), api.as_(NGO)
    # Without any access to the person: the same 404 as for a plan that does not exist.
    problem(ops.get(f"/api/clients/v1/plans/{plan['id']}"), 404)
    # Registered for the person too (a walk-in client), still no part of the plan: 404.
    ok(
        ops.post(
            f"/api/clients/v1/persons/{person['id']}/registrations",
            json={"pesel": person["pesel"], "reason": "Osoba zgłosiła się do OPS po zasiłek"},
        ),
        201,
    )
    problem(ops.get(f"/api/clients/v1/plans/{plan['id']}"), 404)
    listed = ok(ops.get(f"/api/clients/v1/persons/{person['id']}/plans"))
    assert [p["id"] for p in listed["items"]] == []
    problem(ngo.get(f"/api/clients/v1/persons/{person['id']}/plans"), 404)
    # Nor can it change the PUP's plan, whatever ETag it guesses.
    changed = ops.patch(
        f"/api/clients/v1/plans/{plan['id']}",
        json={"next_review_due": date.today().isoformat()},
        headers={"If-Match": "*"},
    )
    assert changed.status_code == 404, changed.text


def test_ones_own_referral_cannot_be_attached_to_another_institutions_action(api: Api) -> None:
    person, plan, action_id = _plan_with_an_action(api)
    ops = api.as_(OPS)
    pup = api.as_(PUP)
    ok(
        ops.post(
            f"/api/clients/v1/persons/{person['id']}/registrations",
            json={"pesel": person["pesel"], "reason": "Osoba zgłosiła się do OPS po zasiłek"},
        ),
        201,
    )
    # The OPS refers the person onwards naming the PUP's plan action...
    sent = api.refer(ops, person["id"], pup.institution_id(), "job_placement", plan_action_id=action_id)
    assert sent.status_code == 201, sent.text
    # ...the registry refuses the link: the PUP's action shows no referral.
    read = ok(pup.get(f"/api/clients/v1/plans/{plan['id']}"))
    assert read["goals"][0]["actions"][0]["referral"] is None
    # The PUP's own referral from the action is linked.
    own = api.refer(pup, person["id"], ops.institution_id(), "social_contract", plan_action_id=action_id)
    assert own.status_code == 201, own.text
    linked = ok(pup.get(f"/api/clients/v1/plans/{plan['id']}"))
    assert linked["goals"][0]["actions"][0]["referral"]["referral_id"] == own.json()["id"]


def test_a_partnership_is_closed_to_outsiders_and_confirmations_to_non_parties(api: Api) -> None:
    ops, pup, ngo = api.as_(OPS), api.as_(PUP), api.as_(NGO)
    created = ops.post(
        "/api/directory/v1/partnerships",
        json={
            "name": "Partnerstwo testu bezpieczeństwa",
            "purpose": "Sprawdzenie granic dostępu",
            "area_teryt": ["1219"],
            "invited_institution_ids": [pup.institution_id()],
        },
    )
    assert created.status_code == 201, created.text
    pid = created.json()["id"]
    # An institution neither party nor invited learns nothing, not even that it exists.
    for path in ("", "/plan", "/meetings", "/evaluations", "/tasks"):
        problem(ngo.get(f"/api/directory/v1/partnerships/{pid}{path}"), 404)
    problem(
        ngo.get(
            f"/api/reporting/v1/partnerships/{pid}/measures", params={"from": "2026-01", "to": "2026-12"}
        ),
        404,
    )
    # It cannot answer an invitation it did not get, nor invite itself.
    refused = ngo.put(f"/api/directory/v1/partnerships/{pid}/invitation", json={"accept": True})
    assert refused.status_code == 404, refused.text
    joined = ngo.post(
        f"/api/directory/v1/partnerships/{pid}/invitations", json={"institution_id": ngo.institution_id()}
    )
    assert joined.status_code == 404, joined.text
    # The invited PUP sees the initiative but not the party-only parts.
    ok(pup.get(f"/api/directory/v1/partnerships/{pid}"))
    for path in ("/plan", "/meetings", "/evaluations", "/tasks"):
        denied = pup.get(f"/api/directory/v1/partnerships/{pid}{path}")
        assert denied.status_code == 404, (path, denied.text)
    # An analyst sees the summary only.
    analyst = api.as_(ANALYST)
    summary = ok(analyst.get(f"/api/directory/v1/partnerships/{pid}/summary"))
    assert "purpose" not in summary
    denied = analyst.get(f"/api/directory/v1/partnerships/{pid}/plan")
    assert denied.status_code == 404, denied.text
