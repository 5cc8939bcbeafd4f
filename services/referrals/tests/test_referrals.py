"""Drafts, sending (with the registry's checks and access grants), peer failures, idempotency and
the published event shape."""

import uuid
from datetime import timedelta

from sqlalchemy import func, select

from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals.models import AccessSync, Notification, Referral, ReferralEvent

from conftest import STATUTORY, act, create, referral_body, run_scheduler, step

SNAPSHOT_KEYS = {
    "id",
    "number",
    "version",
    "parent_referral_id",
    "chain_root_id",
    "chain_depth",
    "person_id",
    "sender_institution_id",
    "target_institution_id",
    "target_offer_id",
    "service_type_code",
    "priority",
    "programme",
    "status",
    "business_status",
    "legal_basis_kind",
    "reason_code",
    "declined_by",
    "outcome_codes",
    "cancellation_requested",
    "acknowledged",
    "created_at",
    "sent_at",
    "responded_at",
    "accepted_at",
    "started_at",
    "ended_at",
    "due_at",
    "overdue",
}


async def _events(session, referral_id):
    return (
        (
            await session.execute(
                select(outbox_event)
                .where(outbox_event.c.aggregate_id == str(referral_id))
                .order_by(outbox_event.c.seq)
            )
        )
        .mappings()
        .all()
    )


async def test_a_draft_is_saved_edited_and_sent(client, world, peers, session):
    response = await client.post(
        "/v1/referrals",
        json={"person_id": str(world.person), "service_type_code": "social_work"},
        headers=world.headers(world.pup_cw),
    )
    assert response.status_code == 201, response.text
    draft = response.json()
    assert draft["status"] == "draft" and draft["number"].startswith("SK-")
    assert response.headers["etag"] == f'"{draft["id"]}.1"'
    assert {a["action"] for a in draft["allowed_actions"]} == {"send", "discard"}
    assert draft["sent_at"] is None and draft["due_at"] is None
    # Drafts reach no feed and nobody but the sender.
    assert await _events(session, draft["id"]) == []
    assert (
        await client.get(f"/v1/referrals/{draft['id']}", headers=world.headers(world.ops_co))
    ).status_code == 404

    incomplete = await act(client, world, world.pup_cw, draft, response.headers["etag"], "send")
    assert incomplete.status_code == 422 and incomplete.json()["code"] == "incomplete_referral"
    assert set(incomplete.json()["missing_fields"]) == {"target_institution_id", "legal_basis"}

    no_etag = await client.patch(
        f"/v1/referrals/{draft['id']}", json={"programme": "PAI"}, headers=world.headers(world.pup_cw)
    )
    assert no_etag.status_code == 428
    edited = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"target_institution_id": str(world.ops), "legal_basis": STATUTORY, "programme": "PAI"},
        headers=world.headers(world.pup_cw, **{"If-Match": response.headers["etag"]}),
    )
    assert edited.status_code == 200, edited.text
    citation = "art. 1 ustawy testowej"
    assert edited.json()["legal_basis"] == {
        **STATUTORY,
        "citation": citation,
        "article": citation,
        "consent_id": None,
    }
    assert edited.json()["version"] == 2
    stale = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"programme": "X"},
        headers=world.headers(world.pup_cw, **{"If-Match": response.headers["etag"]}),
    )
    assert stale.status_code == 412 and stale.json()["code"] == "stale_etag"

    sent, etag = await step(client, world, world.pup_cw, draft, edited.headers["etag"], "send")
    assert sent["status"] == "requested" and sent["sent_at"] and sent["due_at"] and sent["expires_at"]
    assert sent["target_institution_type"] == "OPS" and sent["programme"] == "PAI"
    assert peers.grants and peers.grants[-1].institution_id == world.ops
    assert (
        peers.grants[-1].referral_id == uuid.UUID(draft["id"]) and peers.grants[-1].legal_basis == "statutory"
    )
    edit_sent = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"programme": "X"},
        headers=world.headers(world.pup_cw, **{"If-Match": etag}),
    )
    assert edit_sent.status_code == 409 and edit_sent.json()["code"] == "not_a_draft"
    # Now the receiver sees it, and is told.
    assert (
        await client.get(f"/v1/referrals/{draft['id']}", headers=world.headers(world.ops_cw))
    ).status_code == 200
    kinds = (
        await session.scalars(
            select(Notification.kind).where(Notification.referral_id == uuid.UUID(sent["id"]))
        )
    ).all()
    assert kinds == ["referral.sent"]


