"""Every indicator against values computed by hand on the fixed dataset (sample.fixed_dataset),
fed through the real ingestion code. Suppression and rounding are off here (``exact``); they are
tested in test_privacy.py.

The March 2025 cohort holds ten counted referrals:

    R1  PUP_W->OPS_W social_work    sent 03-03 due 03-10 accepted 03-05 (2 wd) started 03-07 (4) completed 03-14 (9) [social_contract_signed] acknowledged
    R2  PUP_W->OPS_W social_work    sent 03-04 due 03-11 rejected 03-12 (6 wd, late) no_capacity / provider
    R3  PUP_W->NGO_W debt_counsel.  sent 03-05 due 03-12 rejected 03-06 (1) client_declined / client
    R4  OPS_W->PUP_W job_placement  urgent; sent 03-10 due 03-12 accepted 03-11 (1) started 03-12 (2) completed 04-16 (27) [employed] ack.; follow-up +3 employed, +6 dropped_out
    R5  OPS_W->NGO_W addiction_th.  sent 03-12 due 03-19 accepted 03-13 (1) started 03-17 (3) failed 03-28 client_unreachable
    R6  OPS_N->PUP_W training       sent 03-17 due 03-24 overdue, expired 04-04 (cancelled, no_response)
    R7  PUP_W->OPS_N social_work    sent 03-20 withdrawn 03-21 (cancelled, duplicate)
    R8  PUP_K->CIS_K cis_programme  sent 03-24 due 03-31 accepted 03-26 (2) started 03-31 (5), in progress
    R10 OPS_W->NGO_W psych. couns.  forward of R1 (depth 1); sent 03-06 accepted 03-07 (1) started 03-07 (1) completed 03-21 (11), no outcome code
    R11 PUP_W->OPS_W family_assist. sent 03-28 due 04-04, overdue, still requested
    (R13 entered in error: never counted.)

April: R12 (sent 31 March 22:30 UTC = 1 April local time; answered after 1 wd) and R15 (person P5,
merged into P1 later; accepted after 5 wd across Easter Monday, completed [employed_subsidised],
follow-up +3 employed). May: ten PUP_K->CIS_K referrals answered after 1..10 working days.
"""

import pytest

pytestmark = pytest.mark.usefixtures("exact")


async def _aggregate(client, headers, measures, dimensions=(), **params):
    response = await client.get(
        "/v1/aggregate",
        params={"measures": list(measures), "dimensions": list(dimensions), **params},
        headers=headers,
    )
    assert response.status_code == 200, response.text
    return response.json()


def _values(body):
    return {
        (row["period"], tuple(row["dimensions"].values())): {k: v["value"] for k, v in row["values"].items()}
        for row in body["rows"]
    }


async def test_counts_of_the_march_cohort(client, dataset, analyst):
    measures = [
        "referrals", "responded", "accepted", "rejected", "rejected_by_client", "rejected_by_provider",
        "started", "completed", "failed", "cancelled", "open", "ended", "closed_loop", "acknowledged",
        "sla_met", "sla_missed", "overdue", "forwarded", "employment_outcome",
        "followup_3m_answered", "followup_3m_employed", "followup_6m_answered", "followup_6m_employed",
    ]  # fmt: skip
    body = await _aggregate(client, analyst(""), measures, period_from="2025-03", period_to="2025-03")
    assert _values(body) == {
        ("2025-03", ()): {
            "referrals": 10, "responded": 7, "accepted": 5, "rejected": 2, "rejected_by_client": 1,
            "rejected_by_provider": 1, "started": 5, "completed": 3, "failed": 1, "cancelled": 2, "open": 2,
            "ended": 4, "closed_loop": 3, "acknowledged": 2, "sla_met": 6, "sla_missed": 3, "overdue": 1,
            "forwarded": 1, "employment_outcome": 1, "followup_3m_answered": 1, "followup_3m_employed": 1,
            "followup_6m_answered": 1, "followup_6m_employed": 0,
        }
    }  # fmt: skip


