"""Casework measures (issue #14), computed by hand on a small dataset (March 2025):

    OPS_W (Wieliczka) owns
      plan A  P1 joint_plan, parties PUP_W, based on D1 (diagnosed Mon 03-03), starts 03-06
              goals: unemployment achieved 03-20; housing assessed 03-21 then reopened 03-25
              actions: PUP_W 03-10 (first: 5 working days after 03-03), OPS_W 03-12 done,
                       NGO_W 03-13 cancelled
      plan A2 P1 individual_plan, starts 03-17 (P1 counted once), closed 04-10
      plan B  P2 individual_plan, starts 03-07; goal unemployment achieved 03-27;
              action OPS_W 03-07; reviewed 03-28 (due 03-31: on time)
      plan C  P3 joint_plan, parties OPS_W + NGO_W, based on D2 (diagnosed Mon 02-24), starts
              03-03; action NGO_W 03-04 (6 working days after 02-24); goal unemployment
              partly_achieved 03-24; reviewed 03-20 (due 03-14: late)
      plan E  P1 joint_plan without parties, starts 04-02 (outside the period)
      plan F  P2 individual_plan, starts 05-05 (outside the period): actions served by referrals
    OPS_K (Kraków) owns
      plan D  P4 joint_plan, parties PUP_W, starts 03-10; action PUP_W 03-11

A plan counts in every period it is in force (started by its last day, not closed before its
first). For OPS_W in March: persons 3 (joint_plan 2: P1, P3; individual_plan 2: P1, P2), joint 2;
goals (unemployment, achieved) 2, (unemployment, partly_achieved) 1; actions 4 (cancelled one
not counted), by another institution 2; diagnosis to first action [5, 6] (median 5, nearest
rank); reviewed 2, on time 1.
"""

import uuid

import pytest
from sqlalchemy import select

from splot.reporting import casework
from splot.reporting.ingestion import IngestContext
from splot.reporting.models import (
    CaseworkActionFact,
    CaseworkDiagnosisFact,
    CaseworkGoalFact,
    CaseworkPlanFact,
)
from splot.reporting.sources import FeedEvent

from casework_sample import march_dataset
from sample import at, ingest

MARCH = {"from": "2025-03", "to": "2025-03"}


@pytest.fixture
async def setup(sessionmaker, settings):
    f, i, p = march_dataset()
    await ingest(sessionmaker, f, settings)
    return f, i, p


async def _get(client, headers, params=MARCH):
    return await client.get("/v1/casework", params=params, headers=headers)


async def _body(client, headers, params=MARCH):
    response = await _get(client, headers, params)
    assert response.status_code == 200, response.text
    return response.json()


def _v(cell):
    return cell["value"]


def _flat(body) -> dict:
    return {
        "persons": _v(body["persons_with_plan"]),
        "by_type": {r["plan_type"]: _v(r["value"]) for r in body["persons_with_plan_by_type"]},
        "joint": _v(body["persons_with_joint_plan"]),
        "goals": {(r["area_code"], r["assessment"]): _v(r["value"]) for r in body["goals"]},
        "actions": (_v(body["actions"]), _v(body["actions_by_other_institution"])),
        "share_other": _v(body["share_by_other_institution"]),
        "to_first_action": (
            _v(body["plans_with_first_action_after_diagnosis"]),
            _v(body["median_working_days_diagnosis_to_first_action"]),
        ),
        "reviews": (_v(body["plans_reviewed"]), _v(body["plans_reviewed_on_time"])),
        "review_share": _v(body["review_on_time_share"]),
    }


OPS_W_MARCH = {
    "persons": 3,
    "by_type": {"joint_plan": 2, "individual_plan": 2},
    "joint": 2,
    "goals": {("unemployment", "achieved"): 2, ("unemployment", "partly_achieved"): 1},
    "actions": (4, 2),
    "share_other": 0.5,
    "to_first_action": (2, 5),
    "reviews": (2, 1),
    "review_share": 0.5,
}


async def test_an_institution_sees_the_exact_measures_of_its_own_plans(client, setup, staff):
    _, i, _ = setup
    body = await _body(client, staff(i["OPS_W"]))
    assert body["exact"] is True and body["scope"]["kind"] == "institution"
    assert _flat(body) == OPS_W_MARCH


