"""Issue #18: an institution's referral event feed (``GET /v1/referral-events``) — exactly the events
its webhook subscriptions are sent, in commit order, paged with a cursor a system resumes from
after its downtime; who may read it; the back-fill of the events written before the feed."""

import base64
import json
import os
import uuid
from datetime import datetime, timedelta

import httpx
import pytest
from sqlalchemy import select
from test_chain_parties import COMPLETE_EMPLOYED, pup_ops_ngo

from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals import followups, schemas
from splot.referrals.models import EventParty, FollowUp, Referral, WebhookDelivery
from splot.referrals.publish import ReferralSnapshot, publish, transition_payload

from conftest import Staff, World, create, step

FEED = "/v1/referral-events"
ENVELOPE = {"id", "type", "occurred_at", "aggregate_type", "aggregate_id", "data"}


async def read_all(client, headers, **params) -> list[dict]:
    """Every event of the feed, page by page (``limit`` small, to cross pages)."""
    items: list[dict] = []
    after = None
    for _ in range(100):
        query = {**params, **({"after": after} if after else {})}
        response = await client.get(FEED, params=query, headers=headers)
        assert response.status_code == 200, response.text
        page = response.json()
        items += page["items"]
        after = page["next_cursor"]
        if not page["has_more"]:
            return items
    raise AssertionError("the feed did not end")


def types_of(items: list[dict], referral_id: str | None = None) -> list[str]:
    return [e["type"] for e in items if referral_id is None or e["aggregate_id"] == referral_id]


async def test_both_parties_read_the_referrals_events_and_no_one_else(client, world):
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    await step(client, world, world.ops_cw, body, etag, "start")
    for staff in (world.pup_cw, world.pup_co, world.ops_cw, world.ops_co):
        page = (await client.get(FEED, headers=world.headers(staff))).json()
        assert types_of(page["items"]) == ["referral.sent", "referral.accepted", "referral.started"]
        assert page["has_more"] is False and page["next_cursor"]
    for outsider in (world.other_co, world.ngo_cw):
        page = (await client.get(FEED, headers=world.headers(outsider))).json()
        assert page == {"items": [], "next_cursor": None, "has_more": False}


async def test_an_event_has_the_webhook_envelope_and_no_direct_identifiers(client, world):
    body, etag = await create(client, world, needs_description="Pani Anna Kowalska, PESEL 90010112318")
    await step(client, world, world.ops_cw, body, etag, "accept", text="Przyjmujemy, zadzwonimy do pani Anny")
    items = (await client.get(FEED, headers=world.headers(world.pup_cw))).json()["items"]
    accepted = items[-1]
    assert set(accepted) == ENVELOPE
    assert accepted["aggregate_type"] == "referral" and accepted["aggregate_id"] == body["id"]
    assert accepted["data"]["action"] == "accept" and accepted["data"]["to_status"] == "accepted"
    assert accepted["data"]["actor_institution_id"] == str(world.ops)
    # The snapshot is the published contract's, field for field: ids, codes, flags, timestamps.
    assert set(accepted["data"]["referral"]) == set(ReferralSnapshot.model_fields)
    text = json.dumps(items)
    for identifier in ("Kowalska", "90010112318", "Anna", "zadzwonimy"):
        assert identifier not in text


async def test_a_descendants_outcome_reaches_the_root_sender_as_webhooks_do(client, world, peers):
    root, _, child, child_etag = await pup_ops_ngo(client, world, peers)
    await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
    pup = await read_all(client, world.headers(world.pup_cw))
    # The PUP hears of its own referral, and of the NGO's outcome only (not its sending or accepting).
    assert types_of(pup, root["id"]) == ["referral.sent", "referral.accepted", "referral.forwarded"]
    assert types_of(pup, child["id"]) == ["referral.completed"]
    ngo = await read_all(client, world.headers(world.ngo_cw))
    assert types_of(ngo, root["id"]) == [] and types_of(ngo, child["id"]) == [
        "referral.sent",
        "referral.accepted",
        "referral.completed",
    ]
    ops = await read_all(client, world.headers(world.ops_co))
    assert types_of(ops, child["id"]) == ["referral.sent", "referral.accepted", "referral.completed"]