async def test_rates_of_the_march_cohort(client, dataset, analyst):
    measures = [
        "acceptance_rate", "rejection_rate", "client_declined_share", "sla_compliance", "closed_loop_rate",
        "acknowledgement_rate", "completion_rate", "employment_rate", "followup_3m_response_rate",
        "followup_3m_employment_rate", "followup_6m_response_rate", "followup_6m_employment_rate", "forwarded_share",
    ]  # fmt: skip
    body = await _aggregate(client, analyst(""), measures, period_from="2025-03", period_to="2025-03")
    assert _values(body)[("2025-03", ())] == {
        "acceptance_rate": 0.7143,  # 5 / 7
        "rejection_rate": 0.2857,  # 2 / 7
        "client_declined_share": 0.5,  # 1 / 2
        "sla_compliance": 0.6667,  # 6 / (6 + 3)
        "closed_loop_rate": 0.75,  # 3 / 4 (R10 ended without an outcome)
        "acknowledgement_rate": 0.5,  # 2 / (3 completed + 1 failed)
        "completion_rate": 0.75,  # 3 / 4
        "employment_rate": 0.3333,  # 1 / 3
        "followup_3m_response_rate": 1.0,
        "followup_3m_employment_rate": 1.0,
        "followup_6m_response_rate": 1.0,
        "followup_6m_employment_rate": 0.0,
        "forwarded_share": 0.1,
    }


async def test_durations_in_working_days(client, dataset, analyst):
    measures = [
        "median_response_days",
        "p90_response_days",
        "median_start_days",
        "median_completion_days",
        "p90_start_days",
    ]
    body = await _aggregate(client, analyst(""), measures, period_from="2025-03", period_to="2025-05")
    values = _values(body)
    # March responses: 1,1,1,1,2,2,6 -> median (4th) 1; p90 would be the largest: suppressed.
    assert values[("2025-03", ())]["median_response_days"] == 1
    assert values[("2025-03", ())]["p90_response_days"] is None
    # Starts 1,2,3,4,5 -> 3; completions 9, 11, 27 -> 11.
    assert values[("2025-03", ())]["median_start_days"] == 3
    assert values[("2025-03", ())]["median_completion_days"] == 11
    # May: answered after 1..10 working days -> median 5, p90 (9th of 10) 9.
    assert values[("2025-05", ())]["median_response_days"] == 5
    assert values[("2025-05", ())]["p90_response_days"] == 9
    # April: R12 after 1 wd (cohort by local date), R15 after 5 wd (Easter Monday is a holiday).
    april = await _aggregate(
        client,
        analyst(""),
        ["referrals", "median_response_days"],
        ["route"],
        period_from="2025-04",
        period_to="2025-04",
    )
    assert _values(april) == {
        ("2025-04", ("OPS->PUP",)): {"referrals": 1, "median_response_days": None},
        ("2025-04", ("PUP->OPS",)): {"referrals": 1, "median_response_days": None},
    }
    ten = await _aggregate(
        client,
        analyst(""),
        ["sla_met", "sla_missed", "sla_compliance"],
        period_from="2025-05",
        period_to="2025-05",
    )
    assert _values(ten)[("2025-05", ())] == {"sla_met": 5, "sla_missed": 5, "sla_compliance": 0.5}


