"""The scheduler: escalation of overdue referrals, automatic expiry, follow-ups that fall due,
the receivers' access in the client registry, the places referrals occupy in the directory's
offers, the states of the plan actions referrals serve, e-mails and webhook deliveries.

It runs inside the service (a background task) and as ``splot-referrals run-scheduler``, and is
safe with several replicas at once: each row is claimed in its own short transaction with
``SELECT … FOR UPDATE SKIP LOCKED`` (PostgreSQL; SQLite serialises writers anyway), or, for the
states handed to peers, with a lease (:mod:`splot.referrals.handover`), and one-off
effects are guarded by idempotent markers (``escalated_at``, ``notified_at``, the status itself),
set with a conditional UPDATE, so that nothing is done twice even if two replicas read the same
row one after the other.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import httpx
import structlog
from fastapi import FastAPI
from sqlalchemy import Select, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from splot.common.background import Backoff, every
from splot.common.db import rows_affected, table_of, utcnow
from splot.referrals import (
    access,
    netguard,
    notifications,
    occupancy,
    plan_actions,
    transitions,
    webhook_delivery,
)
from splot.referrals.config import ReferralsSettings
from splot.referrals.emailer import EmailSender, OutgoingEmail
from splot.referrals.models import (
    EmailMessage,
    FollowUp,
    Referral,
    WebhookDelivery,
    WebhookSubscription,
)
from splot.referrals.peers import Peers
from splot.referrals.publish import publish, transition_payload
from splot.referrals.workflow import Status

log = structlog.get_logger("splot.referrals.scheduler")


@dataclass
class SchedulerContext:
    sessionmaker: async_sessionmaker[AsyncSession]
    settings: ReferralsSettings
    peers: Peers
    email_sender: EmailSender
    #: Webhook deliveries: connects only to addresses vetted through ``resolver`` (see netguard).
    http: httpx.AsyncClient
    resolver: netguard.Resolver = netguard.system_resolver


@dataclass
class SchedulerReport:
    escalated: int = 0
    expired: int = 0
    followups_due: int = 0
    access_synced: int = 0
    access_sync_failed: int = 0
    occupancy_synced: int = 0
    occupancy_sync_failed: int = 0
    plan_action_synced: int = 0
    plan_action_sync_failed: int = 0
    emails_sent: int = 0
    emails_failed: int = 0
    webhooks_delivered: int = 0
    webhooks_failed: int = 0
    errors: list[str] = field(default_factory=list)


Handler = Callable[[AsyncSession, Any], Awaitable[None]]


async def _each_claimed(
    ctx: SchedulerContext,
    query: Callable[[], Select[Any]],
    model: Any,
    handler: Handler,
    report: SchedulerReport,
) -> int:
    """Claim and handle candidate rows one at a time, each in its own transaction."""
    done: set[uuid.UUID] = set()
    handled = 0
    while handled < ctx.settings.scheduler_batch_size:
        async with ctx.sessionmaker() as session:
            try:
                async with session.begin():
                    stmt = query().with_for_update(skip_locked=True, of=model).limit(1)
                    if done:
                        stmt = stmt.where(model.id.not_in(done))
                    row = (await session.scalars(stmt.execution_options(populate_existing=True))).first()
                    if row is None:
                        return handled
                    done.add(row.id)
                    await handler(session, row)
            except Exception as exc:  # one bad row must not stop the others
                log.error("scheduler_row_failed", table=model.__tablename__, exc_info=exc)
                report.errors.append(model.__tablename__)
        handled += 1
    return handled


async def escalate_overdue(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    """The first time a referral is overdue: ``referral.overdue`` and a note to the receiver's coordinators."""

    def query() -> Select[Any]:
        return (
            select(Referral)
            .where(
                Referral.status == Status.requested.value,
                Referral.due_at <= now,
                Referral.escalated_at.is_(None),
            )
            .order_by(Referral.due_at, Referral.id)
        )

    async def handle(session: AsyncSession, referral: Referral) -> None:
        # The marker is set without bumping the version: escalation does not change the referral
        # for its parties (their If-Match stays valid). Only the winner of this UPDATE goes on.
        referrals = table_of(Referral)
        marked = await session.execute(
            update(referrals)
            .where(referrals.c.id == referral.id, referrals.c.escalated_at.is_(None))
            .values(escalated_at=now)
        )
        if rows_affected(marked) != 1:
            return
        await publish(
            session,
            "referral.overdue",
            referral=referral,
            payload=transition_payload(
                referral, action="overdue", from_status=referral.status, actor_institution_id=None, now=now
            ),
        )
        assert referral.target_institution_id is not None
        await notifications.notify(
            session,
            settings=ctx.settings,
            kind="referral.overdue",
            institution_id=referral.target_institution_id,
            role="coordinator",
            referral=referral,
        )
        report.escalated += 1

    await _each_claimed(ctx, query, Referral, handle, report)


