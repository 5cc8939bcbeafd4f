"""The demo's referral chains serve actions of the demo's individual plans (issue 14): the links the
referrals demo makes are ones the registry accepts, by its own rule (the plan's person, a sender the
plan allows, one open referral per action), and the seed makes both sides of each link, as the
running system does when a referral is created for an action."""

from sqlalchemy import select

from splot.clients.casework.models import Plan, PlanAction, PlanParty
from splot.clients.config import ClientsSettings
from splot.common.db import create_engine, create_sessionmaker
from splot.embedded import cli
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import PlanActionSync, Referral


async def test_demo_referral_chains_serve_plan_actions_linked_on_both_sides(data_dir):
    await cli.migrate()
    assert await cli.seed() is True

    referrals_engine = create_engine(ReferralsSettings().effective_database_url)
    clients_engine = create_engine(ClientsSettings().effective_database_url)
    try:
        async with create_sessionmaker(referrals_engine)() as session:
            linked = (
                await session.scalars(select(Referral).where(Referral.plan_action_id.is_not(None)))
            ).all()
            pending = (
                await session.scalars(
                    select(PlanActionSync).where(
                        PlanActionSync.done_at.is_(None), PlanActionSync.superseded_at.is_(None)
                    )
                )
            ).all()
            by_id = {r.id: r for r in (await session.scalars(select(Referral))).all()}
        assert len(linked) >= 2, "the demo's referral chains are not linked to plan actions"
        assert len({r.plan_action_id for r in linked}) == len(linked), "one action, one open referral"
        # handed to the registry by the seed: nothing left for the scheduler to deliver
        assert pending == []

        async with create_sessionmaker(clients_engine)() as session:
            for referral in linked:
                action = await session.get(PlanAction, referral.plan_action_id)
                assert action is not None and action.status in ("planned", "in_progress")
                plan = await session.get(Plan, action.plan_id)
                assert plan is not None and plan.person_id == referral.person_id
                parties = set(
                    await session.scalars(
                        select(PlanParty.institution_id).where(PlanParty.plan_id == plan.id)
                    )
                )
                assert referral.sender_institution_id in {
                    action.owner_institution_id,
                    plan.owner_institution_id,
                    *parties,
                }
                # the registry's side: the action is served by this referral, in its newest state
                assert (action.referral_id, action.referral_status, action.referral_version) == (
                    referral.id,
                    referral.status,
                    referral.version,
                )
                assert action.referral_receiver_institution_id == referral.target_institution_id
            # and the other way round: every action the registry links names a demo referral
            # that names the action
            served = (
                await session.scalars(select(PlanAction).where(PlanAction.referral_id.is_not(None)))
            ).all()
            assert {a.id for a in served} == {r.plan_action_id for r in linked}
            for action in served:
                assert by_id[action.referral_id].plan_action_id == action.id
    finally:
        await referrals_engine.dispose()
        await clients_engine.dispose()