async def test_referrals_by_route_status_and_service_type(client, dataset, analyst):
    body = await _aggregate(
        client,
        analyst(""),
        ["referrals"],
        ["route"],
        granularity="quarter",
        period_from="2025-Q1",
        period_to="2025-Q1",
    )
    assert {k[1][0]: v["referrals"] for k, v in _values(body).items()} == {
        "PUP->OPS": 4, "PUP->NGO": 1, "OPS->PUP": 2, "OPS->NGO": 2, "PUP->CIS": 1,
    }  # fmt: skip
    body = await _aggregate(
        client, analyst(""), ["referrals"], ["status"], period_from="2025-03", period_to="2025-03"
    )
    assert {k[1][0]: v["referrals"] for k, v in _values(body).items()} == {
        "completed": 3, "rejected": 2, "failed": 1, "cancelled": 2, "in_progress": 1, "requested": 1,
    }  # fmt: skip
    body = await _aggregate(
        client,
        analyst(""),
        ["referrals"],
        ["service_type", "priority"],
        period_from="2025-03",
        period_to="2025-03",
    )
    assert {k[1]: v["referrals"] for k, v in _values(body).items()} == {
        ("social_work", "routine"): 3, ("debt_counselling", "routine"): 1, ("job_placement", "urgent"): 1,
        ("addiction_therapy", "routine"): 1, ("training", "routine"): 1, ("cis_programme", "routine"): 1,
        ("psychological_counselling", "routine"): 1, ("family_assistant", "routine"): 1,
    }  # fmt: skip


async def test_territory_dimensions(client, dataset, analyst):
    body = await _aggregate(
        client,
        analyst(""),
        ["referrals"],
        ["sender_powiat", "target_powiat"],
        period_from="2025-03",
        period_to="2025-03",
    )
    assert {k[1]: v["referrals"] for k, v in _values(body).items()} == {
        ("1219", "1219"): 9,
        ("1261", "1261"): 1,
    }
    body = await _aggregate(client, analyst(""), ["referrals"], ["target_voivodeship"], granularity="year")
    assert _values(body) == {("2025", ("12",)): {"referrals": 22}}


async def test_person_dimensions_and_merge(client, dataset, analyst):
    body = await _aggregate(
        client, analyst(""), ["referrals"], ["age_band", "sex"], period_from="2025-03", period_to="2025-03"
    )
    assert {k[1]: v["referrals"] for k, v in _values(body).items()} == {
        ("35-44", "F"): 3, ("35-44", "M"): 3, ("65+", "M"): 3, ("25-34", "F"): 1,
    }  # fmt: skip
    # R15 was about P5 (born 1975, M); P5 was merged into P1 (born 1990, F): its fact moved.
    body = await _aggregate(
        client,
        analyst(""),
        ["referrals"],
        ["age_band", "sex", "route"],
        period_from="2025-04",
        period_to="2025-04",
    )
    assert ("2025-04", ("35-44", "F", "OPS->PUP")) in _values(body)


async def test_time_series_at_every_granularity(client, dataset, analyst):
    expected = {
        "month": {"2025-03": 10, "2025-04": 2, "2025-05": 10},
        "quarter": {"2025-Q1": 10, "2025-Q2": 12},
        "year": {"2025": 22},
    }
    for granularity, points in expected.items():
        response = await client.get(
            "/v1/series", params={"measures": ["referrals"], "granularity": granularity}, headers=analyst("")
        )
        assert response.status_code == 200, response.text
        assert {p["period"]: p["values"]["referrals"]["value"] for p in response.json()["points"]} == points


