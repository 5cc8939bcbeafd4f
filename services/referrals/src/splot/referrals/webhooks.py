"""Webhooks for institutions' own systems.

Subscriptions live here, next to the events they deliver: the party rule (an institution only
hears about referrals it sent or received) is this service's knowledge, deliveries are queued in
the same transaction as the event, and the signing secret never has to cross a service boundary.

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

Secrets are stored encrypted with the ``webhook_secret_keys`` ring (``MultiFernet``: the first key
encrypts, every one decrypts; :func:`reencrypt_secrets` moves stored secrets to the first key).

Targets are guarded against server-side request forgery (:mod:`splot.referrals.netguard`): a URL
must be https (http only with ``webhook_allow_http``), without user info, and its host must stand
only for public internet addresses (``webhook_allow_private_targets`` lifts that in the embedded
mode; never in production). It is checked when a subscription is created or its URL changed (422
``webhook_url_not_allowed``) and again, after a fresh DNS resolution, before every attempt; the
request then goes to the vetted address itself (``Host`` header and TLS server name keep the
original name), one connection per attempt, redirects are never followed (a 3xx is a failed
attempt). The subscriber's log says only ``connection failed`` for a refused target or any network
error (``HTTP <status>`` for an answer outside 2xx): what lies inside our network is not its
business. The cause goes to the operators' log.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
import structlog
from cryptography.fernet import InvalidToken
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.background import Backoff
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.keyring import Reencryption, reencrypt_column
from splot.common.pagination import paginate
from splot.referrals import netguard, schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from splot.referrals.webhook_signature import (
    ID_HEADER,
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    new_secret,
    signature_header,
)

MANAGE_SCOPE = "webhooks:manage"
EVENT_TYPE_HEADER = "Splot-Event-Type"
#: The first scheme's headers, sent for one more release next to the standard ones (deprecated).
LEGACY_SIGNATURE_HEADER = "Splot-Signature"
LEGACY_TIMESTAMP_HEADER = "Splot-Timestamp"
LEGACY_EVENT_ID_HEADER = "Splot-Event-Id"
#: The only error text a subscriber sees for a refused target, a timeout or any network failure.
CONNECTION_FAILED = "connection failed"
#: At most this many of a name's vetted addresses are tried, in the resolver's order.
MAX_ADDRESSES = 4

log = structlog.get_logger("splot.referrals.webhooks")


@dataclass(frozen=True)
class SigningSecrets:
    """A subscription's secrets: the current one and, after a rotation, the previous one until
    ``previous_until``. Stored encrypted in ``secret_encrypted``: the bare secret while there is no
    previous one (as before rotation had a grace period), else a small JSON document."""

    current: str
    previous: str | None = None
    previous_until: datetime | None = None

    def in_use(self, now: datetime) -> list[str]:
        """The secrets a delivery is signed with at ``now``: the current one first."""
        if self.previous is not None and self.previous_until is not None and now < self.previous_until:
            return [self.current, self.previous]
        return [self.current]

    def plaintext(self) -> str:
        if self.previous is None or self.previous_until is None:
            return self.current
        return json.dumps(
            {
                "current": self.current,
                "previous": self.previous,
                "previous_until": self.previous_until.isoformat(),
            }
        )

    @classmethod
    def parse(cls, plaintext: str) -> SigningSecrets:
        if not plaintext.startswith("{"):
            return cls(plaintext)
        data = json.loads(plaintext)
        return cls(data["current"], data["previous"], datetime.fromisoformat(data["previous_until"]))


def seal(settings: ReferralsSettings, found: SigningSecrets) -> str:
    return settings.webhook_key_ring.encrypt(found.plaintext())


def unseal(settings: ReferralsSettings, token: str) -> SigningSecrets:
    """The secrets of a subscription; ``InvalidToken`` when no configured key decrypts them."""
    return SigningSecrets.parse(settings.webhook_key_ring.decrypt(token))


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


async def reencrypt_secrets(session: AsyncSession, settings: ReferralsSettings) -> Reencryption:
    """Encrypt every stored subscription secret with the first key of ``webhook_secret_keys``, so
    that the other keys can be dropped. Nothing else changes: not the secrets, not the
    subscriptions' versions (ETags) or ``updated_at``; a row changed meanwhile is left alone."""
    return await reencrypt_column(
        session, settings.webhook_key_ring, model=WebhookSubscription, key="id", column="secret_encrypted"
    )