async def test_an_institution_sees_nothing_of_plans_it_does_not_own(client, setup, staff):
    _, i, _ = setup
    body = await _body(client, staff(i["PUP_W"]))  # a party and an action owner, but owns no plan
    flat = _flat(body)
    assert (flat["persons"], flat["joint"], flat["actions"], flat["reviews"]) == (0, 0, (0, 0), (0, 0))
    assert flat["by_type"] == {} and flat["goals"] == {}
    assert flat["to_first_action"] == (0, None) and flat["review_share"] is None


async def test_a_plan_counts_in_every_period_it_is_in_force_until_closed(client, setup, staff):
    _, i, _ = setup
    april = _flat(await _body(client, staff(i["OPS_W"]), {"from": "2025-04", "to": "2025-04"}))
    # In force in April: A, A2 (closed 04-10), B, C and E (of the joint type but with no party
    # other than its owner: not a joint plan): P1, P2, P3; joint P1 (A) and P3 (C).
    assert (april["persons"], april["by_type"], april["joint"]) == (
        3,
        {"joint_plan": 2, "individual_plan": 2},
        2,
    )
    assert april["actions"] == (0, 0) and april["goals"] == {}
    may = _flat(await _body(client, staff(i["OPS_W"]), {"from": "2025-05", "to": "2025-05"}))
    # A2 closed in April: P1's individual plan no longer counts; F (P2, individual) starts.
    assert (may["persons"], may["by_type"], may["joint"]) == (3, {"joint_plan": 2, "individual_plan": 1}, 2)


async def test_an_action_served_by_an_accepted_referral_is_delivered_by_its_receiver(client, setup, staff):
    """Plan F (OPS_W, May): four actions of the owner; one served by a referral the NGO accepted
    (delivered by the NGO), one by a referral the PUP rejected (still the owner's), one by a
    referral to the owner itself, one without a referral: 1 of 4 by another institution."""
    _, i, _ = setup
    flat = _flat(await _body(client, staff(i["OPS_W"]), {"from": "2025-05", "to": "2025-05"}))
    assert flat["actions"] == (4, 1) and flat["share_other"] == 0.25


@pytest.mark.parametrize(
    ("territory", "persons", "joint", "actions"),
    [
        ("1219", 3, 2, (4, 2)),
        ("12", 4, 3, (5, 3)),
        ("", 4, 3, (5, 3)),
        ("1261", 1, 1, (1, 1)),
        ("14", 0, 0, (0, 0)),
    ],
)
async def test_analysts_see_the_plans_owned_in_their_territory(
    client, setup, analyst, exact, territory, persons, joint, actions
):
    flat = _flat(await _body(client, analyst(territory)))
    assert (flat["persons"], flat["joint"], flat["actions"]) == (persons, joint, actions)


async def test_without_suppression_an_analyst_gets_the_same_counts_but_no_median_of_two(
    client, setup, analyst, exact
):
    body = await _body(client, analyst("1219"))
    assert body["exact"] is False
    expected = {**OPS_W_MARCH, "to_first_action": (2, None)}
    assert _flat(body) == expected
    assert body["median_working_days_diagnosis_to_first_action"] == {"value": None, "suppressed": True}


async def test_small_counts_are_suppressed_for_an_analyst(client, setup, analyst):
    body = await _body(client, analyst("1219"))  # default policy: threshold 5, rounding to 5
    assert body["exact"] is False
    for name in ("persons_with_plan", "persons_with_joint_plan", "actions", "plans_reviewed"):
        assert body[name] == {"value": None, "suppressed": True}, name
    assert all(r["value"]["suppressed"] for r in body["goals"])
    assert body["review_on_time_share"] == {"value": None, "suppressed": True}


async def test_the_institution_sees_exact_small_counts_under_the_default_policy(client, setup, staff):
    _, i, _ = setup
    body = await _body(client, staff(i["OPS_W"]))
    assert body["persons_with_plan"] == {"value": 3, "suppressed": False}
    assert body["median_working_days_diagnosis_to_first_action"] == {"value": 5, "suppressed": False}