async def test_sent_event_has_exactly_the_published_shape(client, world, session):
    body, _ = await create(client, world, needs_description="Dług i eksmisja — Jan Kowalski")
    events = await _events(session, body["id"])
    assert [e["type"] for e in events] == ["referral.sent"]
    event = events[0]
    assert event["aggregate_type"] == "referral"
    payload = event["payload"]
    assert set(payload) == {"action", "from_status", "to_status", "actor_institution_id", "referral"}
    assert (
        payload["action"] == "send"
        and payload["from_status"] == "draft"
        and payload["to_status"] == "requested"
    )
    assert payload["actor_institution_id"] == str(world.pup)
    assert set(payload["referral"]) == SNAPSHOT_KEYS
    snap = payload["referral"]
    assert (
        snap["legal_basis_kind"] == "statutory" and snap["outcome_codes"] == [] and snap["overdue"] is False
    )
    assert snap["sent_at"].endswith("+00:00") and snap["version"] == body["version"]
    assert "Kowalski" not in str(payload) and "needs_description" not in snap


async def test_discard_deletes_only_drafts(client, world, session):
    response = await client.post(
        "/v1/referrals", json=referral_body(world, send=False), headers=world.headers(world.pup_cw)
    )
    draft, etag = response.json(), response.headers["etag"]
    wrong = await client.delete(f"/v1/referrals/{draft['id']}", headers=world.headers(world.pup_cw))
    assert wrong.status_code == 428
    gone = await client.delete(
        f"/v1/referrals/{draft['id']}", headers=world.headers(world.pup_cw, **{"If-Match": etag})
    )
    assert gone.status_code == 204
    assert await session.get(Referral, uuid.UUID(draft["id"])) is None
    # Through the transitions endpoint too.
    response = await client.post(
        "/v1/referrals", json=referral_body(world, send=False), headers=world.headers(world.pup_cw)
    )
    discarded = await act(client, world, world.pup_cw, response.json(), response.headers["etag"], "discard")
    assert discarded.status_code == 204
    sent, etag = await create(client, world)
    refused = await client.delete(
        f"/v1/referrals/{sent['id']}", headers=world.headers(world.pup_cw, **{"If-Match": etag})
    )
    assert refused.status_code == 409 and refused.json()["code"] == "illegal_transition"


async def test_targets_needing_consent(client, world, peers):
    statutory = await client.post(
        "/v1/referrals",
        json=referral_body(world, world.ngo, service_type_code="kis"),
        headers=world.headers(world.ops_cw),
    )
    assert statutory.status_code == 422 and statutory.json()["code"] == "consent_required"
    missing = await client.post(
        "/v1/referrals",
        json=referral_body(world, world.ngo, service_type_code="kis", legal_basis={"kind": "consent"}),
        headers=world.headers(world.ops_cw),
    )
    assert missing.status_code == 422 and missing.json()["code"] == "consent_missing"
    consent = peers.add_consent(world.person, world.ngo)
    ok = await client.post(
        "/v1/referrals",
        json=referral_body(world, world.ngo, service_type_code="kis", legal_basis={"kind": "consent"}),
        headers=world.headers(world.ops_cw),
    )
    assert ok.status_code == 201, ok.text
    # The registry found the covering consent; it is recorded and passed on with the grant.
    assert ok.json()["legal_basis"] == {
        "kind": "consent",
        "code": None,
        "citation": None,
        "article": None,
        "consent_id": str(consent),
    }
    assert peers.grants[-1].consent_id == consent and peers.grants[-1].legal_basis == "consent"
    peers.consents[consent].status = "withdrawn"
    withdrawn = await client.post(
        "/v1/referrals",
        json=referral_body(
            world,
            world.ngo,
            service_type_code="kis",
            legal_basis={"kind": "consent", "consent_id": str(consent)},
        ),
        headers=world.headers(world.ops_cw),
    )
    assert withdrawn.status_code == 422 and withdrawn.json()["code"] == "consent_withdrawn"


async def test_consent_rule_is_configurable(client, world, app):
    app.state.settings.consent_required_types = ["NGO", "CIS", "KIS", "OPS"]
    response = await client.post(
        "/v1/referrals", json=referral_body(world), headers=world.headers(world.pup_cw)
    )
    assert response.status_code == 422 and response.json()["code"] == "consent_required"


