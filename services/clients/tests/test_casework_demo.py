"""The casework demo data: plans of every type, goals met and not met, actions delivered by
another institution than the plan's owner, with the events the API would emit."""

from sqlalchemy import func, select
from test_demo import REFS

from splot.clients.casework.models import Plan, PlanAction, PlanGoal, PlanParty
from splot.clients.demo import seed
from splot.common.events import outbox_event


async def test_demo_plans_of_every_type_with_goals_met_and_not_met(session):
    await seed(session, institutions=REFS)
    types = set((await session.scalars(select(Plan.plan_type_code))).all())
    assert types == {
        "pup_individual_action_plan",
        "ops_social_contract",
        "cis_kis_individual_programme",
        "ngo_support_plan",
        "joint_plan",
    }
    assessments = set((await session.scalars(select(PlanGoal.assessment))).all())
    assert {"achieved", "not_achieved", "partly_achieved", "abandoned", None} <= assessments
    assert await session.scalar(select(func.count()).select_from(PlanParty)) > 0
    delivered_by_other = await session.scalar(
        select(func.count())
        .select_from(PlanAction)
        .join(Plan, Plan.id == PlanAction.plan_id)
        .where(PlanAction.owner_institution_id != Plan.owner_institution_id)
    )
    assert delivered_by_other > 0
    created = await session.scalar(
        select(func.count()).select_from(outbox_event).where(outbox_event.c.type == "plan.created")
    )
    assert created == await session.scalar(select(func.count()).select_from(Plan))