def manager_institution(principal: Principal) -> uuid.UUID:
    """Institution admins, or their systems with ``webhooks:manage``, manage their own subscriptions."""
    if principal.institution_id is None:
        raise forbidden("webhooks belong to an institution")
    if principal.kind is PrincipalKind.user and principal.has_role(Role.institution_admin):
        return principal.institution_id
    if principal.kind is PrincipalKind.client and principal.has_scope(MANAGE_SCOPE):
        return principal.institution_id
    raise forbidden("only institution administrators (or systems with webhooks:manage) manage webhooks")


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


async def _check_url(url: str, settings: ReferralsSettings, resolver: netguard.Resolver) -> None:
    """A subscription's URL must pass the guard now (422 ``webhook_url_not_allowed``)."""
    try:
        await vet_target(url, settings=settings, resolver=resolver)
    except netguard.TargetRefused as refused:
        log.info("webhook_url_refused", reason=refused.kind.value)
        raise Problem(
            422,
            "webhook_url_not_allowed",
            refused.reason,
            errors=[{"loc": ["body", "url"], "msg": refused.reason, "type": "webhook_url_not_allowed"}],
        ) from None


async def create_subscription(
    session: AsyncSession,
    *,
    data: schemas.SubscriptionCreate,
    principal: Principal,
    settings: ReferralsSettings,
    resolver: netguard.Resolver = netguard.system_resolver,
) -> tuple[WebhookSubscription, str]:
    institution_id = manager_institution(principal)
    await _check_url(data.url, settings, resolver)
    secret = new_secret()
    subscription = WebhookSubscription(
        institution_id=institution_id,
        url=data.url,
        description=data.description,
        event_types=sorted({e.value for e in data.event_types}),
        secret_encrypted=seal(settings, SigningSecrets(secret)),
        created_by=principal.subject,
    )
    session.add(subscription)
    await session.flush()
    return subscription, secret


async def get_subscription(
    session: AsyncSession, *, subscription_id: uuid.UUID, principal: Principal, for_update: bool = False
) -> WebhookSubscription:
    institution_id = manager_institution(principal)
    stmt = select(WebhookSubscription).where(
        WebhookSubscription.id == subscription_id, WebhookSubscription.institution_id == institution_id
    )
    if for_update:
        stmt = stmt.with_for_update().execution_options(populate_existing=True)
    subscription = (await session.scalars(stmt)).first()
    if subscription is None:
        raise not_found("subscription")
    return subscription


async def list_subscriptions(
    session: AsyncSession, *, principal: Principal, cursor: str | None, limit: int | None
) -> tuple[list[WebhookSubscription], str | None]:
    institution_id = manager_institution(principal)
    stmt: Select[Any] = select(WebhookSubscription).where(
        WebhookSubscription.institution_id == institution_id
    )
    return await paginate(
        session,
        stmt,
        order_by=[WebhookSubscription.created_at, WebhookSubscription.id],
        cursor=cursor,
        limit=limit,
    )


async def last_deliveries(
    session: AsyncSession, subscription_ids: list[uuid.UUID]
) -> dict[uuid.UUID, WebhookDelivery]:
    """The newest delivery of each subscription, in one query (for a page of the list)."""
    if not subscription_ids:
        return {}
    newest = (
        select(
            WebhookDelivery.id,
            func.row_number()
            .over(
                partition_by=WebhookDelivery.subscription_id,
                order_by=(WebhookDelivery.created_at.desc(), WebhookDelivery.id.desc()),
            )
            .label("rank"),
        )
        .where(WebhookDelivery.subscription_id.in_(subscription_ids))
        .subquery()
    )
    rows = await session.scalars(
        select(WebhookDelivery).join(newest, newest.c.id == WebhookDelivery.id).where(newest.c.rank == 1)
    )
    return {delivery.subscription_id: delivery for delivery in rows}


