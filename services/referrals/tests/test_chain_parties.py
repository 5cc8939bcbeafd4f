"""Issue #13: every party of a chain opens every referral of it (the chain view), its root sender
hears of every descendant's outcome, one follow-up set per chain (the root sender's), and a
person's history without referrals is an empty page."""

import uuid

import pytest
from sqlalchemy import func, select

from splot.common.events import outbox_event
from splot.referrals.models import FollowUp, Notification, WebhookDelivery

from conftest import Staff, create, step

COMPLETE_EMPLOYED = {"outcome_codes": ["employed"], "delivered": "Zatrudnienie w spółdzielni"}


async def _forward(client, world, parent, etag, staff, target, service="kis"):
    response = await client.post(
        f"/v1/referrals/{parent['id']}/forward",
        json={
            "target_institution_id": str(target),
            "service_type_code": service,
            "legal_basis": {"kind": "consent"},
            "needs_description": "Opis potrzeb tylko dla stron tego skierowania",
        },
        headers=world.headers(staff, **{"If-Match": etag}),
    )
    assert response.status_code == 201, response.text
    return response.json(), response.headers["etag"]


async def pup_ops_ngo(client, world, peers, service="kis"):
    """PUP -> OPS (accepted) -> NGO (accepted): (root, root etag, child, child etag)."""
    root, etag = await create(client, world)
    root, etag = await step(client, world, world.ops_cw, root, etag, "accept")
    peers.add_consent(world.person, world.ngo)
    child, child_etag = await _forward(client, world, root, etag, world.ops_cw, world.ngo, service)
    child, child_etag = await step(client, world, world.ngo_cw, child, child_etag, "accept")
    root = (await client.get(f"/v1/referrals/{root['id']}", headers=world.headers(world.ops_cw))).json()
    return root, f'"{root["id"]}.{root["version"]}"', child, child_etag


# --- defect 1 ------------------------------------------------------------------------------------


async def test_a_person_without_referrals_has_an_empty_history(client, world, peers):
    newcomer = peers.add_person()
    response = await client.get(f"/v1/persons/{newcomer}/referrals", headers=world.headers(world.pup_cw))
    assert response.status_code == 200 and response.json() == {"items": [], "next_cursor": None}


async def test_a_stranger_gets_the_same_empty_history(client, world):
    await create(client, world)
    # An unrelated institution cannot tell a person with referrals from one without.
    known = await client.get(f"/v1/persons/{world.person}/referrals", headers=world.headers(world.other_co))
    unknown = await client.get(f"/v1/persons/{uuid.uuid4()}/referrals", headers=world.headers(world.other_co))
    assert known.status_code == unknown.status_code == 200
    assert known.json() == unknown.json() == {"items": [], "next_cursor": None}
    mine = await client.get(f"/v1/persons/{world.person}/referrals", headers=world.headers(world.pup_cw))
    assert len(mine.json()["items"]) == 1


# --- defect 4 ------------------------------------------------------------------------------------


async def test_the_root_sender_opens_the_ngo_referral_in_the_chain_view(client, world, peers):
    root, _, child, child_etag = await pup_ops_ngo(client, world, peers)
    await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
    opened = await client.get(f"/v1/referrals/{child['id']}", headers=world.headers(world.pup_cw))
    assert opened.status_code == 200, opened.text
    seen = opened.json()
    assert seen["view"] == "chain" and seen["status"] == "completed"
    assert seen["outcome_codes"] == ["employed"] and seen["ended_at"] and seen["sent_at"]
    assert seen["sender_institution_id"] == str(world.ops)
    assert seen["target_institution_id"] == str(world.ngo)
    # Case content and the other institutions' staff are left out, and nothing can be done.
    for hidden in ("needs_description", "delivered", "legal_basis", "sender_user_id", "assignee_user_id"):
        assert seen[hidden] is None, hidden
    assert seen["allowed_actions"] == [] and seen["my_sides"] == []
    # The full view of its own parties is unchanged.
    full = (await client.get(f"/v1/referrals/{child['id']}", headers=world.headers(world.ngo_cw))).json()
    assert full["view"] == "party" and full["needs_description"] and full["delivered"]