async def _busy(client, world, n: int = 4) -> None:
    """``n`` referrals PUP -> OPS, each sent and accepted, the odd ones started too."""
    for i in range(n):
        body, etag = await create(client, world)
        body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
        if i % 2:
            await step(client, world, world.ops_cw, body, etag, "start")


async def test_paging_returns_every_event_once_in_commit_order(client, world, session):
    await _busy(client, world)
    headers = world.headers(world.ops_co)
    whole = (await client.get(FEED, params={"limit": 500}, headers=headers)).json()
    assert len(whole["items"]) == 10 and whole["has_more"] is False
    paged = await read_all(client, headers, limit=3)
    assert paged == whole["items"]
    assert len({e["id"] for e in paged}) == 10
    # Commit order is the outbox's sequence order.
    seqs = (await session.execute(select(outbox_event.c.id, outbox_event.c.seq))).all()
    by_id = {str(i): s for i, s in seqs}
    order = [by_id[e["id"]] for e in paged]
    assert order == sorted(order)
    # A page that is full says so; the last one does not.
    first = (await client.get(FEED, params={"limit": 4}, headers=headers)).json()
    assert first["has_more"] is True and len(first["items"]) == 4
    last = (await client.get(FEED, params={"limit": 10}, headers=headers)).json()
    assert last["has_more"] is False and len(last["items"]) == 10


async def test_polling_from_the_cursor_resumes_after_downtime(client, world):
    headers = world.headers(world.pup_cw)
    body, etag = await create(client, world)
    seen = (await client.get(FEED, headers=headers)).json()
    assert types_of(seen["items"]) == ["referral.sent"]
    cursor = seen["next_cursor"]
    # Nothing new: the same cursor comes back, with no events.
    idle = (await client.get(FEED, params={"after": cursor}, headers=headers)).json()
    assert idle == {"items": [], "next_cursor": cursor, "has_more": False}
    # The system is down while things happen (to its referral, and to others' it must not see).
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    await create(client, world, sender=world.ngo_cw, target=world.other)
    await step(client, world, world.ops_cw, body, etag, "start")
    back = (await client.get(FEED, params={"after": cursor}, headers=headers)).json()
    assert types_of(back["items"]) == ["referral.accepted", "referral.started"]
    again = (await client.get(FEED, params={"after": back["next_cursor"]}, headers=headers)).json()
    assert again["items"] == []


async def test_the_type_filter(client, world):
    await _busy(client, world, n=3)
    headers = world.headers(world.pup_co)
    accepted = (await client.get(FEED, params={"type": "referral.accepted"}, headers=headers)).json()
    assert types_of(accepted["items"]) == ["referral.accepted"] * 3
    two = await read_all(client, headers, type=["referral.started", "referral.sent"], limit=2)
    assert types_of(two) == ["referral.sent", "referral.sent", "referral.started", "referral.sent"]
    unknown = await client.get(FEED, params={"type": "referral.exploded"}, headers=headers)
    assert unknown.status_code == 422


async def test_since_starts_at_a_moment(client, world):
    headers = world.headers(world.pup_cw)
    body, etag = await create(client, world)
    items = (await client.get(FEED, headers=headers)).json()["items"]
    sent_at = datetime.fromisoformat(items[0]["occurred_at"])
    await step(client, world, world.ops_cw, body, etag, "accept")
    later = (
        await client.get(
            FEED, params={"since": (sent_at + timedelta(microseconds=1)).isoformat()}, headers=headers
        )
    ).json()
    assert types_of(later["items"]) == ["referral.accepted"]
    everything = (await client.get(FEED, params={"since": sent_at.isoformat()}, headers=headers)).json()
    assert types_of(everything["items"]) == ["referral.sent", "referral.accepted"]
    # since without a zone, or together with after, is refused.
    for wrong in ("2026-11-02T09:00:00", "0.5", "1764000000", "2026-11-02", "yesterday"):
        refused = await client.get(FEED, params={"since": wrong}, headers=headers)
        assert refused.status_code == 422, wrong
    both = await client.get(
        FEED, params={"since": sent_at.isoformat(), "after": later["next_cursor"]}, headers=headers
    )
    assert both.status_code == 422 and both.json()["code"] == "invalid_query"