async def _flush(session: AsyncSession) -> None:
    try:
        await session.flush()
    except StaleDataError as exc:
        raise Problem(412, "stale_etag", "the subscription was changed meanwhile; reload it") from exc


async def update_subscription(
    session: AsyncSession,
    *,
    subscription_id: uuid.UUID,
    data: schemas.SubscriptionUpdate,
    principal: Principal,
    if_match: str | None,
    settings: ReferralsSettings,
    resolver: netguard.Resolver = netguard.system_resolver,
) -> WebhookSubscription:
    subscription = await get_subscription(
        session, subscription_id=subscription_id, principal=principal, for_update=True
    )
    check_if_match(if_match, subscription.id, subscription.version)
    changes = data.model_dump(exclude_unset=True)
    for field in ("url", "active"):
        if field in changes and changes[field] is None:
            raise Problem(422, "field_required", f"{field} cannot be null")
    if changes.get("url"):
        await _check_url(changes["url"], settings, resolver)
    if "event_types" in changes:
        changes["event_types"] = sorted({e.value for e in (data.event_types or [])})
    for field, value in changes.items():
        setattr(subscription, field, value)
    subscription.updated_at = utcnow()
    await _flush(session)
    return subscription


async def rotate_secret(
    session: AsyncSession, *, subscription_id: uuid.UUID, principal: Principal, settings: ReferralsSettings
) -> tuple[WebhookSubscription, str]:
    """A new secret; deliveries are signed with it and with the one it replaces for
    ``webhook_secret_rotation_grace_seconds`` (only the secret just replaced is kept: rotating
    again within the grace period ends the older one)."""
    subscription = await get_subscription(
        session, subscription_id=subscription_id, principal=principal, for_update=True
    )
    now = utcnow()
    secret = new_secret()
    grace = timedelta(seconds=settings.webhook_secret_rotation_grace_seconds)
    try:
        replaced: str | None = unseal(settings, subscription.secret_encrypted).current
    except InvalidToken:
        # No configured key decrypts the old secret (a key was dropped too early): a new secret
        # still makes the subscription usable again, without a grace period.
        log.warning("webhook_secret_unreadable", subscription_id=str(subscription.id))
        replaced = None
    found = (
        SigningSecrets(secret, replaced, now + grace)
        if replaced is not None and grace > timedelta(0)
        else SigningSecrets(secret)
    )
    subscription.secret_encrypted = seal(settings, found)
    subscription.updated_at = now
    await _flush(session)
    return subscription, secret


async def delete_subscription(
    session: AsyncSession, *, subscription_id: uuid.UUID, principal: Principal, if_match: str | None
) -> None:
    subscription = await get_subscription(
        session, subscription_id=subscription_id, principal=principal, for_update=True
    )
    check_if_match(if_match, subscription.id, subscription.version)
    await session.delete(subscription)
    await session.flush()


async def _attempt_log(session: AsyncSession, ids: list[uuid.UUID]) -> dict[uuid.UUID, list[WebhookAttempt]]:
    found: dict[uuid.UUID, list[WebhookAttempt]] = {i: [] for i in ids}
    if ids:
        for attempt in (
            await session.scalars(
                select(WebhookAttempt)
                .where(WebhookAttempt.delivery_id.in_(ids))
                .order_by(WebhookAttempt.attempted_at, WebhookAttempt.id)
            )
        ).all():
            found[attempt.delivery_id].append(attempt)
    return found


