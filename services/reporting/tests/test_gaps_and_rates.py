"""Issue 13, defect 7: periods without data are gaps (null), not zeros; a rate below 100 % is never
published as 1 (nor one above 0 % as 0); an institution looking at its own referrals gets its
rates from the exact numbers, everybody else from the published (rounded) ones."""

import pytest

from splot.reporting.suppression import Policy

from sample import Feeds, ingest

POLICY = Policy(threshold=5, sensitive_threshold=10, rounding_base=5, sensitive_codes=frozenset())


def test_a_rate_below_one_is_never_published_as_one():
    # 23 and 24 both round to 25: the rate of the published terms would be 1.0 ("100 %").
    assert POLICY.count(23).value == POLICY.count(24).value == 25
    assert POLICY.ratio(23, 24).value == 0.9999
    assert POLICY.ratio(24, 24).value == 1.0
    assert POLICY.ratio(0, 24).value == 0.0
    # Exact terms (the viewer may see them) give the exact rate.
    assert POLICY.ratio(23, 24, exact=True).value == 0.9583
    # Four decimals would round these to 1 and 0: kept inside.
    assert POLICY.ratio(29_999, 30_000, exact=True).value == 0.9999
    assert POLICY.ratio(1, 30_000, exact=True).value == 0.0001
    # Suppression still applies to the protected rate, not to the exact one.
    assert POLICY.ratio(3, 24).suppressed
    assert POLICY.ratio(3, 24, exact=True).value == 0.125


@pytest.fixture
async def flows(sessionmaker, settings):
    """June 2025: 23 referrals PUP -> OPS accepted and one rejected."""
    f = Feeds()
    pup = f.institution("PUP", "1219053", "PUP Wieliczka")
    ops = f.institution("OPS", "1219053", "OPS Wieliczka")
    person = f.person(1990, "F", "1219053", pup)
    for day in range(2, 25):
        f.referral(pup, ops, person, "social_work").send(f"2025-06-{day:02d}").accept(
            f"2025-06-{day + 1:02d}"
        )
    f.referral(pup, ops, person, "social_work").send("2025-06-25").reject(
        "2025-06-26", "no_capacity", "provider"
    )
    await ingest(sessionmaker, f, settings)
    return {"PUP": pup, "OPS": ops}


async def _series(client, headers, **params):
    response = await client.get("/v1/series", params=params, headers=headers)
    assert response.status_code == 200, response.text
    return {p["period"]: p["values"] for p in response.json()["points"]}


async def test_analyst_never_sees_100_percent_with_a_rejection(client, flows, analyst):
    points = await _series(
        client,
        analyst(""),
        measures=["accepted", "responded", "acceptance_rate"],
        period_from="2025-06",
        period_to="2025-06",
    )
    values = points["2025-06"]
    assert values["accepted"]["value"] == values["responded"]["value"] == 25  # rounded
    assert values["acceptance_rate"] == {"value": 0.9999, "suppressed": False}


async def test_the_institution_sees_its_exact_rate(client, flows, staff):
    for inst in ("PUP", "OPS"):
        points = await _series(
            client,
            staff(flows[inst], "coordinator"),
            measures=["acceptance_rate", "rejection_rate"],
            period_from="2025-06",
            period_to="2025-06",
        )
        assert points["2025-06"]["acceptance_rate"]["value"] == 0.9583  # 23 / 24
        assert points["2025-06"]["rejection_rate"]["value"] == 0.0417  # 1 / 24


async def test_years_without_data_are_gaps_not_zeros(client, flows, analyst):
    points = await _series(
        client,
        analyst(""),
        measures=["referrals", "acceptance_rate", "median_response_days"],
        granularity="year",
        period_from="2021",
        period_to="2025",
    )
    assert list(points) == ["2021", "2022", "2023", "2024", "2025"]
    for year in ("2021", "2022", "2023", "2024"):
        assert points[year] == {
            "referrals": {"value": None, "suppressed": False},
            "acceptance_rate": {"value": None, "suppressed": False},
            "median_response_days": {"value": None, "suppressed": False},
        }
    assert points["2025"]["referrals"]["value"] == 25


async def test_months_within_the_data_without_referrals_are_zero(client, flows, analyst):
    points = await _series(
        client,
        analyst(""),
        measures=["referrals", "acceptance_rate"],
        period_from="2025-04",
        period_to="2025-08",
    )
    assert list(points) == ["2025-04", "2025-05", "2025-06", "2025-07", "2025-08"]
    # Before the first referral the store holds: no data.
    assert points["2025-05"]["referrals"] == {"value": None, "suppressed": False}
    # After it (and not in the future): nothing was sent, which is a zero; its rate is undefined.
    assert points["2025-07"]["referrals"] == {"value": 0, "suppressed": False}
    assert points["2025-07"]["acceptance_rate"] == {"value": None, "suppressed": False}


async def test_the_future_has_no_data(client, flows, analyst):
    points = await _series(
        client, analyst(""), measures=["referrals"], granularity="year", period_from="2025", period_to="2099"
    )
    assert points["2099"]["referrals"] == {"value": None, "suppressed": False}


async def test_the_aggregate_without_dimensions_answers_the_asked_period(client, flows, analyst):
    response = await client.get(
        "/v1/aggregate",
        params={"measures": ["referrals"], "period_from": "2024-01", "period_to": "2024-01"},
        headers=analyst(""),
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert rows == [
        {"period": "2024-01", "dimensions": {}, "values": {"referrals": {"value": None, "suppressed": False}}}
    ]