async def test_named_indicator_endpoints(client, dataset, analyst):
    params = {"period_from": "2025-03", "period_to": "2025-03", "dimensions": ["route"]}
    flows = (await client.get("/v1/indicators/flows", params=params, headers=analyst(""))).json()
    pup_ops = next(r for r in flows["rows"] if r["dimensions"]["route"] == "PUP->OPS")
    assert pup_ops["values"]["referrals"]["value"] == 4 and pup_ops["values"]["open"]["value"] == 1

    responses = (await client.get("/v1/indicators/responses", params=params, headers=analyst(""))).json()
    pup_ops = next(r for r in responses["rows"] if r["dimensions"]["route"] == "PUP->OPS")
    assert pup_ops["values"]["acceptance_rate"]["value"] == 0.5
    reasons = {
        (
            r["dimensions"]["route"],
            r["codes"]["status"],
            r["codes"]["reason_code"],
            r["codes"]["declined_by"],
        ): r["count"]["value"]
        for r in responses["reasons"]
    }
    assert reasons == {
        ("PUP->OPS", "rejected", "no_capacity", "provider"): 1,
        ("PUP->NGO", "rejected", "client_declined", "client"): 1,
        ("OPS->NGO", "failed", "client_unreachable", "none"): 1,
        ("OPS->PUP", "cancelled", "no_response", "none"): 1,
        ("PUP->OPS", "cancelled", "duplicate", "none"): 1,
    }

    timeliness = (
        await client.get(
            "/v1/indicators/timeliness", params={**params, "dimensions": []}, headers=analyst("")
        )
    ).json()
    assert timeliness["rows"][0]["values"]["sla_compliance"]["value"] == 0.6667
    assert timeliness["rows"][0]["values"]["overdue"]["value"] == 1

    loop = (
        await client.get(
            "/v1/indicators/closed-loop",
            params={**params, "dimensions": ["target_type"]},
            headers=analyst(""),
        )
    ).json()
    ngo = next(r for r in loop["rows"] if r["dimensions"]["target_type"] == "NGO")
    assert (
        ngo["values"]["ended"]["value"] == 2 and ngo["values"]["closed_loop_rate"]["value"] == 0.5
    )  # R5 yes, R10 no

    outcomes = (
        await client.get(
            "/v1/indicators/outcomes",
            params={"granularity": "quarter", "dimensions": []},
            headers=analyst(""),
        )
    ).json()
    by_period = {r["period"]: r["values"] for r in outcomes["rows"]}
    assert by_period["2025-Q1"]["employment_rate"]["value"] == 0.3333
    assert by_period["2025-Q2"]["employment_outcome"]["value"] == 1  # R15, employed_subsidised
    assert by_period["2025-Q2"]["followup_3m_employment_rate"]["value"] == 1.0
    codes = {
        (r["period"], r["codes"]["outcome_code"]): r["count"]["value"] for r in outcomes["outcome_codes"]
    }
    assert codes == {
        ("2025-Q1", "social_contract_signed"): 1, ("2025-Q1", "employed"): 1, ("2025-Q2", "employed_subsidised"): 1,
    }  # fmt: skip


async def test_shared_clients(client, dataset, analyst):
    response = await client.get(
        "/v1/indicators/shared-clients",
        params={"period": "2025-Q1", "level": "national"},
        headers=analyst(""),
    )
    assert response.status_code == 200, response.text
    (row,) = response.json()["rows"]
    assert {k: v["value"] for k, v in row["values"].items()} == {
        "persons_served": 4, "persons_pup_ops": 3, "persons_pup_ngo": 3, "persons_ops_ngo": 2,
        "persons_pup_ops_ngo": 2, "pup_ops_share": 0.75, "pup_ops_ngo_share": 0.5,
    }  # fmt: skip
    response = await client.get(
        "/v1/indicators/shared-clients", params={"period": "2025-Q1"}, headers=analyst("")
    )
    by_powiat = {
        r["territory"]: {k: v["value"] for k, v in r["values"].items()} for r in response.json()["rows"]
    }
    assert by_powiat["1219"]["persons_served"] == 3 and by_powiat["1219"]["persons_pup_ngo"] == 2
    assert by_powiat["1261"] == {
        "persons_served": 1, "persons_pup_ops": 0, "persons_pup_ngo": 1, "persons_ops_ngo": 0,
        "persons_pup_ops_ngo": 0, "pup_ops_share": 0.0, "pup_ops_ngo_share": 0.0,
    }  # fmt: skip
    # Q2: P4 (R12 + access granted to the NGO), P1 (R15, via the merge of P5), P3 (May).
    response = await client.get(
        "/v1/indicators/shared-clients",
        params={"period": "2025-Q2", "level": "national"},
        headers=analyst(""),
    )
    (row,) = response.json()["rows"]
    assert {k: row["values"][k]["value"] for k in ("persons_served", "persons_pup_ops", "persons_pup_ngo", "persons_ops_ngo", "persons_pup_ops_ngo")} == {
        "persons_served": 3, "persons_pup_ops": 2, "persons_pup_ngo": 2, "persons_ops_ngo": 1, "persons_pup_ops_ngo": 1,
    }  # fmt: skip


