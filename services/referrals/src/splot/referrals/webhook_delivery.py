"""Webhook deliveries: one attempt at a time, signed, to a vetted address (the scheduler's job).

A delivery is a POST of ``{id, type, occurred_at, aggregate_type, aggregate_id, data}`` signed by the
Standard Webhooks specification (:mod:`splot.referrals.webhook_signature`): ``webhook-id`` (the
outbox event id, stable across retries and replays), ``webhook-timestamp`` (Unix seconds) and
``webhook-signature: v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>``, the key being the
base64 after ``whsec_`` in the subscription's secret; ``Splot-Event-Type`` names the event. After a
secret rotation the header carries a second signature, made with the previous secret, for
``webhook_secret_rotation_grace_seconds``. The headers of the first scheme (``Splot-Event-Id``,
``Splot-Timestamp``, ``Splot-Signature: v1=<hex HMAC-SHA256(secret text, "{timestamp}.{body}")>``)
are still sent for one release, then dropped. Failures are retried with a capped exponential
back-off; after ``webhook_max_attempts`` the delivery is dead-lettered until an administrator
replays it.

Targets are guarded against server-side request forgery (:mod:`splot.referrals.netguard`): a URL
must be https (http only with ``webhook_allow_http``), without user info, and its host must stand
only for public internet addresses (``webhook_allow_private_targets`` lifts that in the embedded
mode; never in production). It is checked when a subscription is created or its URL changed (422
``webhook_url_not_allowed``, :mod:`splot.referrals.webhooks`) and again, after a fresh DNS
resolution, before every attempt; the request then goes to the vetted address itself (``Host``
header and TLS server name keep the original name), one connection per attempt, redirects are never
followed (a 3xx is a failed attempt). The subscriber's log says only ``connection failed`` for a
refused target or any network error (``HTTP <status>`` for an answer outside 2xx): what lies inside
our network is not its business. The cause goes to the operators' log.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import structlog
from sqlalchemy.ext.asyncio import AsyncSession

from splot.common.background import Backoff
from splot.referrals import netguard
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from splot.referrals.webhook_secrets import SigningSecrets, unseal
from splot.referrals.webhook_signature import (
    ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    signature_header,
)

EVENT_TYPE_HEADER = "Splot-Event-Type"
#: The first scheme's headers, sent for one more release next to the standard ones (deprecated).
LEGACY_SIGNATURE_HEADER = "Splot-Signature"
LEGACY_TIMESTAMP_HEADER = "Splot-Timestamp"
LEGACY_EVENT_ID_HEADER = "Splot-Event-Id"
#: The only error text a subscriber sees for a refused target, a timeout or any network failure.
CONNECTION_FAILED = "connection failed"
#: At most this many of a name's vetted addresses are tried, in the resolver's order.
MAX_ADDRESSES = 4

# The logger of the webhooks as a whole (subscriptions and deliveries), as operators know it.
log = structlog.get_logger("splot.referrals.webhooks")


def legacy_signature(secret: str, timestamp: int, body: bytes) -> str:
    """``Splot-Signature`` of the first scheme (deprecated): hex HMAC-SHA256 keyed with the
    secret's text, over ``"{timestamp}.{body}"``."""
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"v1={mac}"


def signed_headers(
    found: SigningSecrets, *, event_id: str, event_type: str, timestamp: int, body: bytes, now: datetime
) -> dict[str, str]:
    """A delivery's headers: the Standard Webhooks three (one signature per secret in use), the
    event type, and the first scheme's headers (one more release)."""
    return {
        ID_HEADER: event_id,
        TIMESTAMP_HEADER: str(timestamp),
        SIGNATURE_HEADER: signature_header(found.in_use(now), event_id, timestamp, body),
        EVENT_TYPE_HEADER: event_type,
        LEGACY_EVENT_ID_HEADER: event_id,
        LEGACY_TIMESTAMP_HEADER: str(timestamp),
        LEGACY_SIGNATURE_HEADER: legacy_signature(found.current, timestamp, body),
    }


async def vet_target(
    url: str, *, settings: ReferralsSettings, resolver: netguard.Resolver
) -> netguard.Target:
    return await netguard.vet(
        url,
        allow_http=settings.webhook_allow_http,
        allow_private=settings.webhook_allow_private_targets,
        resolver=resolver,
        resolve_seconds=settings.webhook_timeout_seconds,
    )


def backoff(settings: ReferralsSettings, attempts: int) -> timedelta:
    """The wait after ``attempts`` failed attempts: doubling from ``webhook_backoff_seconds``, at
    most an hour."""
    return Backoff.seconds(settings.webhook_backoff_seconds).delay(attempts)