def _b64(value) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "not-a-cursor",
        "%%%",
        _b64(["x"]),
        _b64([1, 2]),
        _b64({"seq": 1}),
        _b64([-1]),
        _b64([2**70]),
        _b64([True]),
    ],
)
async def test_a_malformed_cursor_is_422_invalid_cursor(client, world, cursor):
    response = await client.get(FEED, params={"after": cursor}, headers=world.headers(world.pup_cw))
    assert response.status_code == 422, response.text
    problem = response.json()
    assert problem["code"] == "invalid_cursor"
    assert problem["errors"][0]["loc"] == ["query", "after"]
    assert response.headers["content-type"].startswith("application/problem+json")


@pytest.mark.parametrize(
    ("scope", "allowed"),
    [
        ("referrals:read", True),
        ("referrals:write", True),
        ("referrals:read webhooks:manage", True),
        ("webhooks:manage", False),
        ("", False),
    ],
)
async def test_an_api_client_needs_referrals_read(client, world, scope, allowed):
    await create(client, world)
    system = Staff(world.pup, (), kind="client", scope=scope)
    response = await client.get(FEED, headers=world.headers(system))
    if allowed:
        assert response.status_code == 200, response.text
        assert types_of(response.json()["items"]) == ["referral.sent"]
    else:
        assert response.status_code == 403 and response.json()["code"] == "forbidden"
    # The institution is the token's: another institution's system sees nothing of it.
    stranger = Staff(world.other, (), kind="client", scope="referrals:read")
    assert (await client.get(FEED, headers=world.headers(stranger))).json()["items"] == []


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("caseworker", True),
        ("coordinator", True),
        ("institution_admin", False),
        ("analyst", False),
        ("auditor", False),
        ("system_admin", False),
    ],
)
@pytest.mark.parametrize("own", [True, False])
async def test_access_matrix(client, world, role, allowed, own):
    await create(client, world)
    institution = world.ops if own else world.other
    response = await client.get(FEED, headers=world.headers(Staff(institution, (role,))))
    if not allowed:
        assert response.status_code == 403 and response.json()["code"] == "forbidden"
        return
    assert response.status_code == 200
    assert types_of(response.json()["items"]) == (["referral.sent"] if own else [])


async def test_principals_without_an_institution_are_refused(client, world, tokens):
    await create(client, world)
    admin = tokens.headers(
        sub=str(uuid.uuid4()), institution_id=None, institution_type=None, roles=["system_admin"]
    )
    caseworker = tokens.headers(
        sub=str(uuid.uuid4()), institution_id=None, institution_type=None, roles=["caseworker"]
    )
    service = tokens.service_headers("reporting", "events:read referrals:read")
    for headers in (admin, caseworker, service):
        response = await client.get(FEED, headers=headers)
        assert response.status_code == 403 and response.json()["code"] == "forbidden"
    assert (await client.get(FEED)).status_code == 401


