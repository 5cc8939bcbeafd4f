"""Webhooks: subscriptions per institution, deliveries signed by the Standard Webhooks
specification to a real ASGI receiver, secret rotation with a grace period, back-off, dead
letters, replay and the delivery log; the key ring that encrypts stored secrets.

Signatures are checked against an implementation of the specification's text written out below
(``spec_signature``), not against the production signer, and once with the specification's own
Python library (``standardwebhooks``).
"""

import asyncio
import base64
import hashlib
import hmac
import json
import re
import time
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import standardwebhooks
from cryptography.fernet import InvalidToken
from fastapi import FastAPI, Request, Response
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker

from splot.common.db import create_engine, utcnow
from splot.common.events import outbox_event
from splot.common.settings import DevSecretInProduction
from splot.referrals import cli, webhook_delivery, webhook_secrets
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookDelivery, WebhookSubscription
from splot.referrals.webhook_signature import (
    WebhookVerificationError,
    new_secret,
    secret_key,
    sign,
    standard_secret,
    verify,
)

from conftest import Staff, create, run_scheduler, step

# --- the specification, written out independently ---------------------------------------------


def spec_signature(secret: str, msg_id: str, timestamp: str, body: bytes) -> str:
    """Standard Webhooks 1.0.0, symmetric: the secret is "whsec_" + base64 of the key; the signed
    content is "{msg_id}.{timestamp}.{payload}"; the signature is "v1," + base64 of its
    HMAC-SHA256."""
    assert secret.startswith("whsec_")
    key = base64.b64decode(secret[len("whsec_") :], validate=True)
    content = msg_id.encode() + b"." + timestamp.encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, content, hashlib.sha256).digest()).decode()


def spec_valid(secret: str, headers, body: bytes, *, tolerance: int = 300) -> bool:
    """A receiver by the specification's text: the three headers, a timestamp within the
    tolerance, any one of the space-separated signatures matching (constant-time)."""
    msg_id = headers.get("webhook-id")
    timestamp = headers.get("webhook-timestamp")
    signatures = headers.get("webhook-signature")
    if not (msg_id and timestamp and signatures) or abs(time.time() - int(timestamp)) > tolerance:
        return False
    expected = spec_signature(secret, msg_id, timestamp, body)
    return any(hmac.compare_digest(expected, given) for given in signatures.split(" "))


def first_scheme_signature(secret: str, timestamp: str, body: bytes) -> str:
    """``Splot-Signature`` as documented before the switch: v1= and the hex HMAC-SHA256 of
    "<timestamp>.<body>" keyed with the secret's text."""
    return "v1=" + hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()


#: The test vector the specification's reference libraries share (its page gives none with a
#: secret): the same secret, id, timestamp and payload give this signature in every language.
VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek"
VECTOR_TIMESTAMP = 1614265330
VECTOR_PAYLOAD = b'{"test": 2432232314}'
VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="

#: A secret as issued before the switch: "whsec_" + secrets.token_urlsafe(32) (URL-safe, unpadded).
LEGACY_SECRET = "whsec_pIE18OZ403u1e4_Q8tsWDGjC2ch7XfsKD-srE0h0Tuw"


