"""Analysts see their territory, staff their institution and its partners, services nothing."""

import pytest

pytestmark = pytest.mark.usefixtures("exact")


async def _total(client, headers, **params) -> int | None:
    response = await client.get(
        "/v1/aggregate", params={"measures": "referrals", "granularity": "year", **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    return sum(r["values"]["referrals"]["value"] for r in rows)


async def test_analysts_see_their_territory(client, dataset, analyst):
    assert await _total(client, analyst("")) == 22
    assert await _total(client, analyst("12")) == 22
    assert await _total(client, analyst("14")) == 0
    assert await _total(client, analyst("1261")) == 11  # R8 and the ten May referrals
    assert await _total(client, analyst("1219")) == 11
    body = (
        await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=analyst("1261"))
    ).json()
    assert body["scope"] == {"kind": "powiat", "territory": "1261", "institution_id": None}


async def test_a_filter_cannot_leave_the_scope(client, dataset, analyst):
    assert await _total(client, analyst("1261"), sender_powiat="1219") == 0


async def test_staff_see_their_institution(client, dataset, staff):
    assert await _total(client, staff(dataset.inst["PUP_K"])) == 11
    assert await _total(client, staff(dataset.inst["NGO_W"], "coordinator")) == 3  # R3, R5, R10
    body = (
        await client.get(
            "/v1/aggregate", params={"measures": "referrals"}, headers=staff(dataset.inst["NGO_W"])
        )
    ).json()
    assert body["scope"]["kind"] == "institution"


async def test_staff_get_partner_flows_only_for_their_institution(client, dataset, staff, analyst):
    other = dataset.inst["OPS_W"].id
    response = await client.get(
        "/v1/indicators/partners",
        params={"period": "2025-03", "institution_id": str(other)},
        headers=staff(dataset.inst["PUP_W"]),
    )
    assert response.status_code == 404
    ok = await client.get(
        "/v1/indicators/partners",
        params={"period": "2025-03", "institution_id": str(other)},
        headers=analyst("12"),
    )
    assert ok.status_code == 200
    outside = await client.get(
        "/v1/indicators/partners",
        params={"period": "2025-03", "institution_id": str(other)},
        headers=analyst("1261"),
    )
    assert outside.status_code == 404


async def test_network_and_index_follow_the_scope(client, dataset, analyst, staff):
    body = (
        await client.get("/v1/indicators/network", params={"period": "2025-03"}, headers=analyst("1261"))
    ).json()
    assert len(body["edges"]) == 1 and {n["name"] for n in body["nodes"]} == {"PUP Kraków", "CIS Kraków"}
    body = (
        await client.get(
            "/v1/indicators/network", params={"period": "2025-03"}, headers=staff(dataset.inst["NGO_W"])
        )
    ).json()
    assert len(body["edges"]) == 2  # PUP_W->NGO_W, OPS_W->NGO_W
    body = (
        await client.get(
            "/v1/indicators/cooperation-index",
            params={"period": "2025-03"},
            headers=staff(dataset.inst["CIS_K"]),
        )
    ).json()
    assert [r["powiat"] for r in body["rows"]] == ["1261"]
    body = (
        await client.get(
            "/v1/indicators/shared-clients", params={"period": "2025-Q1"}, headers=analyst("1261")
        )
    ).json()
    assert [r["territory"] for r in body["rows"]] == ["1261"]


async def test_who_may_not_read(client, dataset, tokens, analyst):
    service = tokens.service_headers("referrals", "events:read")
    assert (
        await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=service)
    ).status_code == 403
    no_scope = tokens.headers(roles=["analyst"], institution_id=None, institution_type=None, teryt=None)
    response = await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=no_scope)
    assert response.status_code == 403 and response.json()["code"] == "analyst_scope_missing"
    assert (await client.get("/v1/aggregate", params={"measures": "referrals"})).status_code == 401


async def test_institution_systems_need_the_reports_scope(client, dataset, tokens):
    ministry = dict(
        institution_id="00000000-0000-4000-8000-000000000001",
        institution_type="MINISTRY",
        teryt="1465011",
        roles=(),
        ptype="client",
    )
    denied = tokens.headers(scope="referrals:read", **ministry)
    assert (
        await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=denied)
    ).status_code == 403
    national = tokens.headers(scope="reports:read", **ministry)
    assert await _total(client, national) == 22
    pup = dataset.inst["PUP_K"]
    own = tokens.headers(
        scope="reports:read",
        institution_id=pup.id,
        institution_type="PUP",
        teryt=pup.teryt,
        roles=(),
        ptype="client",
    )
    assert await _total(client, own) == 11
    wup = tokens.headers(
        scope="reports:read",
        institution_id="00000000-0000-4000-8000-000000000002",
        institution_type="WUP",
        teryt="1261011",
        roles=(),
        ptype="client",
    )
    body = (await client.get("/v1/aggregate", params={"measures": "referrals"}, headers=wup)).json()
    assert body["scope"]["kind"] == "voivodeship" and body["scope"]["territory"] == "12"


async def test_query_validation(client, dataset, analyst):
    h = analyst("")
    cases = [
        ({"measures": "nope"}, "validation_error"),
        ({"measures": "referrals", "dimensions": ["age_band", "priority"]}, "unpublished_combination"),
        ({"measures": "median_response_days", "dimensions": "status"}, "unpublished_combination"),
        (
            {"measures": "referrals", "granularity": "quarter", "period_from": "2025-03"},
            "period_granularity_mismatch",
        ),
        ({"measures": "referrals", "period_from": "2025-05", "period_to": "2025-03"}, "invalid_period"),
        ({"measures": "referrals", "dimensions": "route", "route": "PUP->OPS"}, "dimension_also_filtered"),
        ({"measures": "referrals", "gmina": "1219053"}, "unknown_query_parameter"),
        ({"measures": "referrals", "status": "draft"}, "validation_error"),
    ]
    for params, code in cases:
        response = await client.get("/v1/aggregate", params=params, headers=h)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["code"] == code, params


async def test_institution_systems_use_the_scope_the_directory_grants(client, dataset, tokens):
    # The directory lets an institution give its systems "reporting:read" (INSTITUTION_CLIENT_SCOPES);
    # this service asked for "reports:read", which nobody could grant: every system got 403.
    pup = dataset.inst["PUP_K"]

    def system(scope: str) -> dict[str, str]:
        return tokens.headers(
            scope=scope,
            institution_id=pup.id,
            institution_type="PUP",
            teryt=pup.teryt,
            roles=(),
            ptype="client",
        )

    assert await _total(client, system("reporting:read")) == 11
    assert await _total(client, system("referrals:read reporting:read")) == 11
    denied = await client.get(
        "/v1/aggregate", params={"measures": "referrals"}, headers=system("referrals:read")
    )
    assert denied.status_code == 403
    assert denied.json()["code"] == "insufficient_scope"
    assert denied.json()["required_scopes"] == ["reporting:read"]
