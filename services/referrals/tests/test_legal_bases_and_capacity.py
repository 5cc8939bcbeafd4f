"""Issue #13, defects 8 and 6: a statutory basis is a provision of the directory's legal-basis
catalogue (validated, its citation kept), and the places referrals take in offers reach the
directory reliably; sending to a full offer warns."""

import uuid

import pytest
from sqlalchemy import select

from splot.referrals.models import OccupancySync

from conftest import STATUTORY, act, create, referral_body, run_scheduler, step

# ---------------------------------------------------------------------------------------------
# Legal bases


@pytest.mark.parametrize(
    ("legal_basis", "code"),
    [
        ({"kind": "statutory", "article": "xyz"}, "validation_error"),
        ({"kind": "statutory", "code": "test_statutory", "article": "xyz"}, "validation_error"),
        ({"kind": "statutory", "code": "xyz"}, "unknown_legal_basis"),
        ({"kind": "statutory", "code": "upz_art62a_pai"}, "legal_basis_inactive"),
        ({"kind": "statutory", "code": "Art. 100"}, "validation_error"),
    ],
)
async def test_free_text_and_unknown_or_inactive_bases_are_refused(client, world, legal_basis, code):
    for send in (False, True):
        response = await client.post(
            "/v1/referrals",
            json=referral_body(world, legal_basis=legal_basis, send=send),
            headers=world.headers(world.pup_cw),
        )
        assert response.status_code == 422, response.text
        assert response.json()["code"] == code