class Receiver:
    """An institution's system: checks every delivery against the secret it was given, by the
    specification's text (``spec_valid``), and keeps the raw request."""

    def __init__(self) -> None:
        self.secret = ""
        self.status = 200
        self.received: list[dict] = []
        self.app = FastAPI()

        @self.app.post("/hooks")
        async def hooks(request: Request) -> Response:
            body = await request.body()
            headers = {name.lower(): value for name, value in request.headers.items()}
            try:
                valid = spec_valid(self.secret, headers, body)
            except (AssertionError, ValueError):  # no secret given, or not one in standard base64
                valid = False
            self.received.append(
                {
                    "valid": valid,
                    "event_id": headers["webhook-id"],
                    "type": headers["splot-event-type"],
                    "body": json.loads(body),
                    "raw": body,
                    "headers": headers,
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
    # The published helper agrees; another secret or a changed body does not verify.
    verify(sub["secret"], got["raw"], got["headers"])
    assert not spec_valid(new_secret(), got["headers"], got["raw"])
    assert not spec_valid(sub["secret"], got["headers"], got["raw"] + b" ")
    assert (await run_scheduler(app, transport=receiver.transport)).webhooks_delivered == 0


async def test_delivery_headers_follow_the_standard(client, world, session, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    receiver.secret = sub["secret"]
    body, _ = await create(client, world)
    before = int(time.time())
    await run_scheduler(app, transport=receiver.transport)
    after = int(time.time())
    [got] = receiver.received
    headers, raw = got["headers"], got["raw"]
    outbox_id = (
        await session.scalars(select(outbox_event.c.id).where(outbox_event.c.aggregate_id == body["id"]))
    ).one()
    # webhook-id is the outbox event id; webhook-timestamp the attempt's Unix seconds.
    assert headers["webhook-id"] == str(outbox_id)
    assert re.fullmatch(r"[0-9]+", headers["webhook-timestamp"])
    assert before <= int(headers["webhook-timestamp"]) <= after
    # One secret, one signature: exactly the specification's.
    assert headers["webhook-signature"] == spec_signature(
        sub["secret"], headers["webhook-id"], headers["webhook-timestamp"], raw
    )
    assert headers["splot-event-type"] == "referral.sent" and headers["content-type"] == "application/json"
    # The first scheme's headers, for one more release: same id and time, the old signature.
    assert headers["splot-event-id"] == headers["webhook-id"]
    assert headers["splot-timestamp"] == headers["webhook-timestamp"]
    assert headers["splot-signature"] == first_scheme_signature(
        sub["secret"], headers["splot-timestamp"], raw
    )


async def test_a_delivery_verifies_with_the_standard_webhooks_library(client, world, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    receiver.secret = sub["secret"]
    await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    [got] = receiver.received
    payload = standardwebhooks.Webhook(sub["secret"]).verify(got["raw"], got["headers"])
    assert payload["id"] == got["headers"]["webhook-id"] and payload["type"] == "referral.sent"
    with pytest.raises(standardwebhooks.webhooks.WebhookVerificationError):
        standardwebhooks.Webhook(new_secret()).verify(got["raw"], got["headers"])


def test_new_secrets_are_standard():
    issued = {new_secret() for _ in range(20)}
    assert len(issued) == 20
    for secret in issued:
        # "whsec_" + standard base64 (with padding) of 32 random bytes (the specification: 24-64).
        assert re.fullmatch(r"whsec_[A-Za-z0-9+/]{43}=", secret)
        assert len(base64.b64decode(secret[6:], validate=True)) == 32
        assert standard_secret(secret) == secret


def test_the_shared_test_vector():
    timestamp = str(VECTOR_TIMESTAMP)
    assert spec_signature(VECTOR_SECRET, VECTOR_ID, timestamp, VECTOR_PAYLOAD) == VECTOR_SIGNATURE
    assert sign(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_PAYLOAD) == VECTOR_SIGNATURE
    headers = {"webhook-id": VECTOR_ID, "webhook-timestamp": timestamp, "webhook-signature": VECTOR_SIGNATURE}
    verify(VECTOR_SECRET, VECTOR_PAYLOAD, headers, now=VECTOR_TIMESTAMP + 299)
    with pytest.raises(WebhookVerificationError):
        verify(VECTOR_SECRET, VECTOR_PAYLOAD, headers, now=VECTOR_TIMESTAMP + 301)


def _signed(secrets_: list[str], msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    """Headers as a sender following the specification builds them (one signature per secret)."""
    signatures = " ".join(spec_signature(s, msg_id, str(timestamp), body) for s in secrets_)
    return {"Webhook-Id": msg_id, "Webhook-Timestamp": str(timestamp), "Webhook-Signature": signatures}


def test_verify_accepts_either_secret_during_a_rotation_and_refuses_forgeries():
    old, new = new_secret(), new_secret()
    msg_id, now, body = str(uuid.uuid4()), int(time.time()), b'{"type":"referral.sent","data":{}}'
    both = _signed([new, old], msg_id, now, body)
    # Either secret verifies a delivery signed with both (header names in any case).
    verify(old, body, both)
    verify(new, body, both)
    verify(new, body, {k.lower(): v for k, v in both.items()})
    # Unknown schemes and malformed entries are skipped, not fatal.
    extra = {**both, "Webhook-Signature": "v1a,AAAA v2,xyz v1,not-base64! " + both["Webhook-Signature"]}
    verify(old, body, extra)
    refused = {
        "another secret": (new_secret(), body, both),
        "a tampered body": (new, body + b" ", both),
        "another id": (new, body, {**both, "Webhook-Id": str(uuid.uuid4())}),
        "an old timestamp": (new, body, _signed([new], msg_id, now - 301, body)),
        "a future timestamp": (new, body, _signed([new], msg_id, now + 301, body)),
        "a changed timestamp": (new, body, {**both, "Webhook-Timestamp": str(now + 1)}),
        "a timestamp that is not Unix seconds": (new, body, {**both, "Webhook-Timestamp": f"{now}.0"}),
        "no signature": (new, body, {**both, "Webhook-Signature": ""}),
        "no id": (new, body, {k: v for k, v in both.items() if k != "Webhook-Id"}),
        "another scheme only": (
            new,
            body,
            {**both, "Webhook-Signature": both["Webhook-Signature"].replace("v1,", "v1a,")},
        ),
    }
    for case, (secret, given_body, headers) in refused.items():
        with pytest.raises(WebhookVerificationError):
            verify(secret, given_body, headers)
            pytest.fail(f"accepted {case}")
    # The tolerance is five minutes either way.
    verify(new, body, _signed([new], msg_id, now - 299, body))
    verify(new, body, _signed([new], msg_id, now + 299, body))


def test_the_readme_verification_example():
    """The integrators' example in the README is code that works."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    start = readme.index("```python\n", readme.index("<!-- verification example")) + len("```python\n")
    namespace: dict = {}
    exec(readme[start : readme.index("```", start)], namespace)
    verify_delivery = namespace["verify_delivery"]
    old, new = new_secret(), new_secret()
    msg_id, now, body = str(uuid.uuid4()), int(time.time()), b'{"type":"referral.sent"}'
    # Frameworks hand over headers that ignore case (httpx, Starlette, Flask alike).
    for secret in (old, new):
        verify_delivery(secret, body, httpx.Headers(_signed([new, old], msg_id, now, body)))
    for secret, given, headers in (
        (new_secret(), body, _signed([new], msg_id, now, body)),
        (new, body + b" ", _signed([new], msg_id, now, body)),
        (new, body, _signed([new], msg_id, now - 301, body)),
    ):
        with pytest.raises(ValueError):
            verify_delivery(secret, given, httpx.Headers(headers))


async def test_rotation_signs_with_both_secrets_for_the_grace_period(client, world, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    old = sub["secret"]
    url = f"/v1/webhooks/subscriptions/{sub['id']}"
    rotated = await client.post(f"{url}/rotate-secret", headers=world.headers(admin(world, world.pup)))
    assert rotated.status_code == 200
    new = rotated.json()["secret"]
    assert new != old and standard_secret(new) == new
    body, etag = await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    [during] = receiver.received
    signatures = during["headers"]["webhook-signature"].split(" ")
    stamp, msg_id = during["headers"]["webhook-timestamp"], during["headers"]["webhook-id"]
    # The new secret's signature first, then the previous one's.
    assert signatures == [spec_signature(s, msg_id, stamp, during["raw"]) for s in (new, old)]
    for secret in (old, new):
        assert spec_valid(secret, during["headers"], during["raw"])
        verify(secret, during["raw"], during["headers"])
        standardwebhooks.Webhook(secret).verify(during["raw"], during["headers"])
    # The first scheme's header carries the current secret only (as it always did).
    assert during["headers"]["splot-signature"] == first_scheme_signature(new, stamp, during["raw"])

    # After the grace period (24 h by default) only the new secret signs.
    await step(client, world, world.ops_cw, body, etag, "accept")
    later = utcnow() + timedelta(seconds=app.state.settings.webhook_secret_rotation_grace_seconds + 1)
    await run_scheduler(app, now=later, transport=receiver.transport)
    after = receiver.received[-1]
    assert after["type"] == "referral.accepted"
    assert after["headers"]["webhook-signature"] == spec_signature(
        new, after["headers"]["webhook-id"], after["headers"]["webhook-timestamp"], after["raw"]
    )
    verify(new, after["raw"], after["headers"])
    with pytest.raises(WebhookVerificationError):
        verify(old, after["raw"], after["headers"])


async def test_rotation_keeps_only_the_secret_just_replaced(client, world, app):
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    url = f"/v1/webhooks/subscriptions/{sub['id']}/rotate-secret"
    headers = world.headers(admin(world, world.pup))
    second = (await client.post(url, headers=headers)).json()["secret"]
    third = (await client.post(url, headers=headers)).json()["secret"]
    await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    [got] = receiver.received
    assert len(got["headers"]["webhook-signature"].split(" ")) == 2
    for secret in (second, third):
        verify(secret, got["raw"], got["headers"])
    with pytest.raises(WebhookVerificationError):
        verify(sub["secret"], got["raw"], got["headers"])


async def test_rotation_without_a_grace_period_ends_the_old_secret_at_once(client, world, app):
    app.state.settings.webhook_secret_rotation_grace_seconds = 0
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    url = f"/v1/webhooks/subscriptions/{sub['id']}/rotate-secret"
    new = (await client.post(url, headers=world.headers(admin(world, world.pup)))).json()["secret"]
    await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    [got] = receiver.received
    assert " " not in got["headers"]["webhook-signature"]
    verify(new, got["raw"], got["headers"])
    with pytest.raises(WebhookVerificationError):
        verify(sub["secret"], got["raw"], got["headers"])


async def test_secrets_issued_before_the_standard_keep_working(client, world, session, app):
    """A subscription made before the switch keeps its secret: the first scheme's header verifies
    as before, and the standard signature is keyed with the 32 bytes the secret was made of (its
    URL-safe base64), i.e. the same secret spelled in standard base64."""
    receiver = Receiver()
    sub = await subscribe(client, world, world.pup)
    stored = await session.get(WebhookSubscription, uuid.UUID(sub["id"]))
    stored.secret_encrypted = webhook_secrets.seal(
        app.state.settings, webhook_secrets.SigningSecrets(LEGACY_SECRET)
    )
    await session.flush()
    await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    [got] = receiver.received
    headers, raw = got["headers"], got["raw"]
    assert headers["splot-signature"] == first_scheme_signature(
        LEGACY_SECRET, headers["splot-timestamp"], raw
    )
    # The documented rewrite: "-" → "+", "_" → "/", padding added.
    text = LEGACY_SECRET[len("whsec_") :]
    rewritten = "whsec_" + text.replace("-", "+").replace("_", "/") + "=" * (-len(text) % 4)
    assert standard_secret(LEGACY_SECRET) == rewritten
    assert (
        secret_key(LEGACY_SECRET) == base64.urlsafe_b64decode(text + "=")
        and len(secret_key(LEGACY_SECRET)) == 32
    )
    assert spec_valid(rewritten, headers, raw)
    standardwebhooks.Webhook(rewritten).verify(raw, headers)
    verify(LEGACY_SECRET, raw, headers)  # the helper reads either spelling


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


def test_back_off_is_capped(app):
    settings = app.state.settings
    assert [webhook_delivery.backoff(settings, n).total_seconds() for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert webhook_delivery.backoff(settings, 8) == timedelta(hours=1)  # 30 · 2^7 s would be 64 minutes
    assert webhook_delivery.backoff(settings, 500) == timedelta(hours=1)


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


# --- the keys that encrypt stored secrets -----------------------------------------------------

OLD_KEY = "old-webhook-key-" + "o" * 32
NEW_KEY = "new-webhook-key-" + "n" * 32


def rekeyed(settings: ReferralsSettings, keys: str) -> ReferralsSettings:
    """The same settings with ``webhook_secret_keys`` (and no single key) as an operator sets them."""
    data = settings.model_dump()
    data.pop("webhook_secret_key")
    return ReferralsSettings(**{**data, "webhook_secret_keys": keys})


async def test_stored_secrets_survive_a_key_rotation(client, world, session, app):
    """Encrypted with the old key; the new key goes first (the old still decrypts); re-encrypted;
    the old key removed: deliveries still verify, and no subscription's ETag moved."""
    receiver = Receiver()
    app.state.settings = rekeyed(app.state.settings, OLD_KEY)
    sub = await subscribe(client, world, world.pup)
    receiver.secret = sub["secret"]
    etag = (
        await client.get(
            f"/v1/webhooks/subscriptions/{sub['id']}", headers=world.headers(admin(world, world.pup))
        )
    ).headers["etag"]
    stored = await session.get(WebhookSubscription, uuid.UUID(sub["id"]))
    sealed_with_old, updated_at = stored.secret_encrypted, stored.updated_at

    app.state.settings = rekeyed(app.state.settings, f"{NEW_KEY}, {OLD_KEY}")
    assert app.state.settings.webhook_key_ring.keys == (NEW_KEY, OLD_KEY)
    body, referral_etag = await create(client, world)
    await run_scheduler(app, transport=receiver.transport)
    assert [r["valid"] for r in receiver.received] == [True]

    report = await webhook_secrets.reencrypt_secrets(session, app.state.settings)
    assert (report.keys, report.reencrypted, report.already_current, report.unreadable) == (2, 1, 0, [])
    again = await webhook_secrets.reencrypt_secrets(session, app.state.settings)
    assert (again.reencrypted, again.already_current) == (0, 1)

    app.state.settings = rekeyed(app.state.settings, NEW_KEY)
    await session.refresh(stored)
    assert stored.secret_encrypted != sealed_with_old
    assert stored.updated_at == updated_at  # re-encryption is not an edit
    assert webhook_secrets.unseal(app.state.settings, stored.secret_encrypted).current == sub["secret"]
    with pytest.raises(InvalidToken):
        webhook_secrets.unseal(rekeyed(app.state.settings, OLD_KEY), stored.secret_encrypted)
    await step(client, world, world.ops_cw, body, referral_etag, "accept")
    await run_scheduler(app, transport=receiver.transport)
    assert [r["valid"] for r in receiver.received] == [True, True]
    got = await client.get(
        f"/v1/webhooks/subscriptions/{sub['id']}", headers=world.headers(admin(world, world.pup))
    )
    assert got.headers["etag"] == etag  # re-encryption is not a change of the subscription


async def test_reencryption_moves_rotated_secrets_and_reports_unreadable_ones(client, world, session, app):
    app.state.settings = rekeyed(app.state.settings, OLD_KEY)
    first = await subscribe(client, world, world.pup)
    rotated = await client.post(
        f"/v1/webhooks/subscriptions/{first['id']}/rotate-secret",
        headers=world.headers(admin(world, world.pup)),
    )
    lost = await subscribe(client, world, world.pup)
    stranger = rekeyed(app.state.settings, "a-key-nobody-has-any-more-" + "x" * 20)
    (await session.get(WebhookSubscription, uuid.UUID(lost["id"]))).secret_encrypted = webhook_secrets.seal(
        stranger, webhook_secrets.SigningSecrets(new_secret())
    )
    await session.flush()
    both = rekeyed(app.state.settings, f"{NEW_KEY},{OLD_KEY}")
    report = await webhook_secrets.reencrypt_secrets(session, both)
    assert report.reencrypted == 1 and report.unreadable == [lost["id"]]
    stored = await session.get(WebhookSubscription, uuid.UUID(first["id"]))
    await session.refresh(stored)
    found = webhook_secrets.unseal(rekeyed(both, NEW_KEY), stored.secret_encrypted)
    # The rotation's grace period survives re-encryption.
    assert (found.current, found.previous) == (rotated.json()["secret"], first["secret"])
    assert found.previous_until is not None and found.previous_until > utcnow()
    # A subscription whose secret no key decrypts is recovered by rotating its secret.
    app.state.settings = both
    recovered = await client.post(
        f"/v1/webhooks/subscriptions/{lost['id']}/rotate-secret",
        headers=world.headers(admin(world, world.pup)),
    )
    assert recovered.status_code == 200
    lost_row = await session.get(WebhookSubscription, uuid.UUID(lost["id"]))
    assert webhook_secrets.unseal(both, lost_row.secret_encrypted) == webhook_secrets.SigningSecrets(
        recovered.json()["secret"]
    )


def test_the_key_settings(monkeypatch):
    for name in ("SPLOT_REFERRALS_WEBHOOK_SECRET_KEY", "SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS"):
        monkeypatch.delenv(name, raising=False)
    assert ReferralsSettings().webhook_key_ring.keys == ("dev-insecure-webhook-secret-key",)
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS", f" {NEW_KEY} ,{OLD_KEY},,{NEW_KEY}")
    assert ReferralsSettings().webhook_key_ring.keys == (NEW_KEY, OLD_KEY)
    # The single key of earlier releases is still read, whole (a comma is part of it), and first.
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEY", "legacy,with-a-comma")
    assert ReferralsSettings().webhook_key_ring.keys == ("legacy,with-a-comma", NEW_KEY, OLD_KEY)
    monkeypatch.delenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS")
    assert ReferralsSettings().webhook_key_ring.keys == ("legacy,with-a-comma",)


@pytest.mark.parametrize(
    "keys",
    [
        {},  # nothing set: the development default
        {"webhook_secret_keys": "dev-insecure-webhook-secret-key"},
        {"webhook_secret_keys": f"{NEW_KEY},dev-insecure-webhook-secret-key"},  # a later key counts too
        {"webhook_secret_key": "dev-insecure-webhook-secret-key", "webhook_secret_keys": NEW_KEY},
        {"webhook_secret_key": NEW_KEY, "webhook_secret_keys": "dev-insecure-old"},
    ],
)
def test_production_refuses_development_webhook_keys(monkeypatch, keys):
    for name in ("SPLOT_REFERRALS_WEBHOOK_SECRET_KEY", "SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS"):
        monkeypatch.delenv(name, raising=False)
    production = {
        "environment": "production",
        "database_url": "postgresql+asyncpg://splot@db.example/referrals",
        "service_client_secret": "s" * 40,
    }
    with pytest.raises((DevSecretInProduction, ValidationError), match="production refuses"):
        ReferralsSettings(**production, **keys)
    accepted = ReferralsSettings(**production, webhook_secret_keys=f"{NEW_KEY},{OLD_KEY}")
    assert accepted.webhook_key_ring.keys == (NEW_KEY, OLD_KEY)
    assert ReferralsSettings(**production, webhook_secret_key=OLD_KEY).webhook_key_ring.keys == (OLD_KEY,)


def test_the_reencrypt_secrets_command(tmp_path, monkeypatch, capsys):
    url = f"sqlite+aiosqlite:///{tmp_path / 'referrals.db'}"
    monkeypatch.setenv("SPLOT_REFERRALS_DATABASE_URL", url)
    monkeypatch.delenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS", raising=False)
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEY", OLD_KEY)
    assert cli.main(["migrate"]) == 0
    secret = new_secret()

    async def stored(settings: ReferralsSettings, write: bool = False) -> str:
        engine = create_engine(url)
        try:
            async with async_sessionmaker(engine)() as session:
                if write:
                    session.add(
                        WebhookSubscription(
                            institution_id=uuid.uuid4(),
                            url="https://receiver.test/hooks",
                            event_types=[],
                            secret_encrypted=webhook_secrets.seal(
                                settings, webhook_secrets.SigningSecrets(secret)
                            ),
                            created_by="test",
                        )
                    )
                    await session.commit()
                token = (await session.scalars(select(WebhookSubscription.secret_encrypted))).one()
                return webhook_secrets.unseal(settings, token).current
        finally:
            await engine.dispose()

    assert asyncio.run(stored(ReferralsSettings(), write=True)) == secret
    # Rotation: the single key always goes first, so the operator moves it into the list, second.
    monkeypatch.delenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEY")
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS", f"{NEW_KEY},{OLD_KEY}")
    capsys.readouterr()
    assert cli.main(["reencrypt-secrets"]) == 0
    assert (
        "keys=2 reencrypted=1 already_current=0 changed_meanwhile=0 unreadable=0" in capsys.readouterr().out
    )
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS", NEW_KEY)
    assert asyncio.run(stored(ReferralsSettings())) == secret
    assert cli.main(["reencrypt-secrets"]) == 0
    assert "reencrypted=0 already_current=1" in capsys.readouterr().out
    # A key that decrypts nothing: reported, and a failure exit.
    monkeypatch.setenv("SPLOT_REFERRALS_WEBHOOK_SECRET_KEYS", "a-key-that-decrypts-nothing-" + "z" * 20)
    assert cli.main(["reencrypt-secrets"]) == 1
    assert "unreadable=1" in capsys.readouterr().out
