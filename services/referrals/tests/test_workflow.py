"""Every transition of referral-workflow.md, allowed and refused, through the API.

The expectations below are written out from the specification (not read from the service's own
table), so a wrong table entry fails here."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals.models import AccessSync, FollowUp, Notification, Referral, ReferralEvent

from conftest import act, create, referral_body, step

OPEN = ("accepted", "in_progress", "on_hold")
ALL_STATUSES = (
    "draft",
    "requested",
    "accepted",
    "rejected",
    "in_progress",
    "on_hold",
    "completed",
    "failed",
    "cancelled",
    "entered_in_error",
)

# action: (from statuses, side, resulting status or None (same), flag set, event type)
SPEC = {
    "send": (("draft",), "sender", "requested", None, "referral.sent"),
    "discard": (("draft",), "sender", "deleted", None, None),
    "accept": (("requested",), "receiver", "accepted", None, "referral.accepted"),
    "reject": (("requested",), "receiver", "rejected", None, "referral.rejected"),
    "withdraw": (("requested",), "sender", "cancelled", None, "referral.withdrawn"),
    "start": (("accepted",), "receiver", "in_progress", None, "referral.started"),
    "hold": (("accepted", "in_progress"), "receiver", "on_hold", None, "referral.held"),
    "resume": (("on_hold",), "receiver", "in_progress", None, "referral.resumed"),
    "complete": (OPEN, "receiver", "completed", None, "referral.completed"),
    "fail": (OPEN, "receiver", "failed", None, "referral.failed"),
    "request_cancellation": (
        OPEN,
        "sender",
        None,
        "cancellation_requested",
        "referral.cancellation_requested",
    ),
    "confirm_cancellation": (OPEN, "receiver", "cancelled", None, "referral.cancelled"),  # with the flag
    "cancel": (OPEN, "receiver", "cancelled", None, "referral.cancelled"),
    "mark_in_error": (
        tuple(s for s in ALL_STATUSES if s not in ("draft", "entered_in_error")),
        "sender",
        "entered_in_error",
        None,
        "referral.marked_in_error",
    ),
    "reopen": (("rejected", "cancelled", "failed"), "sender", "requested", None, "referral.reopened"),
    "acknowledge": (("completed", "failed"), "sender", None, "acknowledged", "referral.acknowledged"),
    "set_business_status": (
        ("requested", *OPEN),
        "receiver",
        None,
        None,
        "referral.business_status_changed",
    ),
}

PAYLOADS = {
    "send": {},
    "discard": {},
    "accept": {"planned_start_date": "2026-12-01"},
    "reject": {"reason_code": "no_capacity", "declined_by": "provider", "text": "Brak miejsc w grupie"},
    "withdraw": {"reason_code": "duplicate", "text": "Wysłane dwa razy"},
    "start": {},
    "hold": {"text": "Przerwa w zajęciach", "reason_code": "other"},
    "resume": {},
    "complete": {"outcome_codes": ["social_contract_signed"], "delivered": "Kontrakt socjalny, 3 spotkania"},
    "fail": {"reason_code": "client_unreachable", "text": "Trzy próby kontaktu bez skutku"},
    "request_cancellation": {"text": "Osoba podjęła pracę"},
    "confirm_cancellation": {},
    "cancel": {"reason_code": "client_declined"},
    "mark_in_error": {"text": "Skierowanie wprowadzone omyłkowo"},
    "reopen": {"text": "Osoba jednak chce skorzystać"},
    "acknowledge": {},
    "set_business_status": {"business_status": "appointment_scheduled"},
}

# How to reach each state from a sent referral: (side, action) steps.
PATHS = {
    "requested": [],
    "accepted": [("receiver", "accept")],
    "in_progress": [("receiver", "accept"), ("receiver", "start")],
    "on_hold": [("receiver", "accept"), ("receiver", "hold")],
    "rejected": [("receiver", "reject")],
    "completed": [("receiver", "accept"), ("receiver", "complete")],
    "failed": [("receiver", "accept"), ("receiver", "fail")],
    "cancelled": [("sender", "withdraw")],
    "entered_in_error": [("sender", "mark_in_error")],
}


def actor(world, side):
    return world.pup_co if side == "sender" else world.ops_co


async def reach(client, world, status, *, flag=None):
    """A referral PUP -> OPS in ``status`` (optionally with a flag set); returns (body, etag)."""
    if status == "draft":
        response = await client.post(
            "/v1/referrals", json=referral_body(world, send=False), headers=world.headers(world.pup_cw)
        )
        return response.json(), response.headers["etag"]
    body, etag = await create(client, world)
    for side, action in PATHS[status]:
        body, etag = await step(client, world, actor(world, side), body, etag, action, **PAYLOADS[action])
    if flag == "cancellation_requested":
        body, etag = await step(
            client, world, world.pup_co, body, etag, "request_cancellation", text="Proszę"
        )
    if flag == "acknowledged":
        body, etag = await step(client, world, world.pup_co, body, etag, "acknowledge")
    assert body["status"] == status
    return body, etag


CASES = [(action, status) for action, (sources, *_rest) in SPEC.items() for status in sources]


@pytest.mark.parametrize(("action", "from_status"), CASES, ids=[f"{a}-from-{s}" for a, s in CASES])
async def test_allowed_transition(client, world, session, action, from_status):
    sources, side, to_status, flag, event_type = SPEC[action]
    needs_flag = "cancellation_requested" if action == "confirm_cancellation" else None
    body, etag = await reach(client, world, from_status, flag=needs_flag)
    other = "receiver" if side == "sender" else "sender"
    view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(actor(world, side)))
    assert action in [a["action"] for a in view.json()["allowed_actions"]]

    # The other side may not take it, a third institution does not even see the referral.
    if not (from_status == "draft" and other == "receiver"):
        wrong = await act(client, world, actor(world, other), body, etag, action, **PAYLOADS[action])
        assert wrong.status_code == 403 and wrong.json()["code"] == "wrong_side", wrong.text
    third = await act(client, world, world.other_co, body, etag, action, **PAYLOADS[action])
    assert third.status_code == 404

    response = await act(client, world, actor(world, side), body, etag, action, **PAYLOADS[action])
    if to_status == "deleted":
        assert response.status_code == 204
        assert await session.get(Referral, uuid.UUID(body["id"])) is None
        return
    assert response.status_code == 200, response.text
    after = response.json()
    assert after["status"] == (to_status or from_status)
    if flag:
        assert after[flag] is True
    assert after["version"] == body["version"] + 1
    assert response.headers["etag"] == f'"{body["id"]}.{after["version"]}"'

    rows = (
        await session.scalars(
            select(ReferralEvent)
            .where(ReferralEvent.referral_id == uuid.UUID(body["id"]))
            .order_by(ReferralEvent.version)
        )
    ).all()
    last = rows[-1]
    assert (last.action, last.from_status, last.to_status, last.version) == (
        action,
        from_status,
        after["status"],
        after["version"],
    )
    assert last.actor_institution_id == (world.pup if side == "sender" else world.ops)
    events = (
        (
            await session.execute(
                select(outbox_event)
                .where(outbox_event.c.aggregate_id == body["id"])
                .order_by(outbox_event.c.seq)
            )
        )
        .mappings()
        .all()
    )
    assert events[-1]["type"] == event_type
    payload = events[-1]["payload"]
    assert payload["action"] == action and payload["from_status"] == from_status
    assert payload["to_status"] == after["status"] and payload["referral"]["version"] == after["version"]
    other_institution = world.ops if side == "sender" else world.pup
    notes = (
        await session.scalars(
            select(Notification).where(
                Notification.referral_id == uuid.UUID(body["id"]), Notification.kind == event_type
            )
        )
    ).all()
    assert notes and {n.recipient_institution_id for n in notes} == {other_institution}


REFUSAL_STATES = [(s, None) for s in ALL_STATUSES] + [
    ("accepted", "cancellation_requested"),
    ("completed", "acknowledged"),
]


@pytest.mark.parametrize(
    ("status", "flag"), REFUSAL_STATES, ids=[f"{s}-{f or 'plain'}" for s, f in REFUSAL_STATES]
)
async def test_illegal_transitions_are_409_and_name_what_is_allowed(client, world, status, flag):
    body, etag = await reach(client, world, status, flag=flag)
    for action, (sources, side, *_rest) in SPEC.items():
        allowed_here = status in sources
        if action == "confirm_cancellation":
            allowed_here = allowed_here and flag == "cancellation_requested"
        if action == "request_cancellation" and flag == "cancellation_requested":
            allowed_here = False
        if action == "acknowledge" and flag == "acknowledged":
            allowed_here = False
        if allowed_here or (status == "draft" and side == "receiver"):
            continue
        response = await act(client, world, actor(world, side), body, etag, action, **PAYLOADS[action])
        assert response.status_code == 409, (action, response.text)
        problem = response.json()
        assert problem["code"] == "illegal_transition" and problem["current_status"] == status
        expected = [
            a
            for a, (srcs, s, *_r) in SPEC.items()
            if s == side
            and status in srcs
            and not (a == "confirm_cancellation" and flag != "cancellation_requested")
            and not (a == "request_cancellation" and flag == "cancellation_requested")
            and not (a == "acknowledge" and flag == "acknowledged")
            and not (a == "reopen" and status not in ("rejected", "cancelled", "failed"))
        ]
        if side == "receiver" and status in ("accepted", "in_progress"):
            expected.append("forward")
        if side == "receiver" and status in ("requested", *OPEN):
            expected.append("assign")  # (its own tests: test_assignment.py)
        assert sorted(problem["allowed_actions"]) == sorted(expected), action
    # Nothing changed.
    again = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.pup_co))
    assert again.headers["etag"] == etag


async def test_allowed_actions_depend_on_side_and_role(client, world):
    body, _ = await create(client, world)

    async def actions(staff):
        response = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(staff))
        return {a["action"]: a for a in response.json()["allowed_actions"]}

    receiver = await actions(world.ops_cw)
    assert set(receiver) == {"accept", "reject", "set_business_status", "assign"}
    assert receiver["reject"]["required_fields"] == ["reason_code", "declined_by", "text"]
    assert receiver["accept"]["endpoint"] == "transitions"
    assert set(await actions(world.pup_cw)) == {"withdraw"}
    assert set(await actions(world.pup_co)) == {"withdraw", "mark_in_error"}
    sender_view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.pup_cw))
    assert sender_view.json()["my_sides"] == ["sender"]


async def test_coordinator_only_actions(client, world):
    body, etag = await create(client, world)
    refused = await act(client, world, world.pup_cw, body, etag, "mark_in_error", text="pomyłka")
    assert refused.status_code == 403 and refused.json()["code"] == "role_required"
    body, etag = await step(
        client, world, world.pup_cw, body, etag, "withdraw", reason_code="duplicate", text="x"
    )
    refused = await act(client, world, world.pup_cw, body, etag, "reopen", text="jednak tak")
    assert refused.status_code == 403 and refused.json()["required_roles"] == ["coordinator"]
    reopened, _ = await step(client, world, world.pup_co, body, etag, "reopen", text="jednak tak")
    assert (
        reopened["status"] == "requested" and reopened["reason_code"] is None and reopened["ended_at"] is None
    )


async def test_caseworkers_act_only_on_referrals_assigned_to_them(client, world):
    body, etag = await create(client, world)
    body, etag = await step(
        client, world, world.ops_cw, body, etag, "accept", assignee_user_id=str(world.ops_cw.user_id)
    )
    assert body["assignee_user_id"] == str(world.ops_cw.user_id)
    other = await act(client, world, world.ops_cw2, body, etag, "start")
    assert other.status_code == 403 and other.json()["code"] == "not_assignee"
    view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.ops_cw2))
    assert "start" not in [a["action"] for a in view.json()["allowed_actions"]]
    body, etag = await step(client, world, world.ops_co, body, etag, "start")  # a coordinator may
    body, etag = await step(client, world, world.ops_cw, body, etag, "hold", text="urlop")
    assert body["status"] == "on_hold"


async def test_payload_rules(client, world):
    body, etag = await create(client, world)
    missing = await act(client, world, world.ops_cw, body, etag, "reject", reason_code="no_capacity")
    assert missing.status_code == 422 and missing.json()["missing_fields"] == ["declined_by", "text"]
    unexpected = await act(client, world, world.ops_cw, body, etag, "accept", outcome_codes=["employed"])
    assert unexpected.status_code == 422 and unexpected.json()["unexpected_fields"] == ["outcome_codes"]
    system_reason = await act(
        client,
        world,
        world.ops_cw,
        body,
        etag,
        "reject",
        reason_code="no_response",
        declined_by="provider",
        text="x",
    )
    assert system_reason.status_code == 422 and system_reason.json()["code"] == "invalid_reason_code"
    wrong_action = await act(
        client, world, world.pup_cw, body, etag, "withdraw", reason_code="no_capacity", text="x"
    )
    assert wrong_action.status_code == 422 and wrong_action.json()["code"] == "invalid_reason_code"
    unknown = await act(client, world, world.ops_cw, body, etag, "dance")
    assert unknown.status_code == 422
    expire = await act(client, world, world.ops_cw, body, etag, "expire")
    assert expire.status_code == 422  # the system's action is not offered to people
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    bad_outcome = await act(
        client, world, world.ops_cw, body, etag, "complete", outcome_codes=["rich"], delivered="x"
    )
    assert bad_outcome.status_code == 422 and bad_outcome.json()["invalid_codes"] == ["rich"]
    followup_code = await act(
        client, world, world.ops_cw, body, etag, "complete", outcome_codes=["still_employed"], delivered="x"
    )
    assert followup_code.status_code == 422
    repeated = await act(
        client,
        world,
        world.ops_cw,
        body,
        etag,
        "complete",
        outcome_codes=["employed", "employed"],
        delivered="x",
    )
    assert repeated.status_code == 422


async def test_if_match_is_required_and_checked(client, world):
    body, etag = await create(client, world)
    url = f"/v1/referrals/{body['id']}/transitions"
    missing = await client.post(url, json={"action": "accept"}, headers=world.headers(world.ops_cw))
    assert missing.status_code == 428 and missing.json()["code"] == "precondition_required"
    await step(
        client, world, world.ops_cw, body, etag, "set_business_status", business_status="contact_attempted"
    )
    stale = await act(client, world, world.ops_cw, body, etag, "accept")
    assert stale.status_code == 412 and stale.json()["code"] == "stale_etag"


async def test_cancellation_handshake(client, world, session):
    body, etag = await reach(client, world, "in_progress")
    body, etag = await step(
        client, world, world.pup_cw, body, etag, "request_cancellation", text="Podjął pracę"
    )
    assert body["cancellation_requested"] is True and body["status"] == "in_progress"
    again = await act(client, world, world.pup_cw, body, etag, "request_cancellation", text="x")
    assert again.status_code == 409
    # The receiver may still complete instead of confirming.
    done, _ = await step(
        client, world, world.ops_cw, body, etag, "complete", outcome_codes=["employed"], delivered="Staż"
    )
    assert done["status"] == "completed" and done["cancellation_requested"] is True


async def test_reopen_window(client, world, session, app):
    body, etag = await reach(client, world, "rejected")
    await session.execute(
        update(Referral)
        .where(Referral.id == uuid.UUID(body["id"]))
        .values(ended_at=utcnow() - timedelta(days=app.state.settings.reopen_window_days + 1))
    )
    late = await act(client, world, world.pup_co, body, etag, "reopen", text="za późno")
    assert late.status_code == 409 and late.json()["code"] == "reopen_window_passed"
    view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.pup_co))
    assert "reopen" not in [a["action"] for a in view.json()["allowed_actions"]]


async def _syncs(session, referral_id):
    return (
        await session.scalars(
            select(AccessSync)
            .where(AccessSync.referral_id == uuid.UUID(referral_id))
            .order_by(AccessSync.version)
            .execution_options(populate_existing=True)
        )
    ).all()


async def test_the_receivers_access_follows_the_referral(client, world, peers, session, app):
    body, etag = await reach(client, world, "rejected")
    syncs = await _syncs(session, body["id"])
    # Sent (access given), then rejected (access ended with the retention window); each delivered.
    assert [(s.state["active"], s.state["retention_days"]) for s in syncs] == [
        (True, None),
        (False, app.state.settings.access_retention_days),
    ]
    assert all(s.done_at is not None for s in syncs)
    assert [s.version for s in syncs] == sorted(s.version for s in syncs)
    grants_before = len(peers.grants)
    long_ago = utcnow() - timedelta(days=10)
    await session.execute(
        update(Referral).where(Referral.id == uuid.UUID(body["id"])).values(due_at=long_ago)
    )
    reopened, etag = await step(client, world, world.pup_co, body, etag, "reopen", text="druga próba")
    assert len(peers.grants) == grants_before + 1  # access given again
    assert peers.access[-1].active and peers.access[-1].accepted is False
    assert peers.access[-1].version == reopened["version"]
    assert reopened["due_at"] > utcnow().isoformat() and reopened["overdue"] is False
    accepted, etag = await step(client, world, world.ops_cw, reopened, etag, "accept")
    assert peers.access[-1].accepted is True and peers.access[-1].version == accepted["version"]
    # Marking in error ends access at once (no retention).
    await step(client, world, world.pup_co, accepted, etag, "mark_in_error", text="pomyłka")
    assert peers.access[-1].active is False and peers.access[-1].retention_days == 0


async def test_reopen_checks_consent_again(client, world, peers):
    consent = peers.add_consent(world.person, world.ngo)
    body, etag = await create(
        client, world, world.ops_cw, world.ngo, service_type_code="kis", legal_basis={"kind": "consent"}
    )
    body, etag = await step(
        client,
        world,
        world.ngo_cw,
        body,
        etag,
        "reject",
        reason_code="no_capacity",
        declined_by="provider",
        text="x",
    )
    peers.consents[consent].status = "withdrawn"
    refused = await act(client, world, world.ops_co, body, etag, "reopen", text="miejsce się zwolniło")
    assert refused.status_code == 422 and refused.json()["code"] == "consent_withdrawn"


async def test_referral_events_are_immutable_and_listed(client, world, session):
    body, etag = await reach(client, world, "in_progress")
    history = await client.get(f"/v1/referrals/{body['id']}/events", headers=world.headers(world.pup_cw))
    assert [e["action"] for e in history.json()["items"]] == ["send", "accept", "start"]
    assert [e["version"] for e in history.json()["items"]] == [2, 3, 4]
    row = (
        await session.scalars(select(ReferralEvent).where(ReferralEvent.referral_id == uuid.UUID(body["id"])))
    ).first()
    row.text = "tampered"
    with pytest.raises(RuntimeError, match="immutable"):
        await session.flush()


async def test_employment_outcome_schedules_follow_ups(client, world, session):
    body, etag = await reach(client, world, "accepted")
    done, _ = await step(
        client,
        world,
        world.ops_cw,
        body,
        etag,
        "complete",
        outcome_codes=["employed", "goals_met"],
        delivered="Praca",
    )
    followups = (
        await session.scalars(
            select(FollowUp)
            .where(FollowUp.referral_id == uuid.UUID(body["id"]))
            .order_by(FollowUp.due_months)
        )
    ).all()
    assert [(f.due_months, f.institution_id, f.status) for f in followups] == [
        (3, world.pup, "open"),
        (6, world.pup, "open"),
    ]
    assert followups[0].due_at.month != followups[1].due_at.month
    other, oetag = await reach(client, world, "accepted")
    await step(
        client, world, world.ops_cw, other, oetag, "complete", outcome_codes=["goals_met"], delivered="x"
    )
    none = (
        await session.scalars(select(FollowUp).where(FollowUp.referral_id == uuid.UUID(other["id"])))
    ).all()
    assert none == []