async def test_a_basis_must_be_a_task_of_the_senders_institution_type(client, world):
    # Art. 45 (social work) is a task of social assistance, not of a labour office.
    response = await client.post(
        "/v1/referrals",
        json=referral_body(world, legal_basis={"kind": "statutory", "code": "ups_art45_social_work"}),
        headers=world.headers(world.pup_cw),
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "legal_basis_institution_type"
    assert response.json()["institution_types"] == ["OPS", "CUS", "PCPR"]


async def test_a_basis_must_cover_the_service_type(client, world):
    response = await client.post(
        "/v1/referrals",
        json=referral_body(
            world,
            world.other,
            service_type_code="crisis_intervention",
            legal_basis={"kind": "statutory", "code": "ups_art45_social_work"},
        ),
        headers=world.headers(world.ops_cw),
    )
    assert response.status_code == 422, response.text
    assert response.json()["code"] == "legal_basis_service_type"


async def test_a_draft_is_checked_again_when_sent(client, world, peers):
    draft, etag = await create(client, world, send=False)
    assert draft["legal_basis"]["citation"] == "art. 1 ustawy testowej"
    peers.legal_basis_catalogue["test_statutory"] = peers.legal_basis_catalogue["upz_art62a_pai"]
    refused = await act(client, world, world.pup_cw, draft, etag, "send")
    assert refused.status_code == 422 and refused.json()["code"] == "legal_basis_inactive"


async def test_the_receiver_reads_the_code_and_the_citation(client, world):
    body = referral_body(
        world, world.other, legal_basis={"kind": "statutory", "code": "ups_art45_social_work"}
    )
    response = await client.post("/v1/referrals", json=body, headers=world.headers(world.ops_cw))
    assert response.status_code == 201, response.text
    seen = await client.get(f"/v1/referrals/{response.json()['id']}", headers=world.headers(world.other_co))
    assert seen.json()["legal_basis"] == {
        "kind": "statutory",
        "code": "ups_art45_social_work",
        "citation": "art. 45 ustawy o pomocy społecznej",
        "article": "art. 45 ustawy o pomocy społecznej",
        "consent_id": None,
    }


async def test_an_older_free_text_basis_is_still_shown(client, world, session):
    from splot.referrals.models import Referral

    sent, _ = await create(client, world)
    referral = await session.get(Referral, uuid.UUID(sent["id"]))
    referral.legal_basis_code, referral.legal_basis_article = (
        None,
        "art. 100 ust. 1 ustawy o pomocy społecznej",
    )
    await session.flush()
    seen = await client.get(f"/v1/referrals/{sent['id']}", headers=world.headers(world.ops_cw))
    assert seen.json()["legal_basis"]["code"] is None
    assert seen.json()["legal_basis"]["citation"] == "art. 100 ust. 1 ustawy o pomocy społecznej"


# ---------------------------------------------------------------------------------------------
# Occupancy


async def _to_offer(client, world, peers, *, available=3, maximum=5, send=True):
    offer = peers.add_offer(world.ops, "social_work", available=available, maximum=maximum)
    body, etag = await create(client, world, target_offer_id=str(offer), send=send)
    return offer, body, etag


async def test_accepting_takes_a_place_and_completing_frees_it(client, world, peers):
    offer, body, etag = await _to_offer(client, world, peers)
    assert peers.occupancy == [] and peers.occupied(offer) == 0
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    assert peers.occupied(offer) == 1
    assert peers.occupancy[-1].version == body["version"] and peers.occupancy[-1].occupying
    body, etag = await step(client, world, world.ops_cw, body, etag, "start")
    body, etag = await step(client, world, world.ops_cw, body, etag, "hold", text="Przerwa")
    assert len(peers.occupancy) == 1 and peers.occupied(offer) == 1  # still holding the place
    body, etag = await step(client, world, world.ops_cw, body, etag, "resume")
    await step(
        client,
        world,
        world.ops_cw,
        body,
        etag,
        "complete",
        outcome_codes=["social_contract_signed"],
        delivered="Kontrakt socjalny",
    )
    assert peers.occupied(offer) == 0 and not peers.occupancy[-1].occupying


@pytest.mark.parametrize(
    ("side", "action", "payload"),
    [
        ("receiver", "fail", {"reason_code": "client_unreachable", "text": "Brak kontaktu"}),
        ("receiver", "cancel", {"reason_code": "client_declined"}),
        ("sender", "mark_in_error", {"text": "Omyłkowo"}),
    ],
)
async def test_ending_an_accepted_referral_frees_its_place(client, world, peers, side, action, payload):
    offer, body, etag = await _to_offer(client, world, peers)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    assert peers.occupied(offer) == 1
    staff = world.ops_cw if side == "receiver" else world.pup_co
    await step(client, world, staff, body, etag, action, **payload)
    assert peers.occupied(offer) == 0


async def test_withdrawn_or_rejected_referrals_never_take_a_place(client, world, peers):
    _, body, etag = await _to_offer(client, world, peers)
    await step(client, world, world.pup_cw, body, etag, "withdraw", reason_code="duplicate", text="x")
    _, body, etag = await _to_offer(client, world, peers)
    await step(
        client,
        world,
        world.ops_cw,
        body,
        etag,
        "reject",
        reason_code="no_capacity",
        declined_by="provider",
        text="x",
    )
    assert peers.occupancy == []


async def test_a_referral_without_an_offer_takes_no_place(client, world, peers):
    body, etag = await create(client, world)
    await step(client, world, world.ops_cw, body, etag, "accept")
    assert peers.occupancy == []


async def test_delivery_is_retried_while_the_directory_is_down(client, world, peers, app, session):
    offer, body, etag = await _to_offer(client, world, peers)
    peers.down.add("put_occupancy")
    accepted = await act(client, world, world.ops_cw, body, etag, "accept")
    assert accepted.status_code == 200, accepted.text  # the transition stands
    assert peers.occupancy == []
    pending = (await session.scalars(select(OccupancySync))).all()
    assert [(p.occupying, p.attempts, p.done_at) for p in pending] == [(True, 1, None)]
    report = await run_scheduler(app, now=pending[0].next_attempt_at)
    assert report.occupancy_sync_failed == 1 and peers.occupancy == []
    peers.down.clear()
    await session.refresh(pending[0])
    report = await run_scheduler(app, now=pending[0].next_attempt_at)
    assert report.occupancy_synced == 1 and peers.occupied(offer) == 1
    again = await run_scheduler(app, now=pending[0].next_attempt_at)
    assert again.occupancy_synced == 0 and len(peers.occupancy) == 1


# ---------------------------------------------------------------------------------------------
# Capacity warning


async def test_sending_to_a_full_offer_warns_but_sends(client, world, peers):
    offer, body, _ = await _to_offer(client, world, peers, available=0, maximum=4)
    assert body["status"] == "requested"
    assert body["capacity_warning"] == {
        "offer_id": str(offer),
        "capacity_available": 0,
        "capacity_max": 4,
    }
    _, roomy, _ = await _to_offer(client, world, peers, available=1)
    assert roomy["capacity_warning"] is None
    _, unknown, _ = await _to_offer(client, world, peers, available=None, maximum=None)
    assert unknown["capacity_warning"] is None
    # A read never carries it: it belongs to the answer of the send.
    read = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.pup_cw))
    assert read.json()["capacity_warning"] is None


async def test_sending_a_draft_to_a_full_offer_warns(client, world, peers):
    offer, draft, etag = await _to_offer(client, world, peers, available=0, send=False)
    assert draft["capacity_warning"] is None
    sent = await act(client, world, world.pup_cw, draft, etag, "send")
    assert sent.status_code == 200, sent.text
    assert sent.json()["capacity_warning"]["offer_id"] == str(offer)


async def test_forwarding_to_a_full_offer_warns(client, world, peers):
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    offer = peers.add_offer(world.other, "social_work", available=0, maximum=2)
    response = await client.post(
        f"/v1/referrals/{body['id']}/forward",
        json={
            "target_institution_id": str(world.other),
            "target_offer_id": str(offer),
            "service_type_code": "social_work",
            "legal_basis": STATUTORY,
        },
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )
    assert response.status_code == 201, response.text
    assert response.json()["capacity_warning"] == {
        "offer_id": str(offer),
        "capacity_available": 0,
        "capacity_max": 2,
    }