async def expire_unanswered(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    def query() -> Select[Any]:
        return (
            select(Referral)
            .where(Referral.status == Status.requested.value, Referral.expires_at <= now)
            .order_by(Referral.expires_at, Referral.id)
        )

    async def handle(session: AsyncSession, referral: Referral) -> None:
        if referral.status != Status.requested or referral.expires_at is None or referral.expires_at > now:
            return
        await transitions.expire(session, referral, settings=ctx.settings, now=now)
        report.expired += 1

    await _each_claimed(ctx, query, Referral, handle, report)


async def follow_ups_due(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    def query() -> Select[Any]:
        return (
            select(FollowUp)
            .where(FollowUp.status == "open", FollowUp.due_at <= now, FollowUp.notified_at.is_(None))
            .order_by(FollowUp.due_at, FollowUp.id)
        )

    async def handle(session: AsyncSession, followup: FollowUp) -> None:
        followups = table_of(FollowUp)
        marked = await session.execute(
            update(followups)
            .where(followups.c.id == followup.id, followups.c.notified_at.is_(None))
            .values(notified_at=now)
        )
        if rows_affected(marked) != 1:
            return
        referral = await session.get(Referral, followup.referral_id)
        assert referral is not None
        await notifications.notify(
            session,
            settings=ctx.settings,
            kind="followup.due",
            institution_id=followup.institution_id,
            user_id=referral.sender_user_id,
            referral=referral,
            followup_id=followup.id,
        )
        report.followups_due += 1

    await _each_claimed(ctx, query, FollowUp, handle, report)


SendDue = Callable[[async_sessionmaker[AsyncSession], Peers], Awaitable[bool | None]]


async def _send_each_due(ctx: SchedulerContext, send_due: SendDue) -> tuple[int, int]:
    """A hand-over channel's due states, one claim at a time (:mod:`splot.referrals.handover`:
    no connection is held while the peer answers): how many the peer took, how many it did not."""
    taken = refused = 0
    for _ in range(ctx.settings.scheduler_batch_size):
        outcome = await send_due(ctx.sessionmaker, ctx.peers)
        if outcome is None:
            break
        taken, refused = taken + outcome, refused + (not outcome)
    return taken, refused


async def send_access_syncs(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    """Hand the registry every access state it has not confirmed (a crash or a failure after
    the commit of the change left it here)."""
    synced, failed = await _send_each_due(ctx, lambda maker, peers: access.send_due(maker, peers, now=now))
    report.access_synced += synced
    report.access_sync_failed += failed


async def send_occupancy_syncs(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    """Hand the directory every occupancy state it has not confirmed (see splot.referrals.occupancy)."""
    synced, failed = await _send_each_due(ctx, lambda maker, peers: occupancy.send_due(maker, peers, now=now))
    report.occupancy_synced += synced
    report.occupancy_sync_failed += failed


async def send_plan_action_syncs(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    """Hand the registry every plan action state it has not confirmed (see splot.referrals.plan_actions)."""
    synced, failed = await _send_each_due(
        ctx, lambda maker, peers: plan_actions.send_due(maker, peers, now=now)
    )
    report.plan_action_synced += synced
    report.plan_action_sync_failed += failed


async def send_emails(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    settings = ctx.settings

    def query() -> Select[Any]:
        return (
            select(EmailMessage)
            .where(EmailMessage.status == "pending", EmailMessage.next_attempt_at <= now)
            .order_by(EmailMessage.next_attempt_at, EmailMessage.id)
        )

    async def handle(session: AsyncSession, message: EmailMessage) -> None:
        error: str | None = None
        try:
            institution = await ctx.peers.institution(message.institution_id)
            if institution is None or not institution.email:
                message.status = "failed"
                message.last_error = "no_address"
                report.emails_failed += 1
                await session.flush()
                return
            await ctx.email_sender.send(
                OutgoingEmail(
                    id=str(message.id), to=institution.email, subject=message.subject, body=message.body
                )
            )
        except Exception as exc:
            error = type(exc).__name__
        message.attempts += 1
        if error is None:
            message.status = "sent"
            message.sent_at = now
            message.last_error = None
            report.emails_sent += 1
        else:
            message.last_error = error
            report.emails_failed += 1
            if message.attempts >= settings.email_max_attempts:
                message.status = "failed"
            else:
                message.next_attempt_at = now + Backoff.seconds(settings.email_backoff_seconds).delay(
                    message.attempts
                )
        await session.flush()

    await _each_claimed(ctx, query, EmailMessage, handle, report)


async def deliver_webhooks(ctx: SchedulerContext, report: SchedulerReport, now: datetime) -> None:
    def query() -> Select[Any]:
        return (
            select(WebhookDelivery)
            .join(WebhookSubscription, WebhookSubscription.id == WebhookDelivery.subscription_id)
            .where(
                WebhookDelivery.status == "pending",
                WebhookDelivery.next_attempt_at <= now,
                WebhookSubscription.active.is_(True),
            )
            .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id)
        )

    async def handle(session: AsyncSession, delivery: WebhookDelivery) -> None:
        subscription = await session.get(WebhookSubscription, delivery.subscription_id)
        assert subscription is not None
        if await webhook_delivery.deliver(
            session,
            delivery,
            subscription,
            http=ctx.http,
            settings=ctx.settings,
            now=now,
            resolver=ctx.resolver,
        ):
            report.webhooks_delivered += 1
        else:
            report.webhooks_failed += 1

    await _each_claimed(ctx, query, WebhookDelivery, handle, report)


JOBS = (
    escalate_overdue,
    expire_unanswered,
    follow_ups_due,
    send_access_syncs,
    send_occupancy_syncs,
    send_plan_action_syncs,
    send_emails,
    deliver_webhooks,
)


async def run_once(ctx: SchedulerContext, *, now: datetime | None = None) -> SchedulerReport:
    report = SchedulerReport()
    for job in JOBS:
        try:
            await job(ctx, report, now or utcnow())
        except Exception as exc:
            log.error("scheduler_job_failed", job=job.__name__, exc_info=exc)
            report.errors.append(job.__name__)
    return report


def context_for(app: FastAPI) -> SchedulerContext:
    return SchedulerContext(
        sessionmaker=app.state.sessionmaker,
        settings=app.state.settings,
        peers=app.state.peers,
        email_sender=app.state.email_sender,
        http=app.state.webhook_http,
        resolver=app.state.webhook_resolver,
    )


async def scheduler_loop(app: FastAPI) -> None:
    """Background task of the service: run the jobs at once, then every
    ``scheduler_interval_seconds`` (a failed run is logged, the next one comes on time)."""
    settings: ReferralsSettings = app.state.settings
    if not settings.scheduler_enabled:
        return

    async def run() -> None:
        report = await run_once(context_for(app))
        if report.expired or report.escalated or report.errors:
            log.info(
                "scheduler_run",
                escalated=report.escalated,
                expired=report.expired,
                followups_due=report.followups_due,
                errors=len(report.errors),
            )

    await every(settings.scheduler_interval_seconds, run, name="referrals_scheduler", first_delay=0)