def delivery_read(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> schemas.DeliveryRead:
    return schemas.DeliveryRead(
        id=delivery.id,
        subscription_id=delivery.subscription_id,
        event_id=delivery.event_id,
        event_type=delivery.event_type,
        referral_id=delivery.referral_id,
        status=delivery.status,
        attempts=delivery.attempts,
        next_attempt_at=delivery.next_attempt_at,
        last_status_code=delivery.last_status_code,
        last_error=delivery.last_error,
        delivered_at=delivery.delivered_at,
        created_at=delivery.created_at,
        attempt_log=[schemas.AttemptRead.model_validate(a) for a in attempts],
    )


async def list_deliveries(
    session: AsyncSession,
    *,
    subscription_id: uuid.UUID,
    principal: Principal,
    status: schemas.DeliveryStatus | None,
    cursor: str | None,
    limit: int | None,
) -> schemas.DeliveryPage:
    subscription = await get_subscription(session, subscription_id=subscription_id, principal=principal)
    stmt: Select[Any] = select(WebhookDelivery).where(WebhookDelivery.subscription_id == subscription.id)
    if status is not None:
        stmt = stmt.where(WebhookDelivery.status == status.value)
    rows, next_cursor = await paginate(
        session,
        stmt,
        order_by=[WebhookDelivery.created_at, WebhookDelivery.id],
        cursor=cursor,
        limit=limit,
        descending=True,
    )
    log = await _attempt_log(session, [d.id for d in rows])
    return schemas.DeliveryPage(items=[delivery_read(d, log[d.id]) for d in rows], next_cursor=next_cursor)


async def replay(
    session: AsyncSession, *, subscription_id: uuid.UUID, delivery_id: uuid.UUID, principal: Principal
) -> schemas.DeliveryRead:
    """Queue a delivery again (dead-lettered or not), with the same event id, as soon as possible."""
    subscription = await get_subscription(session, subscription_id=subscription_id, principal=principal)
    delivery = (
        await session.scalars(
            select(WebhookDelivery)
            .where(WebhookDelivery.id == delivery_id, WebhookDelivery.subscription_id == subscription.id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).first()
    if delivery is None:
        raise not_found("delivery")
    delivery.status = "pending"
    delivery.attempts = 0
    delivery.next_attempt_at = utcnow()
    await session.flush()
    return delivery_read(delivery, (await _attempt_log(session, [delivery.id]))[delivery.id])


def backoff(settings: ReferralsSettings, attempts: int) -> timedelta:
    """The wait after ``attempts`` failed attempts: doubling from ``webhook_backoff_seconds``, at
    most an hour."""
    return Backoff.seconds(settings.webhook_backoff_seconds).delay(attempts)


def encode_body(body: dict[str, Any]) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


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
    # The attempt's time, which the receiver checks against its clock (not the scheduler's ``now``).
    timestamp = int(time.time())
    headers = {
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
    where = {"subscription_id": str(subscription.id), "delivery_id": str(delivery.id)}
    started = time.perf_counter()
    status_code: int | None = None
    error: str | None = None
    try:
        target = await vet_target(subscription.url, settings=settings, resolver=resolver)
    except netguard.TargetRefused as refused:
        # The cause (it may name an internal address) is for the operators only.
        log.warning("webhook_target_refused", **where, reason=refused.kind.value, cause=refused.cause)
        error = CONNECTION_FAILED
    else:
        try:
            # One overall deadline: httpx's timeouts are per operation, a slow drip could last.
            status_code = await asyncio.wait_for(
                _post(http, target, body, headers, settings.webhook_timeout_seconds),
                timeout=2 * settings.webhook_timeout_seconds,
            )
        except (httpx.HTTPError, httpx.InvalidURL, OSError) as exc:  # TimeoutError is an OSError
            log.info("webhook_connection_failed", **where, host=target.host, error=type(exc).__name__)
            error = CONNECTION_FAILED
        else:
            if not 200 <= status_code < 300:
                error = f"HTTP {status_code}"
    duration = int((time.perf_counter() - started) * 1000)
    delivery.attempts += 1
    delivery.last_status_code = status_code
    delivery.last_error = error
    session.add(
        WebhookAttempt(
            delivery_id=delivery.id,
            attempted_at=now,
            status_code=status_code,
            error=error,
            duration_ms=duration,
        )
    )
    if error is None:
        delivery.status = "delivered"
        delivery.delivered_at = now
    elif delivery.attempts >= settings.webhook_max_attempts:
        delivery.status = "dead"
    else:
        delivery.next_attempt_at = now + backoff(settings, delivery.attempts)
    await session.flush()
    return error is None
