"""Webhooks for institutions' own systems: subscriptions and their delivery logs.

Subscriptions live here, next to the events they deliver: the party rule (an institution only
hears about referrals it sent or received) is this service's knowledge, deliveries are queued in
the same transaction as the event, and the signing secret never has to cross a service boundary.

Institution administrators, or their systems with ``webhooks:manage``, create, list, change and
delete their institution's subscriptions, rotate a subscription's secret (both secrets sign for
``webhook_secret_rotation_grace_seconds``), read the delivery log and replay a delivery. A URL is
checked against the SSRF guard when a subscription is created or its URL changed (422
``webhook_url_not_allowed``). How deliveries are made, signed and retried:
:mod:`splot.referrals.webhook_delivery`; how secrets are stored: :mod:`splot.referrals.webhook_secrets`.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import structlog
from cryptography.fernet import InvalidToken
from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.exc import StaleDataError

from splot.common.auth import Principal, PrincipalKind, Role
from splot.common.db import utcnow
from splot.common.errors import Problem, forbidden, not_found
from splot.common.etag import check_if_match
from splot.common.pagination import paginate
from splot.referrals import netguard, webhook_schemas
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import WebhookAttempt, WebhookDelivery, WebhookSubscription
from splot.referrals.webhook_delivery import vet_target
from splot.referrals.webhook_secrets import SigningSecrets, seal, unseal
from splot.referrals.webhook_signature import new_secret

MANAGE_SCOPE = "webhooks:manage"

log = structlog.get_logger("splot.referrals.webhooks")


def manager_institution(principal: Principal) -> uuid.UUID:
    """Institution admins, or their systems with ``webhooks:manage``, manage their own subscriptions."""
    if principal.institution_id is None:
        raise forbidden("webhooks belong to an institution")
    if principal.kind is PrincipalKind.user and principal.has_role(Role.institution_admin):
        return principal.institution_id
    if principal.kind is PrincipalKind.client and principal.has_scope(MANAGE_SCOPE):
        return principal.institution_id
    raise forbidden("only institution administrators (or systems with webhooks:manage) manage webhooks")


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
    data: webhook_schemas.SubscriptionCreate,
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
    data: webhook_schemas.SubscriptionUpdate,
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


def delivery_read(delivery: WebhookDelivery, attempts: list[WebhookAttempt]) -> webhook_schemas.DeliveryRead:
    return webhook_schemas.DeliveryRead(
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
        attempt_log=[webhook_schemas.AttemptRead.model_validate(a) for a in attempts],
    )


async def list_deliveries(
    session: AsyncSession,
    *,
    subscription_id: uuid.UUID,
    principal: Principal,
    status: webhook_schemas.DeliveryStatus | None,
    cursor: str | None,
    limit: int | None,
) -> webhook_schemas.DeliveryPage:
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
    return webhook_schemas.DeliveryPage(
        items=[delivery_read(d, log[d.id]) for d in rows], next_cursor=next_cursor
    )


async def replay(
    session: AsyncSession, *, subscription_id: uuid.UUID, delivery_id: uuid.UUID, principal: Principal
) -> webhook_schemas.DeliveryRead:
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