async def test_the_feed_and_the_webhook_deliveries_follow_one_party_rule(client, world, peers, session):
    """Each institution's feed holds exactly the events its subscription was queued — the same
    ids, types, moments and payloads — across a chain, a descendant's outcome and a follow-up."""
    institutions = (world.pup, world.ops, world.ngo, world.other)
    subscriptions = {}
    for institution in institutions:
        created = await client.post(
            "/v1/webhooks/subscriptions",
            json={"url": "https://receiver.test/hooks"},
            headers=world.headers(Staff(institution, ("institution_admin",))),
        )
        assert created.status_code == 201, created.text
        subscriptions[institution] = uuid.UUID(created.json()["id"])
    root, root_etag, child, child_etag = await pup_ops_ngo(client, world, peers)
    await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
    root, root_etag = await step(
        client, world, world.ops_cw, root, root_etag, "complete", **COMPLETE_EMPLOYED
    )
    other, _ = await create(client, world, sender=world.other_co, target=world.ops)
    followup = (await session.scalars(select(FollowUp).order_by(FollowUp.due_months))).first()
    pup_staff = world.pup_cw.actor()
    await followups.answer(
        session,
        followup_id=followup.id,
        data=schemas.FollowUpAnswer(outcome_code="still_employed"),
        actor=pup_staff,
        now=utcnow() + timedelta(days=200),
    )
    await session.flush()

    for institution in institutions:
        bodies = (
            await session.scalars(
                select(WebhookDelivery.body)
                .join(outbox_event, outbox_event.c.id == WebhookDelivery.event_id)
                .where(WebhookDelivery.subscription_id == subscriptions[institution])
                .order_by(outbox_event.c.seq)
            )
        ).all()
        feed = await read_all(client, world.headers(Staff(institution, ("coordinator",))), limit=4)
        assert [e["id"] for e in feed] == [b["id"] for b in bodies], institution
        for event, body in zip(feed, bodies, strict=True):
            assert {**event, "occurred_at": None} == {**body, "occurred_at": None}
            assert datetime.fromisoformat(event["occurred_at"]) == datetime.fromisoformat(body["occurred_at"])
    # The follow-up is of the NGO's referral: its parties hear of the answer (the root sender gave it).
    assert "followup.answered" in types_of(await read_all(client, world.headers(world.ngo_co)))
    assert types_of(await read_all(client, world.headers(world.pup_co)), child["id"]) == [
        "referral.completed"
    ]
    assert types_of(await read_all(client, world.headers(world.other_co))) == ["referral.sent"]
    assert other["id"] in {e["aggregate_id"] for e in await read_all(client, world.headers(world.ops_co))}


async def test_every_published_event_names_its_institutions(client, world, session):
    body, etag = await create(client, world)
    await step(client, world, world.ops_cw, body, etag, "accept")
    rows = (
        await session.execute(
            select(outbox_event.c.type, EventParty.institution_id)
            .join(EventParty, EventParty.event_seq == outbox_event.c.seq)
            .order_by(outbox_event.c.seq, EventParty.institution_id)
        )
    ).all()
    assert sorted(rows) == sorted(
        [(t, i) for t in ("referral.sent", "referral.accepted") for i in (world.pup, world.ops)]
    )


ON_POSTGRES = os.environ.get("SPLOT_TEST_DATABASE_URL", "").startswith("postgresql")


@pytest.mark.skipif(not ON_POSTGRES, reason="concurrent writers need PostgreSQL (SQLite has one writer)")
async def test_an_event_that_commits_late_is_not_skipped(committed_app, tokens):
    """A poll between two overlapping writers sees the one that committed first; the one that
    committed late (though it was written first) comes after it, not skipped by the cursor, and
    neither writer waited for the other (the outbox's positions are given after commit)."""
    world = World(committed_app.state.peers, tokens)
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        headers = world.headers(world.ops_co)
        first, _ = await create(client, world)
        second, second_etag = await create(client, world)
        cursor = await head_cursor(client, headers)
        async with committed_app.state.sessionmaker() as slow:
            referral = await slow.get(Referral, uuid.UUID(first["id"]))
            payload = transition_payload(
                referral, action="overdue", from_status=referral.status, actor_institution_id=None
            )
            await publish(slow, "referral.overdue", referral=referral, payload=payload)
            # Meanwhile a fast transaction, written after the slow one, commits first: not blocked.
            await step(client, world, world.ops_cw, second, second_etag, "accept")
            meanwhile = (await client.get(FEED, params={"after": cursor}, headers=headers)).json()
            assert types_of(meanwhile["items"]) == ["referral.accepted"]
            await slow.commit()
        caught_up = (
            await client.get(FEED, params={"after": meanwhile["next_cursor"]}, headers=headers)
        ).json()
        assert types_of(caught_up["items"]) == ["referral.overdue"]
        again = (await client.get(FEED, params={"after": cursor}, headers=headers)).json()
        assert types_of(again["items"]) == ["referral.accepted", "referral.overdue"]


async def head_cursor(client, headers) -> str | None:
    """The cursor after the feed's last event (the committed database holds other tests' too)."""
    after = None
    while True:
        page = (
            await client.get(
                FEED, params={"limit": 500, **({"after": after} if after else {})}, headers=headers
            )
        ).json()
        after = page["next_cursor"]
        if not page["has_more"]:
            return after
