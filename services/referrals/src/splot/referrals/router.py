"""HTTP layer of the referrals service: referrals and their workflow, chains, messages,
follow-ups, notifications, webhooks and the reference data."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, Response, status
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.convertors import Convertor, register_url_convertor

from splot.common import errors
from splot.common.auth import CurrentPrincipal
from splot.common.db import SessionDep
from splot.common.errors import LIST_ERRORS, problem_responses
from splot.common.etag import IfMatch, set_etag
from splot.common.validation import IsoDate
from splot.referrals import access, followups, messages, netguard, notifications, schemas, service, webhooks
from splot.referrals.config import ReferralsSettings
from splot.referrals.peers import Peers, get_peers
from splot.referrals.workflow import Actor, Status


class _IdConvertor(Convertor[uuid.UUID]):
    """Ids in paths match only UUIDs (any case), so ``/v1/referrals/inbox`` never reaches
    ``/v1/referrals/{referral_id}`` and a wrong method there is a 405, not a 422."""

    regex = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"

    def convert(self, value: str) -> uuid.UUID:
        return uuid.UUID(value)

    def to_string(self, value: uuid.UUID) -> str:
        return str(value)


register_url_convertor("splot_id", _IdConvertor())

router = APIRouter(prefix="/v1")

Cursor = Annotated[str | None, Query(max_length=500, description="From the previous page's next_cursor")]
Limit = Annotated[int | None, Query(ge=1, le=200)]

READ_ERRORS = problem_responses(*LIST_ERRORS)
ONE_ERRORS = problem_responses(*errors.READ_ERRORS)
WRITE_ERRORS = problem_responses(*errors.WRITE_ERRORS)
#: Writes that may call the directory or the client registry (503 peer_unavailable).
PEER_WRITE_ERRORS = problem_responses(*errors.WRITE_ERRORS, 503)


def _actor(principal: CurrentPrincipal) -> Actor:
    return Actor.from_principal(principal)


def _settings(request: Request) -> ReferralsSettings:
    return request.app.state.settings


async def _commit_then_sync_access(request: Request, session: AsyncSession, referral_id: uuid.UUID) -> None:
    """Commit the change, then hand the receiver's access (recorded with it) to the registry
    before answering, so that the receiver can open the person as soon as the sender has its
    answer. If the registry does not take it now, the scheduler retries; the change stands."""
    await session.commit()
    await access.deliver_pending(request.app.state.sessionmaker, request.app.state.peers, [referral_id])


ActorDep = Annotated[Actor, Depends(_actor)]
PeersDep = Annotated[Peers, Depends(get_peers)]
SettingsDep = Annotated[ReferralsSettings, Depends(_settings)]


def _resolver(request: Request) -> netguard.Resolver:
    """How webhook hosts are resolved (``app.state.webhook_resolver``; tests stub it)."""
    return getattr(request.app.state, "webhook_resolver", netguard.system_resolver)


ResolverDep = Annotated[netguard.Resolver, Depends(_resolver)]


# --- reference data -----------------------------------------------------------------------------


@router.get("/reason-codes", response_model=schemas.ReasonCodeList, tags=["reference"], responses=READ_ERRORS)
async def list_reason_codes(session: SessionDep, _: CurrentPrincipal) -> schemas.ReasonCodeList:
    """Reasons for rejecting, withdrawing, failing or cancelling a referral, with the actions each fits."""
    items = await service.reason_codes(session)
    return schemas.ReasonCodeList(items=[schemas.ReasonCodeRead.model_validate(i) for i in items])


@router.get(
    "/outcome-codes", response_model=schemas.OutcomeCodeList, tags=["reference"], responses=READ_ERRORS
)
async def list_outcome_codes(
    session: SessionDep, _: CurrentPrincipal, kind: schemas.OutcomeKind | None = None
) -> schemas.OutcomeCodeList:
    """Outcomes of completed referrals and of follow-up checks."""
    items = await service.outcome_codes(session, kind=kind.value if kind else None)
    return schemas.OutcomeCodeList(items=[schemas.OutcomeCodeRead.model_validate(i) for i in items])


@router.get("/workflow", response_model=schemas.WorkflowRead, tags=["reference"], responses=READ_ERRORS)
async def get_workflow(_: CurrentPrincipal) -> schemas.WorkflowRead:
    """The transition table the service enforces: actions, statuses, sides, roles and fields."""
    return service.workflow_table()


# --- referrals ----------------------------------------------------------------------------------


@router.post(
    "/referrals",
    response_model=schemas.ReferralRead,
    status_code=status.HTTP_201_CREATED,
    tags=["referrals"],
    responses=PEER_WRITE_ERRORS,
)
async def create_referral(
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    data: schemas.ReferralCreate,
    response: Response,
) -> schemas.ReferralRead:
    """Save a draft referral of your institution (or send it at once with ``send: true``)."""
    referral = await service.create_referral(session, data=data, actor=actor, peers=peers, settings=settings)
    if referral.status != "draft":
        await _commit_then_sync_access(request, session, referral.id)
    set_etag(response, referral.id, referral.version)
    response.headers["Location"] = f"v1/referrals/{referral.id}"
    return service.referral_read(referral, actor, settings)


def _box_filters(
    status_: Annotated[list[Status] | None, Query(alias="status", max_length=10)] = None,
    overdue: bool | None = None,
    service_type: Annotated[str | None, Query(pattern=r"^[a-z][a-z0-9_]{0,47}$")] = None,
    assignee: Annotated[
        str | None,
        Query(
            pattern=r"^(me|none|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$",
            description='A user id, "me" or "none" (unassigned)',
        ),
    ] = None,
    priority: schemas.Priority | None = None,
    sent_from: IsoDate | None = None,
    sent_to: IsoDate | None = None,
    person_id: uuid.UUID | None = None,
) -> service.BoxFilters:
    return service.BoxFilters(
        status=[s.value for s in status_] if status_ else None,
        overdue=overdue,
        service_type=service_type,
        assignee=assignee,
        priority=priority.value if priority else None,
        sent_from=sent_from,
        sent_to=sent_to,
        person_id=person_id,
    )


Filters = Annotated[service.BoxFilters, Depends(_box_filters)]


@router.get(
    "/referrals/inbox", response_model=schemas.ReferralPage, tags=["referrals"], responses=READ_ERRORS
)
async def inbox(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    filters: Filters,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ReferralPage:
    """Referrals your institution received, newest first."""
    items, next_cursor = await service.list_box(
        session,
        box=schemas.Box.inbox,
        actor=actor,
        filters=filters,
        settings=settings,
        cursor=cursor,
        limit=limit,
    )
    return schemas.ReferralPage(
        items=[service.referral_read(r, actor, settings) for r in items], next_cursor=next_cursor
    )


@router.get(
    "/referrals/outbox", response_model=schemas.ReferralPage, tags=["referrals"], responses=READ_ERRORS
)
async def outbox(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    filters: Filters,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.ReferralPage:
    """Referrals your institution sent (and its drafts), newest first."""
    items, next_cursor = await service.list_box(
        session,
        box=schemas.Box.outbox,
        actor=actor,
        filters=filters,
        settings=settings,
        cursor=cursor,
        limit=limit,
    )
    return schemas.ReferralPage(
        items=[service.referral_read(r, actor, settings) for r in items], next_cursor=next_cursor
    )


@router.get("/referrals/counts", response_model=schemas.CountsRead, tags=["referrals"], responses=READ_ERRORS)
async def referral_counts(session: SessionDep, actor: ActorDep, box: schemas.Box) -> schemas.CountsRead:
    """How many referrals of your inbox or outbox are in each status, and how many are overdue."""
    return await service.counts(session, box=box, actor=actor)


@router.get(
    "/referrals/{referral_id:splot_id}",
    response_model=schemas.ReferralRead,
    tags=["referrals"],
    responses=ONE_ERRORS,
)
async def get_referral(
    session: SessionDep, actor: ActorDep, settings: SettingsDep, referral_id: uuid.UUID, response: Response
) -> schemas.ReferralRead:
    """One referral, with the actions you may take on it now."""
    referral = await service.get_referral(session, referral_id=referral_id, actor=actor)
    set_etag(response, referral.id, referral.version)
    return service.referral_read(referral, actor, settings)


@router.patch(
    "/referrals/{referral_id:splot_id}",
    response_model=schemas.ReferralRead,
    tags=["referrals"],
    responses=WRITE_ERRORS,
)
async def update_draft(
    *,
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.ReferralUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead:
    """Change a draft (sent referrals change only through transitions)."""
    referral = await service.update_draft(
        session, referral_id=referral_id, data=data, actor=actor, if_match=if_match
    )
    set_etag(response, referral.id, referral.version)
    return service.referral_read(referral, actor, settings)


@router.delete(
    "/referrals/{referral_id:splot_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["referrals"],
    responses=WRITE_ERRORS,
)
async def discard_draft(
    *,
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    if_match: IfMatch = None,
) -> Response:
    """Discard a draft (the only thing ever deleted)."""
    await service.discard_draft(
        session, referral_id=referral_id, actor=actor, if_match=if_match, settings=settings
    )
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/referrals/{referral_id:splot_id}/transitions",
    response_model=schemas.ReferralRead,
    tags=["workflow"],
    responses={**PEER_WRITE_ERRORS, 204: {"description": "The draft was discarded"}},
)
async def take_transition(
    *,
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.TransitionRequest,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead | Response:
    """Take a workflow action (If-Match required); 409 illegal_transition names what is allowed."""
    referral = await service.transition(
        session,
        referral_id=referral_id,
        request=data,
        actor=actor,
        if_match=if_match,
        peers=peers,
        settings=settings,
    )
    if referral is None:
        return Response(status_code=status.HTTP_204_NO_CONTENT)
    await _commit_then_sync_access(request, session, referral.id)
    set_etag(response, referral.id, referral.version)
    return service.referral_read(referral, actor, settings)


@router.post(
    "/referrals/{referral_id:splot_id}/forward",
    response_model=schemas.ReferralRead,
    status_code=status.HTTP_201_CREATED,
    tags=["workflow"],
    responses=PEER_WRITE_ERRORS,
)
async def forward_referral(
    *,
    request: Request,
    session: SessionDep,
    actor: ActorDep,
    peers: PeersDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.ForwardRequest,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.ReferralRead:
    """Refer the person on (receiver; If-Match of the parent): a child referral, sent at once."""
    child = await service.forward(
        session,
        referral_id=referral_id,
        data=data,
        actor=actor,
        if_match=if_match,
        peers=peers,
        settings=settings,
    )
    await _commit_then_sync_access(request, session, child.id)
    set_etag(response, child.id, child.version)
    response.headers["Location"] = f"v1/referrals/{child.id}"
    return service.referral_read(child, actor, settings)


@router.get(
    "/referrals/{referral_id:splot_id}/chain",
    response_model=schemas.ChainRead,
    tags=["referrals"],
    responses=ONE_ERRORS,
)
async def get_chain(session: SessionDep, actor: ActorDep, referral_id: uuid.UUID) -> schemas.ChainRead:
    """The forwarding tree you may see: your referrals and everything forwarded from them."""
    return await service.chain(session, referral_id=referral_id, actor=actor)


@router.get(
    "/referrals/{referral_id:splot_id}/events",
    response_model=schemas.ReferralEventList,
    tags=["referrals"],
    responses=ONE_ERRORS,
)
async def get_referral_events(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID
) -> schemas.ReferralEventList:
    """The referral's immutable history of transitions."""
    items = await service.referral_events(session, referral_id=referral_id, actor=actor)
    return schemas.ReferralEventList(items=[schemas.ReferralEventRead.model_validate(e) for e in items])


