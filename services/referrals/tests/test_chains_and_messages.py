"""Forwarding chains (PUP -> OPS -> NGO), who sees what of them, messages and notifications."""

import uuid

from sqlalchemy import select

from splot.common.events import outbox_event
from splot.referrals.models import Referral

from conftest import act, create, step


async def _chain(client, world, peers):
    """PUP refers to OPS, OPS accepts and forwards to the NGO (with consent)."""
    root, etag = await create(client, world)
    root, etag = await step(client, world, world.ops_cw, root, etag, "accept")
    peers.add_consent(world.person, world.ngo)
    response = await client.post(
        f"/v1/referrals/{root['id']}/forward",
        json={
            "target_institution_id": str(world.ngo),
            "service_type_code": "kis",
            "legal_basis": {"kind": "consent"},
            "needs_description": "Zajęcia KIS",
        },
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )
    assert response.status_code == 201, response.text
    return root, response.json(), response.headers["etag"]


async def test_forwarding_creates_a_sent_child_in_the_same_chain(client, world, peers, session):
    root, child, child_etag = await _chain(client, world, peers)
    assert child["status"] == "requested" and child["parent_referral_id"] == root["id"]
    assert child["chain_root_id"] == root["id"] and child["chain_depth"] == 1
    assert child["sender_institution_id"] == str(world.ops) and child["person_id"] == root["person_id"]
    assert peers.grants[-1].institution_id == world.ngo and peers.grants[-1].referral_id == uuid.UUID(
        child["id"]
    )
    parent = await client.get(f"/v1/referrals/{root['id']}", headers=world.headers(world.ops_cw))
    assert parent.json()["version"] == root["version"] + 1  # forwarding is a transition of the parent
    types = (
        await session.scalars(select(outbox_event.c.type).where(outbox_event.c.aggregate_id == root["id"]))
    ).all()
    assert types[-1] == "referral.forwarded"
    child_types = (
        await session.scalars(select(outbox_event.c.type).where(outbox_event.c.aggregate_id == child["id"]))
    ).all()
    assert child_types == ["referral.sent"]
    # The stale parent ETag cannot forward again; the sender cannot forward at all.
    again = await client.post(
        f"/v1/referrals/{root['id']}/forward",
        json={
            "target_institution_id": str(world.ngo),
            "service_type_code": "kis",
            "legal_basis": {"kind": "consent"},
        },
        headers=world.headers(world.ops_cw, **{"If-Match": root and f'"{root["id"]}.{root["version"]}"'}),
    )
    assert again.status_code == 412
    by_sender = await client.post(
        f"/v1/referrals/{root['id']}/forward",
        json={
            "target_institution_id": str(world.ngo),
            "service_type_code": "kis",
            "legal_basis": {"kind": "consent"},
        },
        headers=world.headers(world.pup_co, **{"If-Match": parent.headers["etag"]}),
    )
    assert by_sender.status_code == 403 and by_sender.json()["code"] == "wrong_side"


async def test_forward_needs_an_accepted_referral(client, world, peers):
    root, etag = await create(client, world)
    response = await client.post(
        f"/v1/referrals/{root['id']}/forward",
        json={
            "target_institution_id": str(world.other),
            "service_type_code": "social_work",
            "legal_basis": {"kind": "statutory", "code": "test_statutory"},
        },
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )
    assert response.status_code == 409 and response.json()["code"] == "illegal_transition"


async def test_chain_depth_is_limited(client, world, peers, app):
    app.state.settings.max_chain_depth = 1
    root, child, child_etag = await _chain(client, world, peers)
    child, child_etag = await step(client, world, world.ngo_cw, child, child_etag, "accept")
    response = await client.post(
        f"/v1/referrals/{child['id']}/forward",
        json={
            "target_institution_id": str(world.other),
            "service_type_code": "social_work",
            "legal_basis": {"kind": "statutory", "code": "test_statutory"},
        },
        headers=world.headers(world.ngo_cw, **{"If-Match": child_etag}),
    )
    assert response.status_code == 409


