"""Issue #14, the referrals side: a referral created from a plan action carries its
``plan_action_id``; every transition of it writes the state for the action in its own
transaction, delivered to the client registry after the commit and retried by the scheduler;
``GET /v1/referrals?plan_action_id=`` lists an action's referrals for their sender and receiver.

The registry is stubbed at the HTTP boundary: the real ``HttpPeers`` call goes through a mock
transport to :class:`PlanRegistry`, which behaves as the registry's endpoint is specified (it
keeps the newest state of each action by the referral's version)."""

import json
import re
import uuid
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from splot.common.db import utcnow
from splot.common.errors import Problem
from splot.referrals import occupancy
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import PlanActionSync, Referral
from splot.referrals.peers import HttpPeers, PeerUnavailable
from splot.referrals.peers_clients_plans import PlanActionRefused, PlanActionState

from conftest import Staff, act, create, run_scheduler, step
from referrals_fakes import FakePeers

PREFIX = "/cl/v1/internal/plan-actions/"
CONSENT = {"kind": "consent"}
CLIENTS_CONTRACT = Path(__file__).resolve().parents[3] / "openapi" / "clients.json"
COMPLETE = {"outcome_codes": ["social_contract_signed"], "delivered": "Kontrakt socjalny"}


class PlanRegistry:
    """The client registry's ``PUT /v1/internal/plan-actions/{id}/referral`` (and its token)."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        #: Every state it was handed, in order: (action id, body).
        self.received: list[tuple[uuid.UUID, dict]] = []
        #: The newest state of each action, as the registry keeps it.
        self.actions: dict[uuid.UUID, dict] = {}
        self.fail: int | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.path == "/dir/v1/oauth/token":
            return httpx.Response(200, json={"access_token": "tok", "expires_in": 900})
        if self.fail is not None:
            return httpx.Response(self.fail, json={"code": "nope"})
        path = request.url.path
        if request.method != "PUT" or not path.startswith(PREFIX) or not path.endswith("/referral"):
            return httpx.Response(404, json={"code": "not_found"})
        action_id = uuid.UUID(path.removeprefix(PREFIX).removesuffix("/referral"))
        body = json.loads(request.content)
        self.received.append((action_id, body))
        current = self.actions.get(action_id)
        if current is None or body["version"] > current["version"]:
            self.actions[action_id] = body
        return httpx.Response(200, json={"plan_action_id": str(action_id), **self.actions[action_id]})


@dataclass
class PlanPeers(FakePeers):
    """The fake directory and registry, except that plan action states go over HTTP."""

    http: HttpPeers | None = None

    async def put_plan_action_referral(self, state: PlanActionState) -> None:
        assert self.http is not None
        await self.http.put_plan_action_referral(state)


SETTINGS = ReferralsSettings(
    token_url="http://peer/dir/v1/oauth/token",
    directory_url="http://peer/dir",
    clients_url="http://peer/cl/",
    service_client_secret="s3cret",
)


@pytest.fixture
def registry() -> PlanRegistry:
    return PlanRegistry()


@pytest.fixture
async def peers(app, registry):
    http = HttpPeers(SETTINGS, transport=httpx.MockTransport(registry))
    fake = PlanPeers(http=http)
    app.state.peers = fake
    yield fake
    await http.aclose()


async def _rows(session, referral_id=None) -> list[PlanActionSync]:
    stmt = select(PlanActionSync).order_by(PlanActionSync.version)
    if referral_id is not None:
        stmt = stmt.where(PlanActionSync.referral_id == uuid.UUID(str(referral_id)))
    session.expire_all()
    return list((await session.scalars(stmt)).all())


def _state(body: dict, status: str, outcome: str | None = None) -> dict:
    return {
        "referral_id": body["id"],
        "person_id": body["person_id"],
        "sender_institution_id": body["sender_institution_id"],
        "status": status,
        "outcome_code": outcome,
        "receiver_institution_id": body["target_institution_id"],
        "version": body["version"],
    }


# ---------------------------------------------------------------------------------------------
# Delivery


async def test_a_referral_sent_from_an_action_tells_the_registry(client, world, registry):
    action = uuid.uuid4()
    body, _ = await create(client, world, plan_action_id=str(action))
    assert body["plan_action_id"] == str(action)
    assert registry.received == [(action, _state(body, "requested"))]
    put = next(r for r in registry.requests if r.method == "PUT")
    assert put.url.path == f"{PREFIX}{action}/referral"
    assert put.headers["authorization"] == "Bearer tok"
    token_request = next(r for r in registry.requests if r.url.path.endswith("/oauth/token"))
    assert b"clients%3Ainternal" in token_request.content  # the scope the endpoint needs


async def test_every_transition_follows_and_the_outcome_reaches_the_action(client, world, registry, session):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    assert registry.actions[action] == _state(body, "accepted")
    body, etag = await step(client, world, world.ops_cw, body, etag, "start")
    body, etag = await step(client, world, world.ops_cw, body, etag, "complete", **COMPLETE)
    assert registry.actions[action] == _state(body, "completed", "social_contract_signed")
    assert [b["status"] for _, b in registry.received] == [
        "requested",
        "accepted",
        "in_progress",
        "completed",
    ]
    assert [b["version"] for _, b in registry.received] == sorted(
        {b["version"] for _, b in registry.received}
    )
    rows = await _rows(session, body["id"])
    assert all(r.done_at is not None and r.attempts == 0 for r in rows) and len(rows) == 4


async def test_referrals_without_an_action_write_nothing(client, world, registry, session):
    body, etag = await create(client, world)
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    await step(client, world, world.ops_cw, body, etag, "start")
    assert body["plan_action_id"] is None
    assert await _rows(session) == []
    assert [r for r in registry.requests if r.method == "PUT"] == []


async def test_a_draft_writes_nothing_until_it_is_sent(client, world, registry, session):
    first, second = uuid.uuid4(), uuid.uuid4()
    draft, etag = await create(client, world, send=False, plan_action_id=str(first))
    assert draft["status"] == "draft" and draft["plan_action_id"] == str(first)
    changed = await client.patch(
        f"/v1/referrals/{draft['id']}",
        json={"plan_action_id": str(second)},
        headers=world.headers(world.pup_cw, **{"If-Match": etag}),
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["plan_action_id"] == str(second)
    assert await _rows(session) == [] and registry.received == []
    sent, _ = await step(client, world, world.pup_cw, changed.json(), changed.headers["etag"], "send")
    assert registry.received == [(second, _state(sent, "requested"))]


async def test_a_rolled_back_transition_writes_and_delivers_nothing(
    client, world, registry, session, app, monkeypatch
):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))

    async def refuse_after_recording(*args, **kwargs):
        # Runs after the state was written in apply(): the whole transition must go.
        raise Problem(409, "test_refusal", "refused after the record")

    monkeypatch.setattr(occupancy, "follow", refuse_after_recording)
    refused = await act(client, world, world.ops_cw, body, etag, "accept")
    assert refused.status_code == 409, refused.text
    assert [r.status for r in await _rows(session, body["id"])] == ["requested"]
    assert registry.received == [(action, _state(body, "requested"))]
    seen = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.ops_cw))
    assert seen.json()["status"] == "requested" and seen.json()["version"] == body["version"]
    monkeypatch.undo()
    assert (await run_scheduler(app, now=utcnow() + timedelta(hours=1))).plan_action_synced == 0


async def test_delivery_is_retried_after_a_registry_failure(client, world, registry, session, app):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))
    registry.fail = 503
    accepted = await act(client, world, world.ops_cw, body, etag, "accept")
    assert accepted.status_code == 200, accepted.text  # the transition stands
    assert registry.actions[action]["status"] == "requested"
    pending = [r for r in await _rows(session, body["id"]) if r.done_at is None]
    assert [(p.status, p.attempts, p.last_error) for p in pending] == [("accepted", 1, "PeerUnavailable")]
    assert (
        timedelta(seconds=25) <= pending[0].next_attempt_at - pending[0].created_at <= timedelta(seconds=35)
    )
    assert (await run_scheduler(app)).plan_action_sync_failed == 0  # not before its next attempt
    report = await run_scheduler(app, now=pending[0].next_attempt_at)
    assert report.plan_action_sync_failed == 1 and registry.actions[action]["status"] == "requested"
    registry.fail = None
    (row,) = [r for r in await _rows(session, body["id"]) if r.done_at is None]
    assert row.attempts == 2 and row.next_attempt_at - pending[0].created_at >= timedelta(seconds=85)
    report = await run_scheduler(app, now=row.next_attempt_at)
    assert report.plan_action_synced == 1
    assert registry.actions[action] == _state(accepted.json(), "accepted")
    again = await run_scheduler(app, now=row.next_attempt_at + timedelta(hours=2))
    assert again.plan_action_synced == 0 and len(registry.received) == 2


async def test_the_newest_version_wins(client, world, registry, session, app, peers):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))
    registry.fail = 503
    accepted, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    started, etag = await step(client, world, world.ops_cw, accepted, etag, "start")
    rows = await _rows(session, body["id"])
    open_rows = [r for r in rows if r.done_at is None and r.superseded_at is None]
    assert [r.status for r in open_rows] == ["in_progress"]  # the accepted state was superseded
    assert [r.status for r in rows if r.superseded_at is not None] == ["accepted"]
    registry.fail = None
    report = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    assert report.plan_action_synced == 1
    assert [b["status"] for _, b in registry.received] == ["requested", "in_progress"]
    # A late, older state (a replica's retry) changes nothing at the registry.
    await peers.put_plan_action_referral(
        PlanActionState(
            action,
            uuid.UUID(body["id"]),
            uuid.UUID(body["person_id"]),
            uuid.UUID(body["sender_institution_id"]),
            "accepted",
            None,
            world.ops,
            accepted["version"],
        )
    )
    assert registry.actions[action] == _state(started, "in_progress")


async def test_a_state_the_registry_refuses_is_not_retried(client, world, registry, session, app):
    registry.fail = 404  # no such action
    body, _ = await create(client, world, plan_action_id=str(uuid.uuid4()))
    (row,) = await _rows(session, body["id"])
    assert (row.done_at is not None, row.last_error, row.attempts) == (True, "refused_404", 1)
    registry.fail = None
    report = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    assert report.plan_action_synced == report.plan_action_sync_failed == 0
    assert registry.received == []


async def _forward(client, world, peers, body, etag):
    """The receiver (OPS) refers the person on to the NGO, with the person's consent."""
    peers.add_consent(world.person, world.ngo)
    forwarded = await client.post(
        f"/v1/referrals/{body['id']}/forward",
        json={"target_institution_id": str(world.ngo), "service_type_code": "kis", "legal_basis": CONSENT},
        headers=world.headers(world.ops_cw, **{"If-Match": etag}),
    )
    assert forwarded.status_code == 201, forwarded.text
    return forwarded