async def test_the_root_sender_is_notified_of_a_descendants_outcome(client, world, peers, session):
    root, _, child, child_etag = await pup_ops_ngo(client, world, peers)
    hook = await client.post(
        "/v1/webhooks/subscriptions",
        json={"url": "https://receiver.test/hooks"},
        headers=world.headers(Staff(world.pup, ("institution_admin",))),
    )
    assert hook.status_code == 201, hook.text
    await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
    notes = (
        await session.scalars(
            select(Notification).where(
                Notification.referral_id == uuid.UUID(child["id"]), Notification.kind == "referral.completed"
            )
        )
    ).all()
    assert {n.recipient_institution_id for n in notes} == {world.ops, world.pup}
    listed = await client.get("/v1/notifications", headers=world.headers(world.pup_cw))
    assert any(
        n["referral_id"] == child["id"] and n["kind"] == "referral.completed" for n in listed.json()["items"]
    )
    deliveries = (
        await session.scalars(
            select(WebhookDelivery.event_type).where(WebhookDelivery.referral_id == uuid.UUID(child["id"]))
        )
    ).all()
    assert deliveries == ["referral.completed"]  # the PUP's system hears the outcome, not the rest


@pytest.mark.parametrize(
    ("who", "root_view", "child_view"),
    [
        ("pup_cw", "party", "chain"),
        ("pup_co", "party", "chain"),
        ("ops_cw", "party", "party"),
        ("ops_co", "party", "party"),
        ("ngo_cw", "chain", "party"),
        ("ngo_co", "chain", "party"),
        ("other_co", None, None),
    ],
)
async def test_chain_read_access_matrix(client, world, peers, who, root_view, child_view):
    """Role x institution (sender, receiver, chain party, stranger): what each opens."""
    root, _, child, _ = await pup_ops_ngo(client, world, peers)
    headers = world.headers(getattr(world, who))
    for referral, view in ((root, root_view), (child, child_view)):
        response = await client.get(f"/v1/referrals/{referral['id']}", headers=headers)
        if view is None:
            assert response.status_code == 404
            continue
        assert response.status_code == 200 and response.json()["view"] == view
        assert (response.json()["needs_description"] is None) == (view == "chain")
        messages = await client.get(f"/v1/referrals/{referral['id']}/messages", headers=headers)
        events = await client.get(f"/v1/referrals/{referral['id']}/events", headers=headers)
        assert messages.status_code == events.status_code == (200 if view == "party" else 404)
    chain = await client.get(f"/v1/referrals/{child['id']}/chain", headers=headers)
    if root_view is None:
        assert chain.status_code == 404
    else:
        nodes = chain.json()["items"]
        assert [n["id"] for n in nodes] == [root["id"], child["id"]]
        assert [n["party"] for n in nodes] == [root_view == "party", child_view == "party"]


async def test_a_chain_party_cannot_act_on_a_referral_it_only_sees(client, world, peers):
    root, _, child, child_etag = await pup_ops_ngo(client, world, peers)
    response = await client.post(
        f"/v1/referrals/{child['id']}/transitions",
        json={"action": "acknowledge"},
        headers=world.headers(world.pup_co, **{"If-Match": child_etag}),
    )
    assert response.status_code == 404
    message = await client.post(
        f"/v1/referrals/{child['id']}/messages", json={"text": "x"}, headers=world.headers(world.pup_co)
    )
    assert message.status_code == 404