async def test_registry_and_directory_refusals(client, world, peers):
    headers = world.headers(world.pup_cw)
    cases = [
        (referral_body(world, person=uuid.uuid4()), 422, "person_not_found"),
        (referral_body(world, uuid.uuid4()), 422, "unknown_institution"),
        (referral_body(world, world.pup), 422, "same_institution"),
        (referral_body(world, service_type_code="no_such_type"), 422, "unknown_service_type"),
        (referral_body(world, service_type_code="retired_type"), 422, "unknown_service_type"),
        (referral_body(world, target_offer_id=str(uuid.uuid4())), 422, "offer_mismatch"),
        (
            referral_body(world, target_offer_id=str(peers.add_offer(world.other, "social_work"))),
            422,
            "offer_mismatch",
        ),
    ]
    inactive = peers.add_institution("OPS", active=False)
    cases.append((referral_body(world, inactive), 422, "institution_inactive"))
    merged = peers.add_person(status="merged", merged_into=world.person)
    cases.append((referral_body(world, person=merged), 422, "person_not_active"))
    for body, status, code in cases:
        response = await client.post("/v1/referrals", json=body, headers=headers)
        assert (response.status_code, response.json()["code"]) == (status, code), body
    peers.blocked_senders.add(world.pup)
    blocked = await client.post("/v1/referrals", json=referral_body(world), headers=headers)
    assert blocked.status_code == 403 and blocked.json()["code"] == "sender_not_allowed"
    assert peers.grants == []


async def test_offer_of_the_target_is_accepted_and_sensitivity_is_copied(client, world, peers):
    offer = peers.add_offer(world.ngo, "addiction_therapy")
    consent = peers.add_consent(world.person, world.ngo)
    body, _ = await create(
        client,
        world,
        world.ops_cw,
        world.ngo,
        service_type_code="addiction_therapy",
        target_offer_id=str(offer),
        legal_basis={"kind": "consent", "consent_id": str(consent)},
    )
    assert body["target_offer_id"] == str(offer) and body["sensitive"] is True
    assert peers.grants[-1].covers_sensitive is True
    assert peers.checks[-1].sensitive is True and peers.checks[-1].target_institution_type == "NGO"


async def test_peer_failure_is_a_503_and_nothing_is_half_done(client, world, peers, session):
    before = (await session.execute(select(func.count()).select_from(Referral))).scalar_one()
    for method in ("institution", "service_types", "check_referral", "person_summary"):
        peers.down = {method}
        response = await client.post(
            "/v1/referrals", json=referral_body(world), headers=world.headers(world.pup_cw)
        )
        assert response.status_code == 503, method
        assert response.json()["code"] == "peer_unavailable" and response.headers["retry-after"]
    peers.down = set()
    after = (await session.execute(select(func.count()).select_from(Referral))).scalar_one()
    assert after == before
    assert (await session.execute(select(func.count()).select_from(ReferralEvent))).scalar_one() == 0
    assert (await session.execute(select(func.count()).select_from(outbox_event))).scalar_one() == 0
    assert (await session.execute(select(func.count()).select_from(AccessSync))).scalar_one() == 0
    assert peers.access == []


async def test_access_is_given_only_after_the_referral_committed(client, world, peers, session, app):
    """The receiver's access is recorded with the referral and handed to the registry after the
    commit: a registry that is down then does not undo the referral, and gets it later."""
    response = await client.post(
        "/v1/referrals", json=referral_body(world, send=False), headers=world.headers(world.pup_cw)
    )
    draft, etag = response.json(), response.headers["etag"]
    assert peers.access == []  # a draft gives no access
    peers.down = {"put_access"}
    sent = await act(client, world, world.pup_cw, draft, etag, "send")
    assert sent.status_code == 200 and sent.json()["status"] == "requested"
    assert peers.access == []
    [pending] = (
        await session.scalars(select(AccessSync).where(AccessSync.referral_id == uuid.UUID(draft["id"])))
    ).all()
    await session.refresh(pending)
    assert pending.done_at is None and pending.attempts == 1
    assert pending.state["active"] is True and pending.version == sent.json()["version"]
    peers.down = set()
    report = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    assert report.access_synced == 1
    [state] = peers.access
    assert (state.referral_id, state.institution_id, state.sender_institution_id) == (
        uuid.UUID(draft["id"]),
        world.ops,
        world.pup,
    )