async def test_forwarding_delivers_the_parents_state_and_the_child_serves_no_action(
    client, world, registry, session, peers
):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    body, etag = await step(client, world, world.ops_cw, body, etag, "start")
    forwarded = await _forward(client, world, peers, body, etag)
    assert forwarded.json()["plan_action_id"] is None
    parent = (await session.get(Referral, uuid.UUID(body["id"]), populate_existing=True)).version
    assert registry.actions[action]["version"] == parent > body["version"]  # delivered at once
    assert {b["referral_id"] for _, b in registry.received} == {body["id"]}
    assert await _rows(session, forwarded.json()["id"]) == []


async def test_the_systems_expiry_reaches_the_action(client, world, registry, app):
    action = uuid.uuid4()
    body, _ = await create(client, world, plan_action_id=str(action))
    report = await run_scheduler(app, now=utcnow() + timedelta(days=30))
    assert report.expired == 1 and report.plan_action_synced == 1
    assert registry.actions[action]["status"] == "cancelled"
    assert registry.actions[action]["version"] > body["version"]


# ---------------------------------------------------------------------------------------------
# The HTTP call


@pytest.mark.parametrize(("status", "error"), [(503, PeerUnavailable), (500, PeerUnavailable)])
async def test_a_registry_that_cannot_take_it_now_is_unavailable(registry, status, error):
    registry.fail = status
    http = HttpPeers(SETTINGS, transport=httpx.MockTransport(registry))
    with pytest.raises(error):
        await http.put_plan_action_referral(
            PlanActionState(
                uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "requested", None, uuid.uuid4(), 2
            )
        )
    await http.aclose()