async def test_access_denied_and_malformed_requests(client, setup, tokens, analyst):
    assert (await _get(client, {})).status_code == 401
    service = tokens.service_headers("referrals", "events:read")
    assert (await _get(client, service)).status_code == 403
    missing = tokens.headers(roles=["analyst"], analyst_scope=None)
    assert (await _get(client, missing)).status_code == 403
    for params, code in (
        ({"from": "2025-13", "to": "2025-03"}, "validation_error"),
        ({"from": "2025-03"}, "validation_error"),
        ({"from": "2025-04", "to": "2025-03"}, "invalid_period"),
    ):
        response = await _get(client, analyst(""), params)
        assert response.status_code == 422 and response.json()["code"] == code, response.text
    assert (await client.get("/v1/casework/plans", params=MARCH, headers=analyst(""))).status_code == 404


async def test_an_institutions_system_with_the_reporting_scope_sees_its_own_plans(client, setup, tokens):
    _, i, _ = setup
    ops = i["OPS_W"]

    def system(scope: str) -> dict[str, str]:
        return tokens.headers(
            scope=scope,
            institution_id=ops.id,
            institution_type="OPS",
            teryt=ops.teryt,
            roles=(),
            ptype="client",
        )

    body = await _body(client, system("reporting:read"))
    assert body["exact"] is True and _flat(body) == OPS_W_MARCH
    assert (await _get(client, system("referrals:read"))).status_code == 403


async def test_persons_merged_after_their_plans_count_once(client, sessionmaker, settings, setup, staff):
    feeds, i, p = setup
    feeds.merge(p["P2"], p["P3"], when="2025-04-10")  # P3 (plan C) is now P2 (plans B)
    await ingest(sessionmaker, feeds, settings)
    flat = _flat(await _body(client, staff(i["OPS_W"])))
    assert (flat["persons"], flat["by_type"], flat["joint"]) == (
        2,
        {"joint_plan": 2, "individual_plan": 2},
        2,
    )


# --- ingestion -------------------------------------------------------------------------------


async def test_facts_hold_no_registry_id_and_no_free_text(sessionmaker, setup):
    _, _, p = setup
    async with sessionmaker() as session:
        plans = (await session.scalars(select(CaseworkPlanFact))).all()
        diagnoses = (await session.scalars(select(CaseworkDiagnosisFact))).all()
        goals = (await session.scalars(select(CaseworkGoalFact))).all()
        actions = (await session.scalars(select(CaseworkActionFact))).all()
    assert (len(plans), len(diagnoses), len(goals), len(actions)) == (7, 2, 4, 10)
    raw_ids = {str(v) for v in p.values()}
    for row in (*plans, *diagnoses):
        assert row.person_pseudonym and row.person_pseudonym not in raw_ids
    columns = {
        c.name for m in (CaseworkPlanFact, CaseworkGoalFact, CaseworkActionFact) for c in m.__table__.c
    }
    assert not columns & {"person_id", "notes", "description", "text", "decision", "title"}
    reopened = [g for g in goals if g.area_code == "housing"]
    assert reopened[0].assessment is None and reopened[0].assessed_on is None
    signed = [d for d in diagnoses if d.signed_on is not None]
    assert len(signed) == 1 and all(d.joint for d in diagnoses)


async def test_the_newest_event_wins_and_an_older_one_changes_nothing(sessionmaker, setup, settings):
    feeds, _, _ = setup
    ctx = IngestContext.from_settings(settings)
    created = next(e for e in feeds.clients.events if e.type == "plan.created")
    plan_id = uuid.UUID(created.payload["plan_id"])

    def event(seq: int, **changes) -> FeedEvent:
        payload = {**created.payload, **changes}
        return FeedEvent(seq, uuid.uuid4(), "plan.updated", "plan", str(plan_id), at("2025-03-30"), payload)

    head = feeds.clients.events[-1].seq
    async with sessionmaker() as session, session.begin():
        await casework.casework_event(session, event(created.seq, status="closed"), ctx)  # overtaken
        assert (await session.get(CaseworkPlanFact, plan_id)).status == "active"
        await casework.casework_event(session, event(head + 1, status="closed"), ctx)
        await casework.casework_event(session, event(head, status="active"), ctx)  # older than the last
        row = await session.get(CaseworkPlanFact, plan_id)
        assert (row.status, row.last_event_seq) == ("closed", head + 1)
