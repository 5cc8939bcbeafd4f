"""The demo's referral chains serve actions of the demo's individual plans (issue 14): the links the
referrals demo makes are ones the registry accepts, by its own rule (the plan's person, a sender the
plan allows, one open referral per action)."""

from sqlalchemy import select

from splot.clients.casework.linking import link_referral
from splot.clients.casework.models import Plan, PlanAction, PlanParty
from splot.clients.config import ClientsSettings
from splot.clients.schemas.casework_plans import ActionReferralSet
from splot.common.db import create_engine, create_sessionmaker
from splot.embedded import cli
from splot.embedded.services import _SEED_AUDIT, _SEED_PRINCIPAL
from splot.referrals.config import ReferralsSettings
from splot.referrals.models import PlanActionSync, Referral


async def test_demo_referral_chains_serve_plan_actions_the_registry_accepts(data_dir):
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
        assert len(linked) >= 2, "the demo's referral chains are not linked to plan actions"
        assert len({r.plan_action_id for r in linked}) == len(linked), "one action, one open referral"
        by_referral = {s.referral_id: s for s in pending}
        assert set(by_referral) == {r.id for r in linked}

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
                sync = by_referral[referral.id]
                result = await link_referral(
                    session,
                    principal=_SEED_PRINCIPAL,
                    action_id=action.id,
                    data=ActionReferralSet(
                        referral_id=sync.referral_id,
                        person_id=sync.person_id,
                        sender_institution_id=sync.sender_institution_id,
                        status=sync.status,
                        outcome_code=sync.outcome_code,
                        receiver_institution_id=sync.receiver_institution_id,
                        version=sync.version,
                    ),
                    audit=_SEED_AUDIT,
                )
                assert result.applied
                await session.refresh(action)
                assert (action.referral_id, action.referral_status) == (referral.id, referral.status)
            await session.rollback()
    finally:
        await referrals_engine.dispose()
        await clients_engine.dispose()