@router.get(
    "/persons/{person_id:splot_id}/referrals",
    response_model=schemas.PersonReferralPage,
    tags=["referrals"],
    responses=ONE_ERRORS,
)
async def person_referrals(
    session: SessionDep, actor: ActorDep, person_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> schemas.PersonReferralPage:
    """A person's referral history (for institutions that sent or received one of them)."""
    return await service.person_history(session, person_id=person_id, actor=actor, cursor=cursor, limit=limit)


# --- messages -----------------------------------------------------------------------------------


@router.get(
    "/referrals/{referral_id:splot_id}/messages",
    response_model=schemas.MessagePage,
    tags=["messages"],
    responses=ONE_ERRORS,
)
async def list_messages(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID, cursor: Cursor = None, limit: Limit = None
) -> schemas.MessagePage:
    """Messages between the referral's two institutions, oldest first, with read receipts."""
    return await messages.list_messages(
        session, referral_id=referral_id, actor=actor, cursor=cursor, limit=limit
    )


@router.post(
    "/referrals/{referral_id:splot_id}/messages",
    response_model=schemas.MessageRead,
    status_code=status.HTTP_201_CREATED,
    tags=["messages"],
    responses=WRITE_ERRORS,
)
async def post_message(
    session: SessionDep,
    actor: ActorDep,
    settings: SettingsDep,
    referral_id: uuid.UUID,
    data: schemas.MessageCreate,
    response: Response,
) -> schemas.MessageRead:
    """Write to the other institution of the referral."""
    message = await messages.post_message(
        session, referral_id=referral_id, data=data, actor=actor, settings=settings
    )
    set_etag(response, message.id, message.version)
    return message


@router.patch(
    "/referrals/{referral_id:splot_id}/messages/{message_id:splot_id}",
    response_model=schemas.MessageRead,
    tags=["messages"],
    responses=WRITE_ERRORS,
)
async def edit_message(
    *,
    session: SessionDep,
    actor: ActorDep,
    referral_id: uuid.UUID,
    message_id: uuid.UUID,
    data: schemas.MessageUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.MessageRead:
    """Correct your message while the other side has not read it (If-Match required)."""
    message = await messages.edit_message(
        session, referral_id=referral_id, message_id=message_id, data=data, actor=actor, if_match=if_match
    )
    set_etag(response, message.id, message.version)
    return message


@router.post(
    "/referrals/{referral_id:splot_id}/messages/read",
    response_model=schemas.MarkedRead,
    tags=["messages"],
    responses=WRITE_ERRORS,
)
async def mark_messages_read(
    session: SessionDep, actor: ActorDep, referral_id: uuid.UUID
) -> schemas.MarkedRead:
    """Record that your institution has read the other side's messages (read receipts)."""
    return schemas.MarkedRead(marked=await messages.mark_read(session, referral_id=referral_id, actor=actor))


# --- follow-ups ---------------------------------------------------------------------------------


@router.get("/follow-ups", response_model=schemas.FollowUpPage, tags=["follow-ups"], responses=READ_ERRORS)
async def list_follow_ups(
    session: SessionDep,
    actor: ActorDep,
    status_: Annotated[schemas.FollowUpStatus | None, Query(alias="status")] = None,
    due: bool | None = None,
    referral_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.FollowUpPage:
    """Your institution's follow-up checks after employment outcomes, soonest first."""
    items, next_cursor = await followups.list_follow_ups(
        session, actor=actor, status=status_, due=due, referral_id=referral_id, cursor=cursor, limit=limit
    )
    return schemas.FollowUpPage(
        items=[schemas.FollowUpRead.model_validate(f) for f in items], next_cursor=next_cursor
    )


@router.post(
    "/follow-ups/{followup_id:splot_id}/answer",
    response_model=schemas.FollowUpRead,
    tags=["follow-ups"],
    responses=WRITE_ERRORS,
)
async def answer_follow_up(
    session: SessionDep, actor: ActorDep, followup_id: uuid.UUID, data: schemas.FollowUpAnswer
) -> schemas.FollowUpRead:
    """Record what the follow-up check found (once, when it is due)."""
    followup = await followups.answer(session, followup_id=followup_id, data=data, actor=actor)
    return schemas.FollowUpRead.model_validate(followup)


# --- notifications ------------------------------------------------------------------------------


@router.get(
    "/notifications", response_model=schemas.NotificationPage, tags=["notifications"], responses=READ_ERRORS
)
async def list_notifications(
    session: SessionDep,
    principal: CurrentPrincipal,
    unread: bool | None = None,
    referral_id: uuid.UUID | None = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.NotificationPage:
    """Your notifications and your institution's (for your roles), newest first."""
    return await notifications.list_notifications(
        session, principal=principal, unread=unread, referral_id=referral_id, cursor=cursor, limit=limit
    )


@router.get(
    "/notifications/unread-count",
    response_model=schemas.UnreadCount,
    tags=["notifications"],
    responses=READ_ERRORS,
)
async def unread_notifications(session: SessionDep, principal: CurrentPrincipal) -> schemas.UnreadCount:
    """How many of your notifications are unread (for the badge)."""
    return schemas.UnreadCount(unread=await notifications.unread_count(session, principal=principal))


@router.post(
    "/notifications/{notification_id:splot_id}/read",
    response_model=schemas.NotificationRead,
    tags=["notifications"],
    responses=WRITE_ERRORS,
)
async def read_notification(
    session: SessionDep, principal: CurrentPrincipal, notification_id: uuid.UUID
) -> schemas.NotificationRead:
    """Mark one notification read (for you)."""
    return await notifications.mark_read(session, principal=principal, notification_id=notification_id)


@router.post(
    "/notifications/read-all",
    response_model=schemas.MarkedRead,
    tags=["notifications"],
    responses=WRITE_ERRORS,
)
async def read_all_notifications(session: SessionDep, principal: CurrentPrincipal) -> schemas.MarkedRead:
    """Mark all your notifications read."""
    return schemas.MarkedRead(marked=await notifications.mark_all_read(session, principal=principal))


# --- webhooks -----------------------------------------------------------------------------------


@router.get(
    "/webhooks/subscriptions",
    response_model=schemas.SubscriptionPage,
    tags=["webhooks"],
    responses=READ_ERRORS,
)
async def list_subscriptions(
    session: SessionDep, principal: CurrentPrincipal, cursor: Cursor = None, limit: Limit = None
) -> schemas.SubscriptionPage:
    """Your institution's webhook subscriptions (institution administrators)."""
    items, next_cursor = await webhooks.list_subscriptions(
        session, principal=principal, cursor=cursor, limit=limit
    )
    last = await webhooks.last_deliveries(session, [s.id for s in items])
    return schemas.SubscriptionPage(
        items=[
            schemas.SubscriptionListItem(
                **schemas.SubscriptionRead.model_validate(s).model_dump(),
                last_delivery=schemas.DeliveryBrief.model_validate(last[s.id]) if s.id in last else None,
            )
            for s in items
        ],
        next_cursor=next_cursor,
    )


@router.post(
    "/webhooks/subscriptions",
    response_model=schemas.SubscriptionWithSecret,
    status_code=status.HTTP_201_CREATED,
    tags=["webhooks"],
    responses=WRITE_ERRORS,
)
async def create_subscription(
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    resolver: ResolverDep,
    data: schemas.SubscriptionCreate,
    response: Response,
) -> schemas.SubscriptionWithSecret:
    """Subscribe a URL of your system to referral events; the signing secret is shown only now.

    The URL must be https, without user info, and its host a public internet address (otherwise
    422 `webhook_url_not_allowed`)."""
    subscription, secret = await webhooks.create_subscription(
        session, data=data, principal=principal, settings=settings, resolver=resolver
    )
    set_etag(response, subscription.id, subscription.version)
    return schemas.SubscriptionWithSecret(
        **schemas.SubscriptionRead.model_validate(subscription).model_dump(), secret=secret
    )


@router.get(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    response_model=schemas.SubscriptionRead,
    tags=["webhooks"],
    responses=ONE_ERRORS,
)
async def get_subscription(
    session: SessionDep, principal: CurrentPrincipal, subscription_id: uuid.UUID, response: Response
) -> schemas.SubscriptionRead:
    """One webhook subscription."""
    subscription = await webhooks.get_subscription(
        session, subscription_id=subscription_id, principal=principal
    )
    set_etag(response, subscription.id, subscription.version)
    return schemas.SubscriptionRead.model_validate(subscription)


@router.patch(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    response_model=schemas.SubscriptionRead,
    tags=["webhooks"],
    responses=WRITE_ERRORS,
)
async def update_subscription(
    *,
    session: SessionDep,
    principal: CurrentPrincipal,
    settings: SettingsDep,
    resolver: ResolverDep,
    subscription_id: uuid.UUID,
    data: schemas.SubscriptionUpdate,
    if_match: IfMatch = None,
    response: Response,
) -> schemas.SubscriptionRead:
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
    return schemas.SubscriptionRead.model_validate(subscription)


@router.delete(
    "/webhooks/subscriptions/{subscription_id:splot_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    tags=["webhooks"],
    responses=WRITE_ERRORS,
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
    response_model=schemas.SubscriptionWithSecret,
    tags=["webhooks"],
    responses=WRITE_ERRORS,
)
async def rotate_subscription_secret(
    session: SessionDep, principal: CurrentPrincipal, settings: SettingsDep, subscription_id: uuid.UUID
) -> schemas.SubscriptionWithSecret:
    """Issue a new signing secret (shown only now); the old one stops working at once."""
    subscription, secret = await webhooks.rotate_secret(
        session, subscription_id=subscription_id, principal=principal, settings=settings
    )
    return schemas.SubscriptionWithSecret(
        **schemas.SubscriptionRead.model_validate(subscription).model_dump(), secret=secret
    )


@router.get(
    "/webhooks/subscriptions/{subscription_id:splot_id}/deliveries",
    response_model=schemas.DeliveryPage,
    tags=["webhooks"],
    responses=ONE_ERRORS,
)
async def list_deliveries(
    session: SessionDep,
    principal: CurrentPrincipal,
    subscription_id: uuid.UUID,
    status_: Annotated[schemas.DeliveryStatus | None, Query(alias="status")] = None,
    cursor: Cursor = None,
    limit: Limit = None,
) -> schemas.DeliveryPage:
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
    response_model=schemas.DeliveryRead,
    tags=["webhooks"],
    responses=WRITE_ERRORS,
)
async def replay_delivery(
    session: SessionDep, principal: CurrentPrincipal, subscription_id: uuid.UUID, delivery_id: uuid.UUID
) -> schemas.DeliveryRead:
    """Send a delivery again (also a dead-lettered one), with the same event id."""
    return await webhooks.replay(
        session, subscription_id=subscription_id, delivery_id=delivery_id, principal=principal
    )
