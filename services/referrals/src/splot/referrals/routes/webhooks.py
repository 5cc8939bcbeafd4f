"""Webhook subscriptions of an institution's systems, their signing secrets and delivery logs
(institution administrators, or clients with ``webhooks:manage``)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status

from splot.common.api import LIST_RESPONSES, READ_RESPONSES, WRITE_RESPONSES, Cursor, Limit
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.etag import IfMatch, etag_on, set_etag
from splot.referrals import netguard, webhook_schemas, webhooks
from splot.referrals.routes.deps import SettingsDep

router = APIRouter(prefix="/v1", tags=["webhooks"])


async def _resolver(request: Request) -> netguard.Resolver:
    """How webhook hosts are resolved (``app.state.webhook_resolver``; tests stub it)."""
    return getattr(request.app.state, "webhook_resolver", netguard.system_resolver)


ResolverDep = Annotated[netguard.Resolver, Depends(_resolver)]


@router.get(
    "/webhooks/subscriptions", response_model=webhook_schemas.SubscriptionPage, responses=LIST_RESPONSES
)
async def list_subscriptions(
    session: SessionDep, principal: CurrentPrincipal, cursor: Cursor = None, limit: Limit = None
) -> webhook_schemas.SubscriptionPage:
    """Your institution's webhook subscriptions (institution administrators)."""
    items, next_cursor = await webhooks.list_subscriptions(
        session, principal=principal, cursor=cursor, limit=limit
    )
    last = await webhooks.last_deliveries(session, [s.id for s in items])
    return webhook_schemas.SubscriptionPage(
        items=[
            webhook_schemas.SubscriptionListItem(
                **webhook_schemas.SubscriptionRead.model_validate(s).model_dump(),
                last_delivery=webhook_schemas.DeliveryBrief.model_validate(last[s.id])
                if s.id in last
                else None,
            )
            for s in items
        ],
        next_cursor=next_cursor,
    )


@router.post(
    "/webhooks/subscriptions",
    response_model=webhook_schemas.SubscriptionWithSecret,
    status_code=status.HTTP_201_CREATED,
    responses={**WRITE_RESPONSES, **etag_on(201)},
)
async def create_subscription(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    resolver: ResolverDep,
    data: webhook_schemas.SubscriptionCreate,
    response: Response,
) -> webhook_schemas.SubscriptionWithSecret:
    """Subscribe a URL of your system to referral events; the signing secret is shown only now.

    The URL must be https, without user info, and its host a public internet address (otherwise
    422 `webhook_url_not_allowed`)."""
    subscription, secret = await webhooks.create_subscription(
        session, data=data, principal=principal, settings=settings, resolver=resolver
    )
    set_etag(response, subscription.id, subscription.version)
    response.headers["Location"] = f"subscriptions/{subscription.id}"
    return webhook_schemas.SubscriptionWithSecret(
        **webhook_schemas.SubscriptionRead.model_validate(subscription).model_dump(), secret=secret
    )


@router.get(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    response_model=webhook_schemas.SubscriptionRead,
    responses=READ_RESPONSES,
)
async def get_subscription(
    session: SessionDep, principal: CurrentPrincipal, subscription_id: uuid.UUID, response: Response
) -> webhook_schemas.SubscriptionRead:
    """One webhook subscription."""
    subscription = await webhooks.get_subscription(
        session, subscription_id=subscription_id, principal=principal
    )
    set_etag(response, subscription.id, subscription.version)
    return webhook_schemas.SubscriptionRead.model_validate(subscription)


@router.patch(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    response_model=webhook_schemas.SubscriptionRead,
    responses=WRITE_RESPONSES,
)
async def update_subscription(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    resolver: ResolverDep,
    subscription_id: uuid.UUID,
    data: webhook_schemas.SubscriptionUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> webhook_schemas.SubscriptionRead:
    """Change a subscription's URL, event types or state (If-Match required)."""
    subscription = await webhooks.update_subscription(
        session,
        subscription_id=subscription_id,
        data=data,
        principal=principal,
        if_match=if_match,
        settings=settings,
        resolver=resolver,
    )
    set_etag(response, subscription.id, subscription.version)
    return webhook_schemas.SubscriptionRead.model_validate(subscription)


@router.delete(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=WRITE_RESPONSES,
)
async def delete_subscription(
    *, session: SessionDep, principal: CurrentPrincipal, subscription_id: uuid.UUID, if_match: IfMatch = None
) -> Response:
    """Delete a subscription and its delivery log."""
    await webhooks.delete_subscription(
        session, subscription_id=subscription_id, principal=principal, if_match=if_match
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/webhooks/subscriptions/{subscription_id:splot_id}/rotate-secret",
    response_model=webhook_schemas.SubscriptionWithSecret,
    responses=WRITE_RESPONSES,
)
async def rotate_subscription_secret(
    session: SessionDep, principal: CurrentPrincipal, settings: SettingsDep, subscription_id: uuid.UUID
) -> webhook_schemas.SubscriptionWithSecret:
    """Issue a new signing secret (shown only now). For `webhook_secret_rotation_grace_seconds` (24 h
    by default) deliveries are signed with both the new and the previous secret."""
    subscription, secret = await webhooks.rotate_secret(
        session, subscription_id=subscription_id, principal=principal, settings=settings
    )
    return webhook_schemas.SubscriptionWithSecret(
        **webhook_schemas.SubscriptionRead.model_validate(subscription).model_dump(), secret=secret
    )


@router.get(
    "/webhooks/subscriptions/{subscription_id:splot_id}/deliveries",
    response_model=webhook_schemas.DeliveryPage,
    responses=READ_RESPONSES,
)
async def list_deliveries(
    session: SessionDep,
    principal: CurrentPrincipal,
    subscription_id: uuid.UUID,
    status_: Annotated[webhook_schemas.DeliveryStatus | None, Query(alias="status")] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> webhook_schemas.DeliveryPage:
    """The delivery log of a subscription, newest first, with every attempt."""
    return await webhooks.list_deliveries(
        session,
        subscription_id=subscription_id,
        principal=principal,
        status=status_,
        cursor=cursor,
        limit=limit,
    )


@router.post(
    "/webhooks/subscriptions/{subscription_id:splot_id}/deliveries/{delivery_id:splot_id}/replay",
    response_model=webhook_schemas.DeliveryRead,
    responses=WRITE_RESPONSES,
)
async def replay_delivery(
    session: SessionDep, principal: CurrentPrincipal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> webhook_schemas.DeliveryRead:
    """Send a delivery again (also a dead-lettered one), with the same event id."""
    return await webhooks.replay(
        session, subscription_id=subscription_id, delivery_id=delivery_id, principal=principal
    )