async def test_a_sensitive_descendant_shows_no_service_or_outcome_to_other_parties(client, world, peers):
    root, _, child, child_etag = await pup_ops_ngo(client, world, peers, service="addiction_therapy")
    await step(
        client,
        world,
        world.ngo_cw,
        child,
        child_etag,
        "complete",
        outcome_codes=["therapy_started"],
        delivered="x",
    )
    seen = (await client.get(f"/v1/referrals/{child['id']}", headers=world.headers(world.pup_cw))).json()
    assert seen["view"] == "chain" and seen["service_type_code"] is None and seen["outcome_codes"] == []
    nodes = (
        await client.get(f"/v1/referrals/{root['id']}/chain", headers=world.headers(world.pup_cw))
    ).json()
    node = nodes["items"][1]
    assert node["sensitive"] is True and node["service_type_code"] is None and node["outcome_codes"] == []
    assert node["status"] == "completed"


# --- defect 5 ------------------------------------------------------------------------------------


async def test_one_employment_outcome_in_a_chain_gives_one_follow_up_set_for_the_root_sender(
    client, world, peers, session
):
    root, root_etag, child, child_etag = await pup_ops_ngo(client, world, peers)
    await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
    # The OPS reports the same job up the chain.
    await step(client, world, world.ops_cw, root, root_etag, "complete", **COMPLETE_EMPLOYED)
    rows = (await session.scalars(select(FollowUp).order_by(FollowUp.due_months))).all()
    assert [(f.due_months, f.institution_id, f.referral_id) for f in rows] == [
        (3, world.pup, uuid.UUID(child["id"])),
        (6, world.pup, uuid.UUID(child["id"])),
    ]
    assert {f.chain_root_id for f in rows} == {uuid.UUID(root["id"])}
    # The root sender answers them; the OPS and the NGO see them (and the answer), read-only.
    pup = (await client.get("/v1/follow-ups", headers=world.headers(world.pup_cw))).json()["items"]
    assert [f["mine"] for f in pup] == [True, True] and pup[0]["referral_number"] == child["number"]
    for staff in (world.ops_cw, world.ngo_cw):
        theirs = (await client.get("/v1/follow-ups", headers=world.headers(staff))).json()["items"]
        assert [f["mine"] for f in theirs] == [False, False]
        assert not any(f["answerable"] for f in theirs)
        refused = await client.post(
            f"/v1/follow-ups/{theirs[0]['id']}/answer",
            json={"outcome_code": "still_employed"},
            headers=world.headers(staff),
        )
        assert refused.status_code == 404
    assert (await client.get("/v1/follow-ups", headers=world.headers(world.other_co))).json()["items"] == []
    mine_only = await client.get("/v1/follow-ups?mine=true", headers=world.headers(world.ops_cw))
    assert mine_only.json()["items"] == []


async def test_a_single_referral_still_gets_its_own_follow_ups(client, world, session):
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    await step(client, world, world.ops_cw, body, etag, "complete", **COMPLETE_EMPLOYED)
    count = (await session.execute(select(func.count()).select_from(FollowUp))).scalar_one()
    assert count == 2
    types = (
        await session.scalars(select(outbox_event.c.type).where(outbox_event.c.aggregate_id == body["id"]))
    ).all()
    assert types[-1] == "referral.completed"


async def test_the_history_says_which_referrals_the_caller_can_open(client, world, peers):
    root, _, child, _ = await pup_ops_ngo(client, world, peers)
    # An unrelated referral of the same person, OPS -> another OPS: listed to the PUP, not openable.
    other, _ = await create(client, world, world.ops_cw, world.other)
    items = (
        await client.get(f"/v1/persons/{world.person}/referrals", headers=world.headers(world.pup_cw))
    ).json()
    by_id = {i["id"]: (i["party"], i["openable"]) for i in items["items"]}
    assert by_id == {root["id"]: (True, True), child["id"]: (False, True), other["id"]: (False, False)}
    assert (
        await client.get(f"/v1/referrals/{other['id']}", headers=world.headers(world.pup_cw))
    ).status_code == 404