@pytest.mark.parametrize("status", [404, 409, 422])
async def test_a_refusal_for_good_is_told_apart(registry, status):
    registry.fail = status
    http = HttpPeers(SETTINGS, transport=httpx.MockTransport(registry))
    with pytest.raises(PlanActionRefused) as refused:
        await http.put_plan_action_referral(
            PlanActionState(
                uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), uuid.uuid4(), "requested", None, uuid.uuid4(), 2
            )
        )
    assert refused.value.status == status
    await http.aclose()


async def test_the_call_is_the_one_in_the_registrys_published_contract(registry):
    """The registry's committed OpenAPI document says what it accepts (no extra fields)."""
    contract = json.loads(CLIENTS_CONTRACT.read_text())
    operation = contract["paths"]["/v1/internal/plan-actions/{action_id}/referral"]["put"]
    ref = operation["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    schema = contract["components"]["schemas"][ref.rsplit("/", 1)[1]]
    http = HttpPeers(SETTINGS, transport=httpx.MockTransport(registry))
    for outcome in (None, "social_contract_signed"):
        state = PlanActionState(
            uuid.uuid4(),
            uuid.uuid4(),
            uuid.uuid4(),
            uuid.uuid4(),
            "entered_in_error",
            outcome,
            uuid.uuid4(),
            7,
        )
        await http.put_plan_action_referral(state)
    await http.aclose()
    for _, body in registry.received:
        assert set(schema["required"]) <= set(body) <= set(schema["properties"])
        assert re.fullmatch(schema["properties"]["status"]["pattern"], body["status"])
    assert schema.get("additionalProperties") is False


# ---------------------------------------------------------------------------------------------
# GET /v1/referrals?plan_action_id= and who sees the action


async def _listed(client, world, staff: Staff, action, **params) -> tuple[int, list[str]]:
    response = await client.get(
        "/v1/referrals", params={"plan_action_id": str(action), **params}, headers=world.headers(staff)
    )
    items = response.json().get("items", []) if response.status_code == 200 else []
    return response.status_code, [i["id"] for i in items]


async def test_the_sender_and_the_receiver_list_an_actions_referrals(client, world, peers):
    action, other_action = uuid.uuid4(), uuid.uuid4()
    sent, _ = await create(client, world, plan_action_id=str(action))
    draft, _ = await create(client, world, send=False, plan_action_id=str(action))
    await create(client, world, plan_action_id=str(other_action))
    await create(client, world)
    peers.add_consent(world.person, world.ngo)
    to_ngo, _ = await create(
        client,
        world,
        target=world.ngo,
        service_type_code="kis",
        legal_basis=CONSENT,
        plan_action_id=str(action),
    )
    sender_view = [to_ngo["id"], draft["id"], sent["id"]]  # newest first
    assert await _listed(client, world, world.pup_cw, action) == (200, sender_view)
    assert await _listed(client, world, world.pup_co, action) == (200, sender_view)
    api = Staff(world.pup, (), kind="client", scope="referrals:read")
    assert await _listed(client, world, api, action) == (200, sender_view)
    # The receiver: what it received, never the sender's draft nor another receiver's referral.
    assert await _listed(client, world, world.ops_cw, action) == (200, [sent["id"]])
    assert await _listed(client, world, world.ops_co, action) == (200, [sent["id"]])
    assert await _listed(client, world, world.ngo_cw, action) == (200, [to_ngo["id"]])
    # Another institution: nothing, as for an action without referrals.
    assert await _listed(client, world, world.other_co, action) == (200, [])
    assert await _listed(client, world, world.pup_cw, uuid.uuid4()) == (200, [])
    first = await _listed(client, world, world.pup_cw, action, limit=2)
    assert first == (200, sender_view[:2])


@pytest.mark.parametrize("roles", [("analyst",), ("institution_admin",), ("auditor",)])
async def test_roles_without_casework_may_not_list(client, world, roles):
    action = uuid.uuid4()
    await create(client, world, plan_action_id=str(action))
    status, _ = await _listed(client, world, Staff(world.pup, roles), action)
    assert status == 403


async def test_the_action_is_required_and_must_be_an_id(client, world):
    for params in ({}, {"plan_action_id": "not-a-uuid"}):
        response = await client.get("/v1/referrals", params=params, headers=world.headers(world.pup_cw))
        assert response.status_code == 422
        assert response.headers["content-type"].startswith("application/problem+json")


async def test_paging_through_an_actions_referrals(client, world):
    action = uuid.uuid4()
    ids = [(await create(client, world, plan_action_id=str(action)))[0]["id"] for _ in range(3)]
    response = await client.get(
        "/v1/referrals",
        params={"plan_action_id": str(action), "limit": 2},
        headers=world.headers(world.pup_cw),
    )
    page = response.json()
    assert [i["id"] for i in page["items"]] == ids[::-1][:2] and page["next_cursor"]
    rest = await client.get(
        "/v1/referrals",
        params={"plan_action_id": str(action), "limit": 2, "cursor": page["next_cursor"]},
        headers=world.headers(world.pup_cw),
    )
    assert [i["id"] for i in rest.json()["items"]] == [ids[0]] and rest.json()["next_cursor"] is None


async def test_the_action_is_visible_to_whoever_sees_the_referral(client, world, peers):
    action = uuid.uuid4()
    body, etag = await create(client, world, plan_action_id=str(action))
    body, etag = await step(client, world, world.ops_cw, body, etag, "accept")
    body, etag = await step(client, world, world.ops_cw, body, etag, "start")
    await _forward(client, world, peers, body, etag)
    for staff in (world.pup_cw, world.ops_cw):
        seen = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(staff))
        assert seen.json()["plan_action_id"] == str(action)
    # A party of the chain (the NGO) sees the chain view of the root, its action included, but
    # does not find it among an action's referrals (it neither sent nor received it).
    chain_view = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.ngo_cw))
    assert chain_view.json()["view"] == "chain" and chain_view.json()["plan_action_id"] == str(action)
    assert await _listed(client, world, world.ngo_cw, action) == (200, [])
    outsider = await client.get(f"/v1/referrals/{body['id']}", headers=world.headers(world.other_co))
    assert outsider.status_code == 404