def encode_body(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Outcome:
    """What one attempt came to: the answer's status code (none without an answer) and the error
    the subscriber's log shows (none when delivered)."""

    status_code: int | None = None
    error: str | None = None


async def _post(
    http: httpx.AsyncClient, target: netguard.Target, body: bytes, headers: dict[str, str], seconds: float
) -> int:
    """POST to the vetted addresses in turn until one takes the connection; the status code.

    Only a failure to connect moves on to the next address (the request was not sent then).
    The body of the answer is never read, redirects are never followed, and the connection is
    closed afterwards: the next request, perhaps for another name at the same address, must not
    ride on a TLS session whose certificate was checked against this name.
    """
    failure: Exception | None = None
    for address in target.addresses[:MAX_ADDRESSES]:
        request = http.build_request(
            "POST",
            target.pinned_url(address),
            content=body,
            headers={**headers, "Host": target.host_header, "Connection": "close"},
            timeout=seconds,
            extensions=target.extensions,
        )
        try:
            response = await http.send(request, follow_redirects=False, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout) as exc:
            failure = exc
            continue
        await response.aclose()
        return response.status_code
    assert failure is not None
    raise failure


def _request_headers(
    settings: ReferralsSettings,
    delivery: WebhookDelivery,
    subscription: WebhookSubscription,
    body: bytes,
    now: datetime,
) -> dict[str, str]:
    """The headers of an attempt, signed with the subscription's secrets in use at ``now``."""
    # The attempt's time, which the receiver checks against its clock (not the scheduler's ``now``).
    timestamp = int(time.time())
    return {
        "Content-Type": "application/json",
        "User-Agent": "Splot-Webhooks/1",
        **signed_headers(
            unseal(settings, subscription.secret_encrypted),
            event_id=str(delivery.event_id),
            event_type=delivery.event_type,
            timestamp=timestamp,
            body=body,
            now=now,
        ),
    }


async def _attempt(
    http: httpx.AsyncClient,
    url: str,
    body: bytes,
    headers: dict[str, str],
    *,
    settings: ReferralsSettings,
    resolver: netguard.Resolver,
    where: dict[str, str],
) -> Outcome:
    """Vet the URL afresh and POST to it; a refused target fails like a network error."""
    try:
        target = await vet_target(url, settings=settings, resolver=resolver)
    except netguard.TargetRefused as refused:
        # The cause (it may name an internal address) is for the operators only.
        log.warning("webhook_target_refused", **where, reason=refused.kind.value, cause=refused.cause)
        return Outcome(error=CONNECTION_FAILED)
    try:
        # One overall deadline: httpx's timeouts are per operation, a slow drip could last.
        status_code = await asyncio.wait_for(
            _post(http, target, body, headers, settings.webhook_timeout_seconds),
            timeout=2 * settings.webhook_timeout_seconds,
        )
    except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:  # TimeoutError is an OSError
        log.info("webhook_connection_failed", **where, host=target.host, error=type(exc).__name__)
        return Outcome(error=CONNECTION_FAILED)
    if not 200 <= status_code < 300:
        return Outcome(status_code, f"HTTP {status_code}")
    return Outcome(status_code)


def _record(
    session: AsyncSession,
    delivery: WebhookDelivery,
    outcome: Outcome,
    *,
    settings: ReferralsSettings,
    now: datetime,
    duration_ms: int,
) -> None:
    """Log the attempt and schedule what follows: done, the next attempt, or the dead letter."""
    delivery.attempts += 1
    delivery.last_status_code = outcome.status_code
    delivery.last_error = outcome.error
    session.add(
        WebhookAttempt(
            delivery_id=delivery.id,
            attempted_at=now,
            status_code=outcome.status_code,
            error=outcome.error,
            duration_ms=duration_ms,
        )
    )
    if outcome.error is None:
        delivery.status = "delivered"
        delivery.delivered_at = now
    elif delivery.attempts >= settings.webhook_max_attempts:
        delivery.status = "dead"
    else:
        delivery.next_attempt_at = now + backoff(settings, delivery.attempts)


async def deliver(
    session: AsyncSession,
    delivery: WebhookDelivery,
    subscription: WebhookSubscription,
    *,
    http: httpx.AsyncClient,
    settings: ReferralsSettings,
    now: datetime,
    resolver: netguard.Resolver = netguard.system_resolver,
) -> bool:
    """One attempt; records it and schedules the next one (or the dead letter).

    The URL is vetted again first (the name is resolved afresh: its answer may have changed since
    the subscription was made); a refused target is a failed attempt like a network error.
    """
    body = encode_body(delivery.body)
    headers = _request_headers(settings, delivery, subscription, body, now)
    where = {"subscription_id": str(subscription.id), "delivery_id": str(delivery.id)}
    started = time.perf_counter()
    outcome = await _attempt(
        http, subscription.url, body, headers, settings=settings, resolver=resolver, where=where
    )
    duration = int((time.perf_counter() - started) * 1000)
    _record(session, delivery, outcome, settings=settings, now=now, duration_ms=duration)
    await session.flush()
    return outcome.error is None
