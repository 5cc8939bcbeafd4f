"""Handing a change's states to a peer after its commit (:mod:`splot.referrals.handover`): no
database connection is held while the peer answers, a state a request is handing over is not
sent again by the scheduler, and one whose request died after claiming it is sent once its lease
has passed."""

import uuid
from datetime import timedelta

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import select, update

from splot.common.db import table_of, utcnow
from splot.common.testing import TokenFactory, trust_test_key, without_rate_limit
from splot.referrals import handover
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import AccessSync

from conftest import World, _create_app, create, run_scheduler, step


async def test_no_database_connection_is_held_while_the_registry_answers(committed_database_url, test_key):
    # The service's own pool and real commits (the tests' shared connection would hide it).
    app = without_rate_limit(trust_test_key(_create_app(committed_database_url), test_key))
    app.state.run_background = False
    peers, pool = app.state.peers, app.state.engine.pool
    world = World(peers, TokenFactory(test_key))
    held: list[tuple[uuid.UUID, int]] = []
    take = peers.put_access

    async def put_access(state):
        held.append((state.referral_id, pool.checkedout()))
        await take(state)

    peers.put_access = put_access
    transport = httpx.ASGITransport(app=app)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            body, etag = await create(client, world)
            accepted, etag = await step(client, world, world.ops_cw, body, etag, "accept")
            # The registry is down when the receiver completes: the scheduler sends the end later.
            peers.down = {"put_access"}
            completed, _ = await step(
                client,
                world,
                world.ops_cw,
                accepted,
                etag,
                "complete",
                outcome_codes=["employed"],
                delivered="x",
            )
            peers.down = set()
            report = await run_scheduler(app, now=utcnow() + timedelta(hours=2))
    finally:
        await app.state.engine.dispose()
    # The send, the accept, the completion (refused) and the scheduler's retry each called the
    # registry with no connection out of the pool (the request's own was returned at its commit).
    # (The database is shared with other tests that commit: only this referral's calls counted.)
    ours = uuid.UUID(body["id"])
    assert [checked_out for referral, checked_out in held if referral == ours] == [0, 0, 0, 0]
    assert report.access_synced >= 1
    assert [(s.version, s.accepted, s.active) for s in peers.access if s.referral_id == ours] == [
        (body["version"], False, True),
        (accepted["version"], True, True),
        (completed["version"], True, False),
    ]


async def test_a_state_being_handed_over_is_not_sent_again_by_the_scheduler(
    client, world, app, peers, session
):
    body, etag = await create(client, world)
    take = peers.put_access
    reports, calls = [], []

    async def put_access(state):
        # While the registry takes the accept's state, the scheduler runs (a minute later): the
        # request's claim keeps the row from it.
        calls.append(state.version)
        if state.accepted and len(calls) == 1:
            reports.append(await run_scheduler(app, now=utcnow() + timedelta(minutes=1)))
        await take(state)

    peers.put_access = put_access
    accepted, _ = await step(client, world, world.ops_cw, body, etag, "accept")
    assert [r.access_synced for r in reports] == [0] and calls == [accepted["version"]]
    assert [s.version for s in peers.access] == [body["version"], accepted["version"]]
    row = (
        await session.scalars(
            select(AccessSync)
            .where(AccessSync.referral_id == uuid.UUID(body["id"]), AccessSync.version == accepted["version"])
            .execution_options(populate_existing=True)
        )
    ).one()
    assert row.done_at is not None and row.attempts == 0
    # Done: the scheduler has nothing left to send, now or after the lease.
    later = utcnow() + handover.LEASE + timedelta(minutes=1)
    assert (await run_scheduler(app, now=later)).access_synced == 0


async def test_a_state_whose_request_died_after_claiming_it_is_sent_after_the_lease(
    client, world, app, peers
):
    body, etag = await create(client, world)
    peers.down = {"put_access"}
    accepted, _ = await step(client, world, world.ops_cw, body, etag, "accept")
    # The registry was down: the state waits for its next attempt. A request claims it then and
    # dies before it records anything (a claim alone, as a killed process would leave it).
    due = utcnow() + timedelta(hours=1)
    table = table_of(AccessSync)
    claimed = await handover.claim(
        app.state.sessionmaker, table, [uuid.UUID(body["id"])], ("state",), now=due
    )
    assert [(r["version"], r["attempts"], r["state"]["accepted"]) for r in claimed] == [
        (accepted["version"], 1, True)
    ]
    # Claimed once: a second claim, or the scheduler within the lease, gets nothing.
    assert await handover.claim(app.state.sessionmaker, table, [uuid.UUID(body["id"])], now=due) == []
    peers.down = set()
    delivered = len(peers.access)
    assert (await run_scheduler(app, now=due + timedelta(minutes=1))).access_synced == 0
    assert len(peers.access) == delivered
    # After the lease the scheduler sends it, once.
    report = await run_scheduler(app, now=due + handover.LEASE + timedelta(seconds=1))
    assert report.access_synced == 1
    assert [(s.version, s.accepted) for s in peers.access[delivered:]] == [(accepted["version"], True)]


def test_the_lease_outlasts_the_longest_call_to_a_peer():
    longest = ReferralsSettings(peer_timeout_seconds=60).peer_timeout_seconds
    assert handover.LEASE > timedelta(seconds=longest)
    with pytest.raises(ValidationError):
        ReferralsSettings(peer_timeout_seconds=61)


async def test_a_lease_runs_from_the_claim_not_from_a_scheduler_run_that_began_earlier(
    client, world, app, session
):
    body, _ = await create(client, world)
    referral = uuid.UUID(body["id"])
    # A state due since long ago, claimed by a run of the scheduler that began an hour ago.
    await session.execute(
        update(AccessSync)
        .where(AccessSync.referral_id == referral)
        .values(done_at=None, next_attempt_at=utcnow() - timedelta(hours=2))
    )
    table = table_of(AccessSync)
    before = utcnow()
    (row,) = await handover.claim(app.state.sessionmaker, table, [referral], now=before - timedelta(hours=1))
    leased = (
        await session.scalars(
            select(AccessSync.next_attempt_at)
            .where(AccessSync.id == row["id"])
            .execution_options(populate_existing=True)
        )
    ).one()
    assert leased >= before + handover.LEASE