async def test_cooperation_index(client, dataset, analyst):
    response = await client.get(
        "/v1/indicators/cooperation-index", params={"period": "2025-03"}, headers=analyst("12")
    )
    assert response.status_code == 200, response.text
    rows = {r["powiat"]: r for r in response.json()["rows"]}
    wieliczka = rows["1219"]
    assert wieliczka["referrals"]["value"] == 9
    assert wieliczka["active_pairs"]["value"] == 4
    assert wieliczka["reciprocity"]["value"] == 0.5  # PUP_W<->OPS_W, PUP_W<->OPS_N
    assert wieliczka["sector_coverage"]["value"] == 1.0
    assert wieliczka["ngo_involvement"]["value"] == 0.5
    assert wieliczka["agreement_coverage"]["value"] == 0.75
    assert wieliczka["agreements_in_force"] == 1
    assert wieliczka["cooperation_index"]["value"] == 68.8  # 100 * (1 + .5 + .5 + .75) / 4
    krakow = rows["1261"]
    assert krakow["agreements_in_force"] == 0  # expired in February
    assert krakow["sector_coverage"]["value"] == 0.3333 and krakow["ngo_involvement"]["value"] == 1.0
    assert krakow["cooperation_index"]["value"] == 33.3


async def test_cooperation_network(client, dataset, analyst):
    response = await client.get("/v1/indicators/network", params={"period": "2025-03"}, headers=analyst(""))
    assert response.status_code == 200, response.text
    body = response.json()
    names = {n["id"]: n["name"] for n in body["nodes"]}
    edges = {(names[e["source"]], names[e["target"]]): e["referrals"]["value"] for e in body["edges"]}
    assert edges == {
        ("PUP Wieliczka", "OPS Wieliczka"): 3, ("PUP Wieliczka", "Fundacja Wspólny Krok"): 1,
        ("OPS Wieliczka", "PUP Wieliczka"): 1, ("OPS Wieliczka", "Fundacja Wspólny Krok"): 2,
        ("OPS Niepołomice", "PUP Wieliczka"): 1, ("PUP Wieliczka", "OPS Niepołomice"): 1,
        ("PUP Kraków", "CIS Kraków"): 1,
    }  # fmt: skip
    assert len(body["nodes"]) == 6 and body["truncated"] is False
    limited = (
        await client.get(
            "/v1/indicators/network", params={"period": "2025-03", "limit": 1}, headers=analyst("")
        )
    ).json()
    assert limited["truncated"] is True and limited["edges"][0]["referrals"]["value"] == 3


async def test_partner_flows_of_an_institution(client, dataset, staff):
    pup = dataset.inst["PUP_W"]
    response = await client.get("/v1/indicators/partners", params={"period": "2025-03"}, headers=staff(pup))
    assert response.status_code == 200, response.text
    rows = {r["partner"]["name"]: r for r in response.json()["partners"]}
    assert set(rows) == {"OPS Wieliczka", "Fundacja Wspólny Krok", "OPS Niepołomice"}
    ops = rows["OPS Wieliczka"]
    assert ops["agreement_in_force"] is True
    assert {k: v["value"] for k, v in ops["values"].items()} == {
        "referrals_to_partner": 3, "referrals_from_partner": 1, "partner_acceptance_rate": 0.5,
        "own_acceptance_rate": 1.0, "partner_referrals_sent": 3, "partner_referrals_received": 3,
    }  # fmt: skip
    ngo = rows["Fundacja Wspólny Krok"]["values"]
    assert ngo["partner_acceptance_rate"]["value"] == 0.0
    assert ngo["own_acceptance_rate"] == {"value": None, "suppressed": False}  # nothing to rate
    assert rows["OPS Niepołomice"]["agreement_in_force"] is False
    assert rows["OPS Niepołomice"]["values"]["partner_referrals_sent"]["value"] == 1
