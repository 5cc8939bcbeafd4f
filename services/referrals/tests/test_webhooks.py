"""Webhooks: subscriptions per institution, signed deliveries to a real ASGI receiver, back-off,
dead letters, replay and the delivery log."""

import json
import uuid
from datetime import timedelta

import httpx
from fastapi import FastAPI, Request, Response
from sqlalchemy import select

from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals import webhooks
from splot.referrals.models import WebhookDelivery, WebhookSubscription

from conftest import Staff, create, run_scheduler, step


class Receiver:
    """An institution's system: verifies every signature with the secret it was given."""

    def __init__(self) -> None:
        self.secret = ""
        self.status = 200
        self.received: list[dict] = []
        self.app = FastAPI()

        @self.app.post("/hooks")
        async def hooks(request: Request) -> Response:
            body = await request.body()
            valid = webhooks.verify(
                self.secret, request.headers["splot-timestamp"], body, request.headers["splot-signature"]
            )
            self.received.append(
                {
                    "valid": valid,
                    "event_id": request.headers["splot-event-id"],
                    "type": request.headers["splot-event-type"],
                    "body": json.loads(body),
                }
            )
            return Response(status_code=self.status)

    @property
    def transport(self) -> httpx.ASGITransport:
        return httpx.ASGITransport(app=self.app)


def admin(world, institution_id) -> Staff:
    return Staff(institution_id, ("institution_admin",))


async def subscribe(client, world, institution_id, **body):
    response = await client.post(
        "/v1/webhooks/subscriptions",
        json={"url": "http://receiver.test/hooks", **body},
        headers=world.headers(admin(world, institution_id)),
    )
    assert response.status_code == 201, response.text
    return response.json()


async def test_signed_delivery_to_a_party_only(client, world, session, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup, description="Syriusz")
    receiver.secret = sub["secret"]
    assert sub["secret"].startswith("whsec_") and sub["event_types"] == []
    stored = await session.get(WebhookSubscription, uuid.UUID(sub["id"]))
    assert sub["secret"] not in stored.secret_encrypted
    await subscribe(client, world, world.other)  # a third institution's subscription hears nothing
    body, etag = await create(client, world)
    report = await run_scheduler(app, transport=receiver.transport)
    assert report.webhooks_delivered == 1 and len(receiver.received) == 1
    got = receiver.received[0]
    assert got["valid"] is True and got["type"] == "referral.sent"
    outbox_id = (
        await session.scalars(select(outbox_event.c.id).where(outbox_event.c.aggregate_id == body["id"]))
    ).one()
    assert got["event_id"] == str(outbox_id) == got["body"]["id"]
    assert got["body"]["data"]["referral"]["id"] == body["id"] and got["body"]["aggregate_type"] == "referral"
    # A tampered body or another secret fails verification.
    raw = webhooks.encode_body(got["body"])
    signature = webhooks.sign(sub["secret"], 1_800_000_000, raw)
    assert not webhooks.verify("whsec_other", "1800000000", raw, signature, tolerance=10**10)
    assert not webhooks.verify(sub["secret"], "1800000000", raw + b" ", signature, tolerance=10**10)
    assert webhooks.verify(sub["secret"], "1800000000", raw, signature, tolerance=10**10)
    assert (await run_scheduler(app, transport=receiver.transport)).webhooks_delivered == 0


async def test_event_type_filter(client, world, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.ops, event_types=["referral.accepted"])
    receiver.secret = sub["secret"]
    body, etag = await create(client, world)
    await step(client, world, world.ops_cw, body, etag, "accept")
    await run_scheduler(app, transport=receiver.transport)
    assert [r["type"] for r in receiver.received] == ["referral.accepted"]
    assert all(r["valid"] for r in receiver.received)
    bad = await client.post(
        "/v1/webhooks/subscriptions",
        json={"url": "http://receiver.test/hooks", "event_types": ["referral.exploded"]},
        headers=world.headers(admin(world, world.ops)),
    )
    assert bad.status_code == 422


async def test_back_off_dead_letter_replay_and_log(client, world, session, app):
    app.state.settings.webhook_max_attempts = 3
    receiver = Receiver()
    receiver.status = 500
    sub = await subscribe(client, world, world.pup)
    receiver.secret = sub["secret"]
    await create(client, world)
    moment = utcnow()
    first = await run_scheduler(app, now=moment, transport=receiver.transport)
    assert first.webhooks_failed == 1
    delivery = (await session.scalars(select(WebhookDelivery))).one()
    await session.refresh(delivery)
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.next_attempt_at == moment + timedelta(seconds=30)
    # Not before the back-off has passed.
    assert (
        await run_scheduler(app, now=moment + timedelta(seconds=29), transport=receiver.transport)
    ).webhooks_failed == 0
    await run_scheduler(app, now=moment + timedelta(seconds=31), transport=receiver.transport)
    await session.refresh(delivery)
    assert delivery.attempts == 2 and delivery.next_attempt_at == moment + timedelta(seconds=31 + 60)
    await run_scheduler(app, now=moment + timedelta(seconds=100), transport=receiver.transport)
    await session.refresh(delivery)
    assert delivery.status == "dead" and delivery.attempts == 3 and delivery.last_status_code == 500
    assert (
        await run_scheduler(app, now=moment + timedelta(days=1), transport=receiver.transport)
    ).webhooks_failed == 0
    assert len(receiver.received) == 3 and len({r["event_id"] for r in receiver.received}) == 1

    headers = world.headers(admin(world, world.pup))
    log = await client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries?status=dead", headers=headers)
    entry = log.json()["items"][0]
    assert entry["status"] == "dead" and [a["status_code"] for a in entry["attempt_log"]] == [500, 500, 500]
    replayed = await client.post(
        f"/v1/webhooks/subscriptions/{sub['id']}/deliveries/{entry['id']}/replay", headers=headers
    )
    assert replayed.status_code == 200 and replayed.json()["status"] == "pending"
    receiver.status = 204
    report = await run_scheduler(app, transport=receiver.transport)
    assert report.webhooks_delivered == 1
    assert receiver.received[-1]["event_id"] == entry["event_id"] and receiver.received[-1]["valid"]
    log = await client.get(f"/v1/webhooks/subscriptions/{sub['id']}/deliveries", headers=headers)
    entry = log.json()["items"][0]
    assert entry["status"] == "delivered" and len(entry["attempt_log"]) == 4


