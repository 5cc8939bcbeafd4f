"""Concurrency on a real database: two transitions with the same If-Match, and two scheduler
replicas at once. Fired in parallel on PostgreSQL; on SQLite (one writer at a time) the
transition race is skipped and the scheduler runs are serialised."""

import asyncio
import os
import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select, update

from splot.common.db import utcnow
from splot.common.events import outbox_event
from splot.referrals.models import Notification, Referral, ReferralEvent
from splot.referrals.scheduler import SchedulerContext, run_once

from conftest import World, act, create

ON_POSTGRES = os.environ.get("SPLOT_TEST_DATABASE_URL", "").startswith("postgresql")


@pytest.fixture
async def clients(committed_app):
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with (
        httpx.AsyncClient(transport=transport, base_url="http://a") as first,
        httpx.AsyncClient(transport=transport, base_url="http://b") as second,
    ):
        yield first, second


@pytest.fixture
def cworld(committed_app, tokens) -> World:
    return World(committed_app.state.peers, tokens)


async def _count(committed_app, stmt) -> int:
    async with committed_app.state.sessionmaker() as session:
        return int((await session.execute(stmt)).scalar_one())


@pytest.mark.skipif(not ON_POSTGRES, reason="parallel writers need PostgreSQL (SQLite has one writer)")
@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("accept", {}), ("reject", {"reason_code": "no_capacity", "declined_by": "provider", "text": "x"})),
        (("accept", {}), ("accept", {})),
        (("accept", {}), ("set_business_status", {"business_status": "contact_attempted"})),
    ],
    ids=["accept-vs-reject", "accept-vs-accept", "accept-vs-substatus"],
)
async def test_two_parallel_transitions_exactly_one_wins(committed_app, clients, cworld, first, second):
    a, b = clients
    for _ in range(5):
        body, etag = await create(a, cworld)
        results = await asyncio.gather(
            act(a, cworld, cworld.ops_cw, body, etag, first[0], **first[1]),
            act(b, cworld, cworld.ops_co, body, etag, second[0], **second[1]),
        )
        statuses = sorted(r.status_code for r in results)
        assert statuses[0] == 200 and statuses[1] in (409, 412), [r.text for r in results]
        loser = next(r for r in results if r.status_code != 200)
        assert loser.json()["code"] in ("stale_etag", "illegal_transition")
        winner = next(r for r in results if r.status_code == 200).json()
        events = await _count(
            committed_app,
            select(func.count())
            .select_from(ReferralEvent)
            .where(ReferralEvent.referral_id == uuid.UUID(body["id"])),
        )
        assert events == 2  # send + exactly one of the two
        feed = await _count(
            committed_app,
            select(func.count()).select_from(outbox_event).where(outbox_event.c.aggregate_id == body["id"]),
        )
        assert feed == 2
        current = await a.get(f"/v1/referrals/{body['id']}", headers=cworld.headers(cworld.ops_co))
        assert current.json()["version"] == winner["version"] == body["version"] + 1


async def _scheduler_runs(committed_app, now, parallel: bool):
    def ctx():
        return SchedulerContext(
            sessionmaker=committed_app.state.sessionmaker,
            settings=committed_app.state.settings,
            peers=committed_app.state.peers,
            email_sender=committed_app.state.email_sender,
            http=httpx.AsyncClient(),
        )

    contexts = [ctx(), ctx()]
    try:
        if parallel:
            return await asyncio.gather(*(run_once(c, now=now) for c in contexts))
        return [await run_once(c, now=now) for c in contexts]
    finally:
        for c in contexts:
            await c.http.aclose()


async def test_two_scheduler_replicas_escalate_and_expire_once(committed_app, clients, cworld):
    a, _ = clients
    created = [await create(a, cworld) for _ in range(6)]
    ids = [uuid.UUID(body["id"]) for body, _ in created]
    overdue_ids, expiring_ids = ids[:3], ids[3:]
    now = utcnow()
    async with committed_app.state.sessionmaker() as session:
        await session.execute(
            update(Referral).where(Referral.id.in_(overdue_ids)).values(due_at=now - timedelta(hours=1))
        )
        await session.execute(
            update(Referral)
            .where(Referral.id.in_(expiring_ids))
            .values(due_at=now - timedelta(days=20), expires_at=now - timedelta(hours=1))
        )
        await session.commit()

    reports = await _scheduler_runs(committed_app, now, parallel=ON_POSTGRES)
    assert not any(r.errors for r in reports), [r.errors for r in reports]

    def count(event_type, among):
        return _count(
            committed_app,
            select(func.count())
            .select_from(outbox_event)
            .where(
                outbox_event.c.type == event_type, outbox_event.c.aggregate_id.in_([str(i) for i in among])
            ),
        )

    assert await count("referral.overdue", ids) == 6
    assert await count("referral.expired", expiring_ids) == 3
    assert await count("referral.expired", overdue_ids) == 0
    escalations = await _count(
        committed_app,
        select(func.count())
        .select_from(Notification)
        .where(Notification.kind == "referral.overdue", Notification.referral_id.in_(ids)),
    )
    assert escalations == 6
    expiry_rows = await _count(
        committed_app,
        select(func.count())
        .select_from(ReferralEvent)
        .where(ReferralEvent.action == "expire", ReferralEvent.referral_id.in_(expiring_ids)),
    )
    assert expiry_rows == 3
    async with committed_app.state.sessionmaker() as session:
        statuses = (
            (await session.execute(select(Referral.status).where(Referral.id.in_(expiring_ids))))
            .scalars()
            .all()
        )
        assert set(statuses) == {"cancelled"}