async def test_idempotency_key_replays_the_creation(client, world, session):
    headers = world.headers(world.pup_cw, **{"Idempotency-Key": "create-1"})
    body = referral_body(world)
    first = await client.post("/v1/referrals", json=body, headers=headers)
    second = await client.post("/v1/referrals", json=body, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert (
        second.headers.get("idempotent-replayed") == "true"
        and second.headers["etag"] == first.headers["etag"]
    )
    count = await session.execute(
        select(func.count()).select_from(Referral).where(Referral.person_id == world.person)
    )
    assert count.scalar_one() == 1
    other = await client.post("/v1/referrals", json={**body, "priority": "urgent"}, headers=headers)
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"


async def test_idempotency_key_on_a_transition(client, world):
    body, etag = await create(client, world)
    headers = world.headers(world.ops_cw, **{"If-Match": etag, "Idempotency-Key": "accept-1"})
    url = f"/v1/referrals/{body['id']}/transitions"
    first = await client.post(url, json={"action": "accept"}, headers=headers)
    again = await client.post(url, json={"action": "accept"}, headers=headers)
    assert first.status_code == again.status_code == 200
    assert (
        again.headers.get("idempotent-replayed") == "true"
        and again.json()["version"] == first.json()["version"]
    )


async def test_validation_is_strict(client, world):
    headers = world.headers(world.pup_cw)
    bad = [
        {**referral_body(world), "status": "completed"},
        referral_body(world, priority="asap"),
        referral_body(world, legal_basis={"kind": "statutory"}),
        referral_body(world, legal_basis={"kind": "contract"}),
        referral_body(world, planned_start_date="2026-05-02", planned_end_date="2026-05-01"),
        referral_body(world, planned_start_date="02.05.2026"),
    ]
    for body in bad:
        response = await client.post("/v1/referrals", json=body, headers=headers)
        assert response.status_code == 422, body
        assert "Potrzebne" not in response.text  # input is never echoed back
    unknown_filter = await client.get("/v1/referrals/inbox?stauts=requested", headers=headers)
    assert unknown_filter.status_code == 422 and unknown_filter.json()["code"] == "unknown_query_parameter"


async def test_roles_without_casework_cannot_touch_referrals(client, world, tokens):
    body, _ = await create(client, world)
    for roles in (["institution_admin"], ["analyst"], ["auditor"]):
        headers = tokens.headers(institution_id=world.ops, institution_type="OPS", roles=roles)
        assert (await client.get(f"/v1/referrals/{body['id']}", headers=headers)).status_code == 403
        assert (await client.get("/v1/referrals/inbox", headers=headers)).status_code == 403
    service = tokens.service_headers("reporting", "events:read")
    assert (await client.get("/v1/referrals/inbox", headers=service)).status_code == 403
    assert (await client.get("/v1/events", headers=service)).status_code == 200


async def test_api_clients_act_for_their_institution(client, world):
    from conftest import Staff

    system = Staff(world.ops, (), kind="client", scope="referrals:write")
    reader = Staff(world.ops, (), kind="client", scope="referrals:read")
    body, etag = await create(client, world)
    read_only = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(reader))
    assert read_only.status_code == 200 and read_only.json()["allowed_actions"] == []
    refused = await act(client, world, reader, body, etag, "accept")
    assert refused.status_code == 403
    accepted, _ = await step(client, world, system, body, etag, "accept")
    assert accepted["status"] == "accepted"


async def test_a_draft_keeps_its_person(client, world):
    response = await client.post(
        "/v1/referrals", json={"person_id": str(world.person)}, headers=world.headers(world.pup_cw)
    )
    cleared = await client.patch(
        f"/v1/referrals/{response.json()['id']}",
        json={"person_id": None, "priority": None},
        headers=world.headers(world.pup_cw, **{"If-Match": response.headers["etag"]}),
    )
    assert cleared.status_code == 422 and cleared.json()["code"] == "field_required"
    other = await client.patch(
        f"/v1/referrals/{response.json()['id']}",
        json={"programme": "PAI"},
        headers=world.headers(world.ops_co, **{"If-Match": response.headers["etag"]}),
    )
    assert other.status_code == 404
