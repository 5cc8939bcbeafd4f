"""A partnership's measured values (issue #15): its parties' joint referrals, exact for the
parties, through the suppression policy for analysts (default thresholds here: 5, 10 for
sensitive service types, rounding to 5).

The Wieliczka partnership of the fixed dataset (PUP_W, OPS_W, NGO_W, parties from 15 January
2025) has seven joint referrals in March 2025 (see test_indicators.py for the dataset):

    R1  PUP->OPS social_work        accepted after 2 wd (on time), completed
    R2  PUP->OPS social_work        rejected after 6 wd (late)
    R3  PUP->NGO debt_counselling   rejected after 1 wd (on time)
    R4  OPS->PUP job_placement      accepted after 1 wd (on time), completed [employed]
    R5  OPS->NGO addiction_therapy  accepted after 1 wd (on time), failed
    R10 OPS->NGO psych. counselling accepted after 1 wd (on time), completed (sent 03-06)
    R11 PUP->OPS family_assistant   overdue, unanswered

R6 and R7 involve OPS Niepołomice (not a party), R8 is in Kraków, R13 was entered in error.
"""

import uuid

import pytest

from sample import fixed_dataset, ingest

MARCH = {"from": "2025-03", "to": "2025-03"}


@pytest.fixture
async def wieliczka(sessionmaker, settings):
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    data.feeds.partnership(
        "partnership.created", pid, [i["PUP_W"], i["OPS_W"], i["NGO_W"]], version=1, when="2025-01-15"
    )
    await ingest(sessionmaker, data.feeds, settings)
    return data, pid


async def _measures(client, pid, headers, **params):
    response = await client.get(
        f"/v1/partnerships/{pid}/measures", params={**MARCH, **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


def _values(cells: dict) -> dict:
    return {k: v["value"] for k, v in cells.items()}


def _flows(body) -> dict:
    return {(r["route"], r["service_type"]): _values(r["values"]) for r in body["flows"]}


async def test_a_party_sees_the_exact_numbers_of_its_joint_work(client, wieliczka, staff):
    data, pid = wieliczka
    body = await _measures(client, pid, staff(data.inst["PUP_W"]))
    assert body["exact"] is True and body["status"] == "in_force"
    assert (body["period_from"], body["period_to"]) == ("2025-03", "2025-03")
    v = _values(body["indicators"])
    assert {k: v[k] for k in ("referrals", "responded", "accepted", "rejected", "completed", "failed")} == {
        "referrals": 7,
        "responded": 6,
        "accepted": 4,
        "rejected": 2,
        "completed": 3,
        "failed": 1,
    }
    assert (v["employment_outcome"], v["sla_met"], v["sla_missed"], v["open"]) == (1, 5, 2, 1)
    # rates of the exact counts; nearest-rank percentiles of [1, 1, 1, 1, 2, 6] working days
    assert (v["sla_compliance"], v["acceptance_rate"], v["completion_rate"]) == (0.7143, 0.6667, 0.75)
    assert (v["median_response_days"], v["p90_response_days"]) == (1, 6)
    assert v["median_completion_days"] == 11  # R1 9, R10 11, R4 27: the 2nd of 3
    assert _flows(body) == {
        ("PUP->OPS", "social_work"): _flow(2, 2, 1, 1, 0),
        ("PUP->OPS", "family_assistant"): _flow(1, 0, 0, 0, 0),
        ("PUP->NGO", "debt_counselling"): _flow(1, 1, 0, 0, 0),
        ("OPS->PUP", "job_placement"): _flow(1, 1, 1, 1, 1),
        ("OPS->NGO", "addiction_therapy"): _flow(1, 1, 1, 0, 0),
        ("OPS->NGO", "psychological_counselling"): _flow(1, 1, 1, 1, 0),
    }


def _flow(referrals, responded, accepted, completed, employment) -> dict:
    return {
        "referrals": referrals,
        "responded": responded,
        "accepted": accepted,
        "completed": completed,
        "employment_outcome": employment,
    }


async def test_the_cooperation_of_the_pairs_of_parties(client, wieliczka, staff):
    data, pid = wieliczka
    v = _values((await _measures(client, pid, staff(data.inst["NGO_W"], "coordinator")))["indicators"])
    # pairs PUP-OPS (both ways), PUP-NGO, OPS-NGO; the three parties' agreement is in force
    assert (v["sector_coverage"], v["reciprocity"], v["ngo_involvement"]) == (1.0, 0.3333, 0.6667)
    assert (v["agreement_coverage"], v["agreements_in_force"], v["cooperation_index"]) == (1.0, 1, 75.0)


async def test_an_analyst_gets_the_same_numbers_protected(client, wieliczka, analyst):
    _, pid = wieliczka
    body = await _measures(client, pid, analyst("12"))
    assert body["exact"] is False
    cells = body["indicators"]
    # 3 completed referrals: suppressed for the analyst (3 for a party); 7 referrals rounded to 5
    assert cells["completed"] == {"value": None, "suppressed": True}
    assert cells["referrals"] == {"value": 5, "suppressed": False}
    assert cells["responded"] == {"value": 5, "suppressed": False}
    assert cells["accepted"]["suppressed"] and cells["acceptance_rate"]["suppressed"]
    # 5 on time of 7 answered or overdue: both terms round to 5; the rate stays below 1
    assert cells["sla_missed"]["suppressed"]
    assert cells["sla_compliance"] == {"value": 0.9999, "suppressed": False}
    # the median is an interior order statistic of 6 answers; the p90 is the largest value
    assert cells["median_response_days"] == {"value": 1, "suppressed": False}
    assert cells["p90_response_days"]["suppressed"]
    assert cells["agreements_in_force"] == {"value": 1, "suppressed": False}
    assert all(r["values"]["referrals"]["suppressed"] for r in body["flows"])
    assert body["suppression"]["threshold"] == 5


async def test_every_indicator_a_target_may_use_has_a_value(client, wieliczka, staff, analyst):
    """The directory's list (splot.directory.partnerships.indicators): the catalogue's measures
    and the cooperation indicators."""
    data, pid = wieliczka
    catalogue = (await client.get("/v1/catalogue", headers=analyst(""))).json()
    expected = {m["name"] for m in catalogue["measures"]} | {
        "cooperation_index",
        "sector_coverage",
        "reciprocity",
        "ngo_involvement",
        "agreement_coverage",
        "agreements_in_force",
    }
    for headers in (staff(data.inst["OPS_W"]), analyst("")):
        assert set((await _measures(client, pid, headers))["indicators"]) == expected


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # the NGO left on 6 March: R3 (5 March) still counts, R10 (6 March) and R5 do not
        ([("partnership.party_left", ["PUP_W", "OPS_W"], "2025-03-06")], 5),
        # the NGO joined on 10 March: R5 (12 March) counts, R3 and R10 do not
        ([], None),
    ],
)
async def test_only_referrals_sent_while_both_were_parties_count(
    client, sessionmaker, settings, staff, events, expected
):
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    if events:
        data.feeds.partnership(
            "partnership.created", pid, [i["PUP_W"], i["OPS_W"], i["NGO_W"]], version=1, when="2025-01-15"
        )
        for n, (event_type, names, when) in enumerate(events, start=2):
            data.feeds.partnership(event_type, pid, [i[x] for x in names], version=n, when=when)
    else:
        data.feeds.partnership(
            "partnership.created", pid, [i["PUP_W"], i["OPS_W"]], version=1, when="2025-01-15"
        )
        data.feeds.partnership(
            "partnership.invitation_answered",
            pid,
            [i["PUP_W"], i["OPS_W"], i["NGO_W"]],
            version=2,
            when="2025-03-10",
        )
        expected = 5  # R1, R2, R4, R5, R11
    await ingest(sessionmaker, data.feeds, settings)
    body = await _measures(client, pid, staff(i["PUP_W"]))
    assert body["indicators"]["referrals"]["value"] == expected
    ngo_flows = {k for k in _flows(body) if "NGO" in k[0]}
    if events:
        assert ngo_flows == {("PUP->NGO", "debt_counselling")}
    else:
        assert ngo_flows == {("OPS->NGO", "addiction_therapy")}


