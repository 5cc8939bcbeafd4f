"""Issue #18: migration 0008 back-fills the institutions of the events written before it, by the
rule ``publish`` applies to new ones — so an institution's feed starts at its first event."""

from datetime import timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.ext.asyncio import async_sessionmaker
from test_chain_parties import COMPLETE_EMPLOYED, pup_ops_ngo

from splot.common.db import create_engine, utcnow
from splot.common.migrations import downgrade, upgrade
from splot.common.testing import migrated_database, trust_test_key, without_rate_limit
from splot.referrals import followups, schemas
from splot.referrals.main import SERVICE_DIR
from splot.referrals.models import EventParty, FollowUp

from conftest import World, create, step

FEED = "/v1/referral-events"


async def test_the_upgrade_back_fills_the_parties_of_earlier_events(
    service_spec, tmp_path_factory, tokens, test_key
):
    url = await migrated_database(service_spec, "splot_test_referrals_feed_backfill", tmp_path_factory)
    app = service_spec.create_app(url)
    engine = create_engine(url, null_pool=True)
    maker = async_sessionmaker(bind=engine, expire_on_commit=False)
    app.state.sessionmaker = maker
    app.state.run_background = False
    without_rate_limit(app)
    trust_test_key(app, test_key)
    world = World(app.state.peers, tokens)
    try:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://testserver"
        ) as client:
            # A chain with a descendant's outcome (the root sender's) and an answered follow-up,
            # next to a referral between two other institutions.
            root, root_etag, child, child_etag = await pup_ops_ngo(client, world, app.state.peers)
            await step(client, world, world.ngo_cw, child, child_etag, "complete", **COMPLETE_EMPLOYED)
            await step(client, world, world.ops_cw, root, root_etag, "complete", **COMPLETE_EMPLOYED)
            await create(client, world, sender=world.other_co, target=world.ops)
            async with maker() as session, session.begin():
                followup = (await session.scalars(select(FollowUp).order_by(FollowUp.due_months))).first()
                actor = world.pup_cw.actor()
                await followups.answer(
                    session,
                    followup_id=followup.id,
                    data=schemas.FollowUpAnswer(outcome_code="still_employed"),
                    actor=actor,
                    now=utcnow() + timedelta(days=200),
                )
            feeds_before = {
                staff.institution_id: (
                    await client.get(FEED, params={"limit": 500}, headers=world.headers(staff))
                ).json()
                for staff in (world.pup_co, world.ops_co, world.ngo_co, world.other_co)
            }

            async def parties() -> list[tuple]:
                async with maker() as session:
                    rows = await session.execute(
                        select(EventParty.event_seq, EventParty.institution_id).order_by(
                            EventParty.event_seq, EventParty.institution_id
                        )
                    )
                    return [tuple(r) for r in rows.all()]

            written = await parties()
            assert {i for _, i in written} == {world.pup, world.ops, world.ngo, world.other}
            await engine.dispose()
            await downgrade(SERVICE_DIR, url, "0007")
            await upgrade(SERVICE_DIR, url)
            assert await parties() == written
            for staff in (world.pup_co, world.ops_co, world.ngo_co, world.other_co):
                after = await client.get(FEED, params={"limit": 500}, headers=world.headers(staff))
                assert after.json() == feeds_before[staff.institution_id]
            types = [e["type"] for e in feeds_before[world.pup]["items"] if e["aggregate_id"] == child["id"]]
            assert types == ["referral.completed"]
    finally:
        await engine.dispose()