async def test_every_party_sees_the_chain_but_not_the_childs_messages(client, world, peers, session):
    root, child, child_etag = await _chain(client, world, peers)
    child, child_etag = await step(client, world, world.ngo_cw, child, child_etag, "accept")
    posted = await client.post(
        f"/v1/referrals/{child['id']}/messages",
        json={"text": "Termin pierwszych zajęć: wtorek"},
        headers=world.headers(world.ngo_cw),
    )
    assert posted.status_code == 201
    await step(
        client,
        world,
        world.ngo_cw,
        child,
        child_etag,
        "complete",
        outcome_codes=["programme_completed"],
        delivered="KIS",
    )

    chain = await client.get(f"/v1/referrals/{root['id']}/chain", headers=world.headers(world.pup_cw))
    assert chain.status_code == 200
    nodes = {n["id"]: n for n in chain.json()["items"]}
    assert list(nodes) == [root["id"], child["id"]]
    assert nodes[child["id"]]["status"] == "completed" and nodes[child["id"]]["outcome_codes"] == [
        "programme_completed"
    ]
    assert nodes[child["id"]]["party"] is False and nodes[root["id"]]["party"] is True
    assert "needs_description" not in nodes[child["id"]]
    # Completing the child does not complete the parent.
    assert (await session.get(Referral, uuid.UUID(root["id"]))).status == "accepted"
    # The PUP opens the child in the chain view (no case content) but may not read its messages.
    headers = world.headers(world.pup_cw)
    opened = await client.get(f"/v1/referrals/{child['id']}", headers=headers)
    assert opened.status_code == 200 and opened.json()["view"] == "chain"
    assert opened.json()["needs_description"] is None and opened.json()["allowed_actions"] == []
    assert (await client.get(f"/v1/referrals/{child['id']}/messages", headers=headers)).status_code == 404
    # Via the child's id the PUP sees the same chain.
    assert (await client.get(f"/v1/referrals/{child['id']}/chain", headers=headers)).status_code == 200
    # The NGO, a party of the chain, sees the whole tree too (the PUP -> OPS referral above it).
    ngo_chain = await client.get(f"/v1/referrals/{child['id']}/chain", headers=world.headers(world.ngo_cw))
    assert [n["id"] for n in ngo_chain.json()["items"]] == [root["id"], child["id"]]
    assert (
        await client.get(f"/v1/referrals/{root['id']}/chain", headers=world.headers(world.ngo_cw))
    ).status_code == 200
    # The OPS is party to both and sees everything.
    ops_chain = await client.get(f"/v1/referrals/{root['id']}/chain", headers=world.headers(world.ops_cw))
    assert all(n["party"] for n in ops_chain.json()["items"])
    # A third institution sees nothing.
    assert (
        await client.get(f"/v1/referrals/{root['id']}/chain", headers=world.headers(world.other_co))
    ).status_code == 404


async def test_messages_read_receipts_and_edit_rules(client, world):
    body, etag = await create(client, world)
    url = f"/v1/referrals/{body['id']}/messages"
    first = await client.post(
        url, json={"text": "Prosimy o kontakt z klientem"}, headers=world.headers(world.pup_cw)
    )
    assert first.status_code == 201
    message = first.json()
    assert message["mine"] is True and message["editable"] is True and message["read_receipts"] == []
    msg_url = f"{url}/{message['id']}"
    # Nobody else edits it: not the other side, not a colleague.
    other = await client.patch(
        msg_url,
        json={"text": "x"},
        headers=world.headers(world.ops_cw, **{"If-Match": first.headers["etag"]}),
    )
    assert other.status_code == 403
    colleague = await client.patch(
        msg_url,
        json={"text": "x"},
        headers=world.headers(world.pup_co, **{"If-Match": first.headers["etag"]}),
    )
    assert colleague.status_code == 403
    no_etag = await client.patch(msg_url, json={"text": "x"}, headers=world.headers(world.pup_cw))
    assert no_etag.status_code == 428
    edited = await client.patch(
        msg_url,
        json={"text": "Prosimy o pilny kontakt z klientem"},
        headers=world.headers(world.pup_cw, **{"If-Match": first.headers["etag"]}),
    )
    assert (
        edited.status_code == 200 and edited.json()["edited_at"] is not None and edited.json()["version"] == 2
    )
    # The receiver reads it: receipt recorded, and editing is over.
    listing = await client.get(url, headers=world.headers(world.ops_cw))
    assert listing.json()["items"][0]["mine"] is False and listing.json()["items"][0]["editable"] is False
    marked = await client.post(f"{url}/read", headers=world.headers(world.ops_cw))
    assert marked.json() == {"marked": 1}
    assert (await client.post(f"{url}/read", headers=world.headers(world.ops_cw))).json() == {"marked": 0}
    seen = (await client.get(url, headers=world.headers(world.pup_cw))).json()["items"][0]
    assert [r["institution_id"] for r in seen["read_receipts"]] == [str(world.ops)] and seen[
        "editable"
    ] is False
    late = await client.patch(
        msg_url,
        json={"text": "poprawka"},
        headers=world.headers(world.pup_cw, **{"If-Match": edited.headers["etag"]}),
    )
    assert late.status_code == 409 and late.json()["code"] == "message_already_read"
    # Reading one's own messages records nothing.
    assert (await client.post(f"{url}/read", headers=world.headers(world.pup_cw))).json() == {"marked": 0}
    assert (await client.get(url, headers=world.headers(world.other_co))).status_code == 404
    assert (
        await client.post(url, json={"text": "hej"}, headers=world.headers(world.other_co))
    ).status_code == 404