async def test_referrals_before_the_partnership_do_not_count(client, sessionmaker, settings, staff, analyst):
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    data.feeds.partnership(
        "partnership.created", pid, [i["PUP_W"], i["OPS_W"], i["NGO_W"]], version=1, when="2025-03-07"
    )
    await ingest(sessionmaker, data.feeds, settings)
    # R4 (10 March), R5 (12 March), R11 (28 March): 3 for a party, suppressed for an analyst
    member = await _measures(client, pid, staff(i["OPS_W"]))
    assert member["indicators"]["referrals"] == {"value": 3, "suppressed": False}
    protected = await _measures(client, pid, analyst("1219"))
    assert protected["indicators"]["referrals"] == {"value": None, "suppressed": True}
    # the cooperation components follow the suppressed count
    assert protected["indicators"]["cooperation_index"] == {"value": None, "suppressed": True}


async def test_a_period_of_several_months_and_a_period_without_joint_work(client, wieliczka, staff):
    data, pid = wieliczka
    h = staff(data.inst["OPS_W"])
    # April: R15 OPS_W->PUP_W (R12 is PUP_W->OPS_N, not a party)
    assert (await _measures(client, pid, h, **{"from": "2025-04", "to": "2025-04"}))["indicators"][
        "referrals"
    ]["value"] == 1
    spring = await _measures(client, pid, h, **{"from": "2025-01", "to": "2025-06"})
    assert spring["indicators"]["referrals"]["value"] == 8
    assert spring["indicators"]["employment_outcome"]["value"] == 2  # R4 and R15
    empty = await _measures(client, pid, h, **{"from": "2024-01", "to": "2024-12"})
    assert empty["flows"] == []
    v = empty["indicators"]
    assert v["referrals"] == {"value": 0, "suppressed": False}
    assert v["sla_compliance"] == v["median_response_days"] == {"value": None, "suppressed": False}
    assert v["cooperation_index"] == {"value": None, "suppressed": False}