async def test_unreachable_receiver_is_retried(client, world, session, app):
    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    await subscribe(client, world, world.pup)
    await create(client, world)
    report = await run_scheduler(app, transport=httpx.MockTransport(refuse))
    assert report.webhooks_failed == 1
    delivery = (await session.scalars(select(WebhookDelivery))).one()
    await session.refresh(delivery)
    # The subscriber learns that the connection failed, not why (nor where it tried).
    assert delivery.last_error == "connection failed" and delivery.status == "pending"


async def test_only_institution_admins_or_webhook_clients_manage_subscriptions(client, world):
    payload = {"url": "http://receiver.test/hooks"}
    for staff in (world.pup_cw, world.pup_co, Staff(world.pup, (), kind="client", scope="referrals:write")):
        response = await client.post("/v1/webhooks/subscriptions", json=payload, headers=world.headers(staff))
        assert response.status_code == 403
    system = Staff(world.pup, (), kind="client", scope="webhooks:manage")
    created = await client.post("/v1/webhooks/subscriptions", json=payload, headers=world.headers(system))
    assert created.status_code == 201 and created.json()["institution_id"] == str(world.pup)
    sub_url = f"/v1/webhooks/subscriptions/{created.json()['id']}"
    pup_admin = world.headers(admin(world, world.pup))
    listed = await client.get("/v1/webhooks/subscriptions", headers=pup_admin)
    assert [s["id"] for s in listed.json()["items"]] == [created.json()["id"]]
    assert "secret" not in listed.json()["items"][0]
    other_admin = world.headers(admin(world, world.other))
    assert (await client.get(sub_url, headers=other_admin)).status_code == 404
    assert (await client.get("/v1/webhooks/subscriptions", headers=other_admin)).json()["items"] == []
    # Changes need If-Match; the secret can be rotated; deletion removes it.
    got = await client.get(sub_url, headers=pup_admin)
    assert (await client.patch(sub_url, json={"active": False}, headers=pup_admin)).status_code == 428
    paused = await client.patch(
        sub_url, json={"active": False}, headers={**pup_admin, "If-Match": got.headers["etag"]}
    )
    assert paused.status_code == 200 and paused.json()["active"] is False and paused.json()["version"] == 2
    rotated = await client.post(f"{sub_url}/rotate-secret", headers=pup_admin)
    assert rotated.status_code == 200 and rotated.json()["secret"] != created.json()["secret"]
    current = (await client.get(sub_url, headers=pup_admin)).headers["etag"]
    assert (await client.delete(sub_url, headers={**pup_admin, "If-Match": current})).status_code == 204
    assert (await client.get(sub_url, headers=pup_admin)).status_code == 404


async def test_production_refuses_plain_http(client, world, app):
    app.state.settings.webhook_allow_http = False
    response = await client.post(
        "/v1/webhooks/subscriptions",
        json={"url": "http://receiver.test/hooks"},
        headers=world.headers(admin(world, world.pup)),
    )
    assert response.status_code == 422 and response.json()["code"] == "webhook_url_not_allowed"
    assert response.json()["detail"] == "https required"
    assert response.json()["errors"][0]["loc"] == ["body", "url"]
    ok = await client.post(
        "/v1/webhooks/subscriptions",
        json={"url": "https://receiver.test/hooks"},
        headers=world.headers(admin(world, world.pup)),
    )
    assert ok.status_code == 201


async def test_paused_subscriptions_are_not_delivered(client, world, app, session):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    receiver.secret = sub["secret"]
    stored = await session.get(WebhookSubscription, uuid.UUID(sub["id"]))
    stored.active = False
    await session.flush()
    await create(client, world)
    assert (await session.scalars(select(WebhookDelivery))).all() == []
    assert (await run_scheduler(app, transport=receiver.transport)).webhooks_delivered == 0


async def test_the_list_shows_each_subscriptions_newest_delivery(client, world, app):
    receiver = Receiver()
    headers = world.headers(admin(world, world.ops))
    quiet = await subscribe(client, world, world.ops, event_types=["referral.completed"])
    busy = await subscribe(client, world, world.ops, event_types=["referral.sent", "referral.accepted"])
    receiver.secret = busy["secret"]
    body, etag = await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    receiver.status = 500
    await step(client, world, world.ops_cw, body, etag, "accept")
    await run_scheduler(app, transport=receiver.transport)

    listed = {
        item["id"]: item
        for item in (await client.get("/v1/webhooks/subscriptions", headers=headers)).json()["items"]
    }
    assert listed[quiet["id"]]["last_delivery"] is None
    last = listed[busy["id"]]["last_delivery"]
    # The newest one (the acceptance, refused by the receiver), not the delivered first one.
    assert last["event_type"] == "referral.accepted" and last["status"] == "pending"
    assert last["attempts"] == 1 and last["last_status_code"] == 500 and last["delivered_at"] is None
