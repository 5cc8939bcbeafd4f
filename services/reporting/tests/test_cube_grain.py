"""The cube grains (issue #17): a query reads the smallest cube that has every column it needs
(grouping, filters, scope), the coarse national and voivodeship cubes included, and its answer
is exactly the answer computed from the raw facts."""

import pytest

from splot.reporting import cubes
from splot.reporting.cube_sql import choose_source, scope_columns
from splot.reporting.periods import month_range
from splot.reporting.query import AggregateQuery, aggregate
from splot.reporting.scopes import territory_scope
from splot.reporting.suppression import Policy

#: Exact numbers (no suppression, no rounding): a cube that lost or double-counted a referral
#: shows; and the published policy, whose cells must be the same from either source.
EXACT = Policy(1, 1, 1, frozenset())
PUBLISHED = Policy(5, 10, 5, frozenset({"addiction_therapy"}))

MEASURES = ["referrals", "accepted", "rejected", "acceptance_rate", "sla_met", "sla_compliance",
            "completed", "closed_loop_rate", "employment_rate"]  # fmt: skip

#: (query, scope, the cube it must be answered from)
CASES = [
    (AggregateQuery(MEASURES, ["sender_voivodeship", "route"], "month", "2025-01", "2025-12"), "",
     "agg_referral_sender"),
    (AggregateQuery(MEASURES, ["target_voivodeship", "status"], "quarter"), "", "agg_referral_target"),
    (AggregateQuery(MEASURES, ["service_type", "status"], "quarter", "2025-Q1", "2025-Q4"), "",
     "agg_referral_national"),
    (AggregateQuery(MEASURES, ["route"], "year", filters={"priority": "urgent"}), "", "agg_referral_national"),
    (AggregateQuery(MEASURES, ["sender_powiat", "route"], "year", "2025", "2025"), "12",
     "agg_referral_powiat_route"),
    (AggregateQuery(MEASURES, ["target_powiat", "status"], "month"), "1219", "agg_referral_powiat_route"),
    (AggregateQuery(MEASURES, ["route", "status"], "month"), "12", "agg_referral_route"),
    (AggregateQuery(MEASURES, ["sender_voivodeship", "service_type"], "year"), "", "agg_referral_region"),
    (AggregateQuery(MEASURES, ["sender_powiat", "service_type"], "quarter"), "12", "agg_referral_powiat"),
    (AggregateQuery(MEASURES, ["age_band", "route"], "year"), "", "agg_referral_profile"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "territory", "cube"), CASES)
@pytest.mark.parametrize("policy", [EXACT, PUBLISHED], ids=["exact", "published"])
async def test_each_query_reads_its_grain_and_equals_the_raw_facts(
    dataset, session, query, territory, cube, policy
):
    scope = territory_scope(territory)
    from_cube = await aggregate(session, query=query, scope=scope, policy=policy)
    raw = await aggregate(session, query=query, scope=scope, policy=policy, force="raw")
    assert from_cube.sources == [cube] and raw.sources == ["facts"]
    assert from_cube.rows, "the sample has referrals of every case"
    assert [(r.period, r.dimensions, r.values) for r in from_cube.rows] == [
        (r.period, r.dimensions, r.values) for r in raw.rows
    ]


def test_the_smallest_cube_with_every_needed_column_is_chosen():
    months = month_range("year", None, None)
    national = territory_scope("")

    def chosen(needed: set[str], scope=national) -> str:
        return choose_source("referral", needed | set(scope_columns(scope)), scope, months)[1]

    assert chosen({"sender_type", "target_type"}) == "agg_referral_national"
    assert chosen({"sender_voivodeship", "status"}) == "agg_referral_sender"
    assert chosen({"target_voivodeship", "sender_type"}) == "agg_referral_target"
    # a voivodeship's scope needs both voivodeships: never a one-sided cube
    assert chosen({"sender_type"}, territory_scope("12")) == "agg_referral_route"
    assert chosen({"sender_powiat"}, territory_scope("12")) == "agg_referral_powiat_route"
    assert chosen({"sender_powiat", "priority"}, territory_scope("12")) == "agg_referral_powiat"
    assert chosen({"programme"}) == "agg_referral_programme"
    # every coarse cube is a roll-up of a finer one holding all its keys
    for cube in cubes.CUBES:
        if cube.parent is not None:
            assert set(cube.keys) <= set(cube.parent.keys), cube.name
            assert cubes.CUBES.index(cube.parent) < cubes.CUBES.index(cube), cube.name
