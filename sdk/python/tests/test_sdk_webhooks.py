"""A real signed delivery: the embedded server (private targets allowed in the single-user mode)
posts to a small receiver on 127.0.0.1, and verify_webhook accepts it — with the secret alone or
among others, as during a rotation — and refuses it tampered with or under a wrong secret."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sdk_world import send_referral

from splot_sdk import Splot, WebhookVerificationError, if_match_retry, verify_webhook
from splot_sdk.referrals.api.referrals import get_referral_v1_referrals_referral_id_get as get_referral
from splot_sdk.referrals.api.webhooks import (
    create_subscription_v1_webhooks_subscriptions_post as create_subscription,
)
from splot_sdk.referrals.api.workflow import (
    take_transition_v1_referrals_referral_id_transitions_post as take_transition,
)
from splot_sdk.referrals.models import (
    EventType,
    SubscriptionCreate,
    SubscriptionWithSecret,
    TransitionAction,
    TransitionRequest,
)

Delivery = tuple[dict[str, str], bytes]
OTHER_SECRET = "whsec_" + "QUJD" * 11


class Receiver:
    def __init__(self) -> None:
        self.deliveries: list[Delivery] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.deliveries.append((dict(self.headers.items()), body))
                self.send_response(204)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/splot-hook"

    def wait_for(self, referral_id: str, event_type: str, timeout: float = 60.0) -> Delivery:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for headers, body in list(self.deliveries):
                if referral_id.encode() in body and event_type.encode() in body:
                    return headers, body
            time.sleep(0.2)
        raise AssertionError(f"no {event_type} delivery for {referral_id} within {timeout} s")


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    yield receiver
    receiver.server.shutdown()
    receiver.server.server_close()


@pytest.fixture(scope="module")
def delivery(pup: Splot, ops: Splot, receiver: Receiver) -> tuple[SubscriptionWithSecret, str, Delivery]:
    created = create_subscription.sync_detailed(
        client=pup.referrals,
        body=SubscriptionCreate(url=receiver.url, event_types=[EventType.REFERRAL_ACCEPTED]),
    )
    assert created.status_code == 201, created.content
    assert isinstance(created.parsed, SubscriptionWithSecret)
    sent = send_referral(pup, ops)
    accepted = if_match_retry(
        read=lambda: get_referral.sync_detailed(sent.id, client=ops.referrals),
        change=lambda _current: TransitionRequest(action=TransitionAction.ACCEPT),
        write=lambda body, etag: take_transition.sync_detailed(
            sent.id, client=ops.referrals, body=body, if_match=etag
        ),
    )
    assert accepted.status_code == 200, accepted.content
    return created.parsed, str(sent.id), receiver.wait_for(str(sent.id), "referral.accepted")


def test_a_real_delivery_verifies(delivery: tuple[SubscriptionWithSecret, str, Delivery]) -> None:
    subscription, referral_id, (headers, body) = delivery
    event = verify_webhook(subscription.secret, headers, body)
    assert event.type == "referral.accepted"
    assert event.aggregate_id == referral_id
    assert event.id == {name.lower(): value for name, value in headers.items()}["webhook-id"]
    # during a rotation the receiver holds both secrets, the old one first
    assert verify_webhook([OTHER_SECRET, subscription.secret], headers, body.decode()) == event


def test_a_tampered_delivery_is_refused(delivery: tuple[SubscriptionWithSecret, str, Delivery]) -> None:
    subscription, referral_id, (headers, body) = delivery
    tampered = body.replace(b"referral.accepted", b"referral.rejected")
    assert tampered != body
    with pytest.raises(WebhookVerificationError):
        verify_webhook(subscription.secret, headers, tampered)
    with pytest.raises(WebhookVerificationError):
        verify_webhook(OTHER_SECRET, headers, body)
    stale = {**{k.lower(): v for k, v in headers.items()}, "webhook-timestamp": str(int(time.time()) - 3600)}
    with pytest.raises(WebhookVerificationError):
        verify_webhook(subscription.secret, stale, body)
