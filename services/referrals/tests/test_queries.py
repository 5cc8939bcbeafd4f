"""Inbox, outbox, counts, a person's history, and the authorisation matrix."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import update

from splot.common.db import utcnow
from splot.referrals.models import Referral

from conftest import STATUTORY, act, create, step


async def test_inbox_and_outbox_filters_and_pagination(client, world, peers, session):
    second_person = peers.add_person()
    a, a_etag = await create(client, world)
    b, _ = await create(client, world, priority="urgent", service_type_code="debt_counselling")
    c, _ = await create(client, world, person=second_person)
    draft = (
        await client.post(
            "/v1/referrals", json={"person_id": str(world.person)}, headers=world.headers(world.pup_cw)
        )
    ).json()
    a, _ = await step(
        client, world, world.ops_cw, a, a_etag, "accept", assignee_user_id=str(world.ops_cw.user_id)
    )

    async def ids(path, staff=world.ops_cw):
        response = await client.get(path, headers=world.headers(staff))
        assert response.status_code == 200, response.text
        return [r["id"] for r in response.json()["items"]]

    assert await ids("/v1/referrals/inbox") == [c["id"], b["id"], a["id"]]  # newest first, no drafts
    assert draft["id"] in await ids("/v1/referrals/outbox", world.pup_cw)
    assert await ids("/v1/referrals/inbox", world.pup_cw) == []
    assert await ids("/v1/referrals/inbox?status=accepted") == [a["id"]]
    assert set(await ids("/v1/referrals/inbox?status=accepted&status=requested")) == {
        a["id"],
        b["id"],
        c["id"],
    }
    assert await ids("/v1/referrals/inbox?priority=urgent") == [b["id"]]
    assert await ids("/v1/referrals/inbox?service_type=debt_counselling") == [b["id"]]
    assert await ids(f"/v1/referrals/inbox?person_id={second_person}") == [c["id"]]
    assert await ids("/v1/referrals/inbox?assignee=me") == [a["id"]]
    assert await ids(f"/v1/referrals/inbox?assignee={world.ops_cw.user_id}") == [a["id"]]
    assert await ids("/v1/referrals/inbox?assignee=none") == [c["id"], b["id"]]
    today = utcnow().date()
    assert (
        len(
            await ids(
                f"/v1/referrals/inbox?sent_from={today - timedelta(days=1)}&sent_to={today + timedelta(days=1)}"
            )
        )
        == 3
    )
    await session.execute(
        update(Referral)
        .where(Referral.id == uuid.UUID(b["id"]))
        .values(sent_at=utcnow() - timedelta(days=40))
    )
    assert await ids(f"/v1/referrals/inbox?sent_to={today - timedelta(days=30)}") == [b["id"]]
    bad = await client.get(
        f"/v1/referrals/inbox?sent_from={today}&sent_to={today - timedelta(days=2)}",
        headers=world.headers(world.ops_cw),
    )
    assert bad.status_code == 422
    # Cursor pagination walks every item exactly once.
    page1 = await client.get("/v1/referrals/outbox?limit=2", headers=world.headers(world.pup_cw))
    assert len(page1.json()["items"]) == 2 and page1.json()["next_cursor"]
    page2 = await client.get(
        f"/v1/referrals/outbox?limit=2&cursor={page1.json()['next_cursor']}",
        headers=world.headers(world.pup_cw),
    )
    seen = [r["id"] for r in page1.json()["items"] + page2.json()["items"]]
    assert (
        sorted(seen) == sorted([a["id"], b["id"], c["id"], draft["id"]])
        and page2.json()["next_cursor"] is None
    )
    bad_cursor = await client.get("/v1/referrals/outbox?cursor=nonsense", headers=world.headers(world.pup_cw))
    assert bad_cursor.status_code == 422


async def test_counts_per_status(client, world):
    a, etag = await create(client, world)
    await create(client, world)
    await step(
        client,
        world,
        world.ops_cw,
        a,
        etag,
        "reject",
        reason_code="not_eligible",
        declined_by="provider",
        text="x",
    )
    inbox = (await client.get("/v1/referrals/counts?box=inbox", headers=world.headers(world.ops_cw))).json()
    assert inbox["by_status"]["requested"] == 1 and inbox["by_status"]["rejected"] == 1
    assert "draft" not in inbox["by_status"] and inbox["total"] == 2
    await client.post(
        "/v1/referrals", json={"person_id": str(world.person)}, headers=world.headers(world.pup_cw)
    )
    outbox = (await client.get("/v1/referrals/counts?box=outbox", headers=world.headers(world.pup_cw))).json()
    assert outbox["by_status"]["draft"] == 1 and outbox["total"] == 3
    assert (
        await client.get("/v1/referrals/counts?box=elsewhere", headers=world.headers(world.pup_cw))
    ).status_code == 422


async def test_person_history_for_institutions_that_referred_or_received(client, world, peers):
    pup_to_ops, _ = await create(client, world)
    peers.add_consent(world.person, world.ngo)
    ops_to_ngo, _ = await create(
        client,
        world,
        world.ops_cw,
        world.ngo,
        service_type_code="addiction_therapy",
        legal_basis={"kind": "consent"},
    )
    ops_to_other, _ = await create(client, world, world.ops_cw, world.other)

    async def history(staff):
        return await client.get(f"/v1/persons/{world.person}/referrals", headers=world.headers(staff))

    ops = await history(world.ops_cw)
    assert {r["id"] for r in ops.json()["items"]} == {pup_to_ops["id"], ops_to_ngo["id"], ops_to_other["id"]}
    # The PUP sees the person's other referrals, but not the sensitive one it is no party to.
    pup = await history(world.pup_cw)
    assert {r["id"]: r["party"] for r in pup.json()["items"]} == {
        pup_to_ops["id"]: True,
        ops_to_other["id"]: False,
    }
    assert {r["id"] for r in (await history(world.ngo_cw)).json()["items"]} == {
        pup_to_ops["id"],
        ops_to_ngo["id"],
        ops_to_other["id"],
    }
    # An institution with no referral of this person sees nothing: an empty page, the same as for
    # a person without referrals or an unknown id (issue #13: never 404, never a tell).
    stranger = peers.add_institution("PUP")
    from conftest import Staff

    empty = {"items": [], "next_cursor": None}
    assert (await history(Staff(stranger, ("coordinator",)))).json() == empty
    unknown = await client.get(f"/v1/persons/{uuid.uuid4()}/referrals", headers=world.headers(world.pup_cw))
    assert unknown.status_code == 200 and unknown.json() == empty


async def test_drafts_do_not_open_a_persons_history(client, world, peers):
    person = peers.add_person()
    await client.post("/v1/referrals", json={"person_id": str(person)}, headers=world.headers(world.pup_cw))
    history = await client.get(f"/v1/persons/{person}/referrals", headers=world.headers(world.pup_cw))
    assert history.status_code == 200 and history.json()["items"] == []


# --- the authorisation matrix --------------------------------------------------------------------

READS = ["", "/chain", "/events", "/messages"]


@pytest.mark.parametrize("suffix", READS)
async def test_a_third_institution_sees_nothing(client, world, suffix):
    body, _ = await create(client, world)
    response = await client.get(f"/v1/referrals/{body['id']}{suffix}", headers=world.headers(world.other_co))
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    absent = await client.get(f"/v1/referrals/{uuid.uuid4()}{suffix}", headers=world.headers(world.other_co))
    assert absent.status_code == 404 and absent.json()["detail"] == response.json()["detail"]
    for box in ("inbox", "outbox"):
        listing = await client.get(f"/v1/referrals/{box}", headers=world.headers(world.other_co))
        assert listing.json()["items"] == []
    history = await client.get(f"/v1/persons/{world.person}/referrals", headers=world.headers(world.other_co))
    assert history.status_code == 200 and history.json()["items"] == []


SENDER_ACTIONS = {
    "withdraw": {"reason_code": "duplicate", "text": "x"},
    "mark_in_error": {"text": "x"},
}
RECEIVER_ACTIONS = {
    "accept": {},
    "reject": {"reason_code": "no_capacity", "declined_by": "provider", "text": "x"},
    "set_business_status": {"business_status": "waiting_list"},
}


async def test_receiver_cannot_take_sender_actions_and_vice_versa(client, world):
    body, etag = await create(client, world)
    for action, payload in SENDER_ACTIONS.items():
        response = await act(client, world, world.ops_co, body, etag, action, **payload)
        assert response.status_code == 403 and response.json()["code"] == "wrong_side", action
    for action, payload in RECEIVER_ACTIONS.items():
        response = await act(client, world, world.pup_co, body, etag, action, **payload)
        assert response.status_code == 403 and response.json()["code"] == "wrong_side", action
    accepted, etag = await step(client, world, world.ops_co, body, etag, "accept")
    for staff, action, payload in [
        (world.ops_co, "request_cancellation", {"text": "x"}),
        (world.pup_co, "start", {}),
        (world.pup_co, "complete", {"outcome_codes": ["employed"], "delivered": "x"}),
        (world.pup_co, "cancel", {"reason_code": "client_declined"}),
    ]:
        response = await act(client, world, staff, accepted, etag, action, **payload)
        assert response.status_code == 403, action
    # A draft is invisible to its target.
    draft = (
        await client.post(
            "/v1/referrals",
            json={
                "person_id": str(world.person),
                "target_institution_id": str(world.ops),
                "legal_basis": STATUTORY,
            },
            headers=world.headers(world.pup_cw),
        )
    ).json()
    assert (
        await client.get(f"/v1/referrals/{draft['id']}", headers=world.headers(world.ops_co))
    ).status_code == 404
