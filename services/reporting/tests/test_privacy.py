"""Small-cell suppression and complementary protection, attacked.

Dataset (March 2025, all PUP Wieliczka -> OPS Wieliczka or the NGO, 33 referrals):
social_work 23, family_assistant 3 (suppressed: < 5), addiction_therapy 7 (sensitive: < 10).
"""

import pytest

from splot.reporting.suppression import Policy

from sample import Feeds, ingest

COUNTS = {"social_work": 23, "family_assistant": 3, "addiction_therapy": 7}


@pytest.fixture
async def small_cells(sessionmaker, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053", "PUP Wieliczka")
    ops = feeds.institution("OPS", "1219053", "OPS Wieliczka")
    ngo = feeds.institution("NGO", "1219053", "Fundacja")
    person = feeds.person(1980, "F", "1219053", pup)
    for service, n in COUNTS.items():
        for k in range(n):
            target = ngo if service == "addiction_therapy" else ops
            ref = feeds.referral(pup, target, person, service, priority="urgent" if k % 4 == 0 else "routine")
            ref.send(f"2025-03-{3 + k % 20:02d}", due="2025-04-30")
            if k % 3 == 0:
                ref.accept("2025-03-28")
    await ingest(sessionmaker, feeds, settings)
    return feeds


async def _query(client, headers, measures, dimensions=(), **filters):
    response = await client.get(
        "/v1/aggregate",
        params={
            "measures": list(measures),
            "dimensions": list(dimensions),
            "period_from": "2025-03",
            "period_to": "2025-03",
            **filters,
        },
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _cells(body, measure="referrals"):
    return {tuple(r["dimensions"].values()): r["values"][measure] for r in body["rows"]}


async def test_small_cells_are_suppressed_and_marked_not_zeroed(client, small_cells, analyst):
    cells = _cells(await _query(client, analyst(""), ["referrals"], ["service_type"]))
    assert cells[("family_assistant",)] == {"value": None, "suppressed": True}
    assert cells[("addiction_therapy",)] == {"value": None, "suppressed": True}  # 7 < 10 (sensitive)
    assert cells[("social_work",)] == {"value": 25, "suppressed": False}  # 23 rounded to 5


async def test_sensitive_threshold_comes_from_the_directory_catalogue(client, small_cells, analyst, app):
    # A threshold of 8 for ordinary cells: 7 addiction_therapy referrals are still hidden because
    # the catalogue (not only the fallback list) flags the type as sensitive.
    app.state.settings = app.state.settings.model_copy(
        update={"sensitive_suppression_threshold": 8, "suppression_threshold": 3}
    )
    cells = _cells(await _query(client, analyst(""), ["referrals"], ["service_type"]))
    assert cells[("family_assistant",)] == {"value": 5, "suppressed": False}
    assert cells[("addiction_therapy",)] == {"value": None, "suppressed": True}
    app.state.settings = app.state.settings.model_copy(update={"sensitive_suppression_threshold": 3})
    cells = _cells(await _query(client, analyst(""), ["referrals"], ["service_type"]))
    assert cells[("addiction_therapy",)] == {"value": 5, "suppressed": False}


async def test_every_published_count_is_rounded(client, small_cells, analyst):
    body = await _query(client, analyst(""), ["referrals", "accepted", "open"], ["service_type", "priority"])
    for row in body["rows"]:
        for cell in row["values"].values():
            assert cell["suppressed"] or cell["value"] % 5 == 0, row


def _interval(cell, policy: Policy, sensitive: bool = False) -> range:
    """The true values an attacker can still believe behind a published cell."""
    threshold = policy.threshold_for(sensitive)
    if cell["suppressed"]:
        return range(1, threshold)
    if cell["value"] == 0:
        return range(0, 1)
    candidates = [
        n
        for n in range(threshold, cell["value"] + policy.rounding_base + 1)
        if policy.round(n) == cell["value"]
    ]
    return range(min(candidates), max(candidates) + 1)


def _difference(total: range, parts: list[range], target: range) -> set[int]:
    """Values of the hidden cell consistent with total = hidden + sum(parts)."""
    low = total.start - sum(p.stop - 1 for p in parts)
    high = total.stop - 1 - sum(p.start for p in parts)
    return {x for x in target if low <= x <= high}


def _policy(settings) -> Policy:
    return Policy(
        settings.suppression_threshold,
        settings.sensitive_suppression_threshold,
        settings.rounding_base,
        frozenset(),
    )


async def _attack(client, analyst, settings) -> dict[str, set[int]]:
    """Differencing attacks on the family_assistant cell (true value 3), with several pairs of
    overlapping queries; returns what each attack leaves possible."""
    policy = _policy(settings)
    h = analyst("")
    by_service = _cells(await _query(client, h, ["referrals"], ["service_type"]))
    total = _cells(await _query(client, h, ["referrals"]))[()]
    route_ops = _cells(await _query(client, h, ["referrals"], route="PUP->OPS"))[()]
    social = _cells(await _query(client, h, ["referrals"], service_type="social_work"))[()]
    ngo = _cells(await _query(client, h, ["referrals"], target_type="NGO"))[()]
    hidden = _interval(by_service[("family_assistant",)], policy)
    attacks = {
        # grand total minus the other rows of the same table
        "total - rows": _difference(
            _interval(total, policy),
            [
                _interval(by_service[("social_work",)], policy),
                _interval(by_service[("addiction_therapy",)], policy, True),
            ],
            hidden,
        ),
        # two overlapping filters: (PUP->OPS) minus (service_type=social_work)
        "filter - filter": _difference(_interval(route_ops, policy), [_interval(social, policy)], hidden),
        # total minus another filter's total minus a row
        "total - filter - row": _difference(
            _interval(total, policy), [_interval(ngo, policy), _interval(social, policy)], hidden
        ),
    }
    # margins of a two-way table: row total by priority minus the other published cells
    by_two = _cells(await _query(client, h, ["referrals"], ["service_type", "priority"]))
    by_priority = _cells(await _query(client, h, ["referrals"], ["priority"]))
    for priority in ("routine", "urgent"):
        key = ("family_assistant", priority)
        if key not in by_two:
            continue
        others = [
            _interval(cell, policy, s == "addiction_therapy")
            for (s, p), cell in by_two.items()
            if p == priority and s != "family_assistant"
        ]
        attacks[f"margin {priority}"] = _difference(
            _interval(by_priority[(priority,)], policy), others, _interval(by_two[key], policy)
        )
    return attacks


async def test_differencing_overlapping_queries_does_not_reveal_a_suppressed_cell(
    client, small_cells, analyst, settings
):
    attacks = await _attack(client, analyst, settings)
    assert len(attacks) >= 4
    for name, possible in attacks.items():
        assert len(possible) >= 2, f"{name} narrows the hidden value to {possible}"
        assert 3 in possible or name.startswith("margin")  # the truth stays possible


async def test_the_attack_works_without_complementary_protection(client, small_cells, analyst, app):
    """Control: with suppression but no rounding, the same attacks recover the hidden 3 — so the
    test above would fail if the protection were missing."""
    app.state.settings = app.state.settings.model_copy(update={"rounding_base": 1})
    attacks = await _attack(client, analyst, app.state.settings)
    assert attacks["filter - filter"] == {3}
    assert attacks["total - filter - row"] == {3}


async def test_a_cell_has_the_same_value_in_every_query(client, small_cells, analyst):
    h = analyst("")
    combos = [("service_type",), ("service_type", "priority"), ("priority",), ()]
    seen: dict[tuple, object] = {}
    for dims in combos:
        body = await _query(client, h, ["referrals"], dims)
        for row in body["rows"]:
            key = tuple(sorted(row["dimensions"].items()))
            seen.setdefault(key, row["values"]["referrals"])
            assert seen[key] == row["values"]["referrals"]
    # the same cell reached by a filter instead of a grouping
    for service in COUNTS:
        body = await _query(client, h, ["referrals"], ["priority"], service_type=service)
        for row in body["rows"]:
            key = tuple(sorted({"service_type": service, **row["dimensions"]}.items()))
            assert seen[key] == row["values"]["referrals"]


async def test_rates_and_percentiles_of_small_cells_are_suppressed(client, small_cells, analyst):
    body = await _query(
        client, analyst(""), ["acceptance_rate", "median_response_days", "accepted"], ["service_type"]
    )
    cells = {r["dimensions"]["service_type"]: r["values"] for r in body["rows"]}
    # family_assistant: 1 accepted of 1 answered -> numerator and denominator suppressed
    assert cells["family_assistant"]["acceptance_rate"] == {"value": None, "suppressed": True}
    assert cells["family_assistant"]["median_response_days"] == {"value": None, "suppressed": True}
    # social_work: 8 answered, 8 accepted -> published from rounded counts (10 / 10)
    assert cells["social_work"]["acceptance_rate"] == {"value": 1.0, "suppressed": False}


def test_policy_rules():
    policy = Policy(
        threshold=5, sensitive_threshold=10, rounding_base=5, sensitive_codes=frozenset({"addiction_therapy"})
    )
    assert [policy.count(n).value for n in (0, 5, 7, 8, 12, 13, 100)] == [0, 5, 5, 10, 10, 15, 100]
    assert all(policy.count(n).suppressed for n in range(1, 5))
    assert policy.count(9, sensitive=True).suppressed and not policy.count(10, sensitive=True).suppressed
    assert policy.ratio(3, 0).suppressed is False and policy.ratio(3, 0).value is None
    assert policy.ratio(3, 40).suppressed  # a small numerator is a small cell
    hist = {d: 1 for d in range(1, 11)}
    assert policy.percentile(hist, 0.9).value == 9
    assert policy.percentile({1: 3, 2: 1}, 0.5).suppressed  # below the threshold
    assert policy.percentile({d: 1 for d in range(1, 10)}, 0.9).suppressed  # would be the maximum


async def test_nothing_person_level_is_returned(client, dataset, analyst, exact):
    body = await _query(client, analyst(""), ["referrals"], ["age_band", "sex", "service_type"])
    text = str(body)
    for person in dataset.persons.values():
        assert str(person) not in text
    for ref in dataset.refs.values():
        assert str(ref.id) not in text