async def test_no_messages_on_drafts(client, world):
    response = await client.post(
        "/v1/referrals", json={"person_id": str(world.person)}, headers=world.headers(world.pup_cw)
    )
    draft = response.json()
    posted = await client.post(
        f"/v1/referrals/{draft['id']}/messages", json={"text": "notatka"}, headers=world.headers(world.pup_cw)
    )
    assert posted.status_code == 409 and posted.json()["code"] == "messages_closed"


async def test_notifications_inbox_per_user_and_institution_role(client, world):
    body, etag = await create(client, world)
    # The OPS's staff see the institution-wide "new referral" note; the PUP's do not.
    for staff in (world.ops_cw, world.ops_co):
        page = await client.get("/v1/notifications", headers=world.headers(staff))
        assert [n["kind"] for n in page.json()["items"]] == ["referral.sent"]
        assert page.json()["unread_count"] == 1
    assert (await client.get("/v1/notifications", headers=world.headers(world.pup_cw))).json()["items"] == []
    # Accepting notifies the sending caseworker personally, not the other PUP staff.
    await step(client, world, world.ops_cw, body, etag, "accept")
    mine = await client.get("/v1/notifications?unread=true", headers=world.headers(world.pup_cw))
    assert [n["kind"] for n in mine.json()["items"]] == ["referral.accepted"]
    assert mine.json()["items"][0]["recipient_user_id"] == str(world.pup_cw.user_id)
    assert (await client.get("/v1/notifications", headers=world.headers(world.pup_co))).json()["items"] == []
    note = mine.json()["items"][0]
    assert body["number"] in note["title"]
    # Read state is per user.
    read = await client.post(f"/v1/notifications/{note['id']}/read", headers=world.headers(world.pup_cw))
    assert read.status_code == 200 and read.json()["read_at"] is not None
    count = await client.get("/v1/notifications/unread-count", headers=world.headers(world.pup_cw))
    assert count.json() == {"unread": 0}
    assert (
        await client.post(f"/v1/notifications/{note['id']}/read", headers=world.headers(world.ops_cw))
    ).status_code == 404
    assert (
        await client.get("/v1/notifications/unread-count", headers=world.headers(world.ops_co))
    ).json() == {"unread": 1}
    all_read = await client.post("/v1/notifications/read-all", headers=world.headers(world.ops_co))
    assert all_read.json() == {"marked": 1}
    assert (
        await client.get("/v1/notifications/unread-count", headers=world.headers(world.ops_cw))
    ).json() == {"unread": 1}
    filtered = await client.get(
        f"/v1/notifications?referral_id={body['id']}&unread=false", headers=world.headers(world.ops_co)
    )
    assert [n["kind"] for n in filtered.json()["items"]] == ["referral.sent"]


async def test_messages_notify_the_other_side(client, world):
    body, etag = await create(client, world)
    await client.post(
        f"/v1/referrals/{body['id']}/messages", json={"text": "Pytanie"}, headers=world.headers(world.ops_cw)
    )
    page = await client.get("/v1/notifications", headers=world.headers(world.pup_cw))
    assert "message.created" in [n["kind"] for n in page.json()["items"]]
    assert "Pytanie" not in page.text


async def test_notifications_are_for_users(client, world, tokens):
    headers = tokens.headers(
        ptype="client", roles=(), scope="referrals:read", institution_id=world.ops, institution_type="OPS"
    )
    assert (await client.get("/v1/notifications", headers=headers)).status_code == 403


async def test_third_party_cannot_act(client, world):
    body, etag = await create(client, world)
    response = await act(client, world, world.other_co, body, etag, "accept")
    assert response.status_code == 404
