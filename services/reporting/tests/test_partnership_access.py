"""Who sees a partnership's measures (issue #15), written out case by case: a current party
(any role, or its system with ``reporting:read``) exactly; a territorial scope covering the
partnership's area (analysts, regional and national systems) protected; an invited institution,
a party that left, other institutions and territories outside the area get the same 404 as for a
partnership that does not exist; service tokens and analysts without a scope 403."""

import uuid

import pytest

from sample import fixed_dataset, ingest

MARCH = {"from": "2025-03", "to": "2025-03"}
MINISTRY = "00000000-0000-4000-8000-000000000001"


@pytest.fixture
async def setup(sessionmaker, settings):
    """PUP_W and OPS_W parties since January; NGO_W a party that left on 6 March 2025; OPS_N
    invited and not (yet) answering; area: powiat Wieliczka (1219)."""
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    f = data.feeds
    f.partnership(
        "partnership.created",
        pid,
        [i["PUP_W"], i["OPS_W"], i["NGO_W"]],
        version=1,
        when="2025-01-15",
        invited=(i["OPS_N"],),
    )
    f.partnership(
        "partnership.party_left",
        pid,
        [i["PUP_W"], i["OPS_W"]],
        version=2,
        when="2025-03-06",
        invited=(i["OPS_N"],),
    )
    await ingest(sessionmaker, f, settings)
    return data, pid


def _system(tokens, inst_id, inst_type: str, teryt: str, scope: str = "reporting:read") -> dict:
    return tokens.headers(
        scope=scope, institution_id=inst_id, institution_type=inst_type, teryt=teryt, roles=(), ptype="client"
    )


async def _get(client, pid, headers, params=MARCH):
    return await client.get(f"/v1/partnerships/{pid}/measures", params=params, headers=headers)


@pytest.mark.parametrize("party", ["PUP_W", "OPS_W"])
@pytest.mark.parametrize("roles", [("caseworker",), ("coordinator",), ("institution_admin",), ("auditor",)])
async def test_staff_of_a_current_party_see_exact_numbers(client, setup, staff, party, roles):
    data, pid = setup
    response = await _get(client, pid, staff(data.inst[party], *roles))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["exact"] is True
    # R1, R2, R3 (sent 5 March, the NGO still a party), R4, R11
    assert body["indicators"]["referrals"] == {"value": 5, "suppressed": False}


async def test_a_partys_system_with_the_reports_scope_sees_exact_numbers(client, setup, tokens):
    data, pid = setup
    pup = data.inst["PUP_W"]
    response = await _get(client, pid, _system(tokens, pup.id, "PUP", pup.teryt))
    assert response.status_code == 200 and response.json()["exact"] is True
    denied = await _get(client, pid, _system(tokens, pup.id, "PUP", pup.teryt, scope="referrals:read"))
    assert denied.status_code == 403 and denied.json()["code"] == "insufficient_scope"


@pytest.mark.parametrize(
    "who",
    [
        "NGO_W",  # a party that left
        "OPS_N",  # invited, not a party
        "PUP_K",  # another powiat
        "CIS_K",
    ],
)
@pytest.mark.parametrize("roles", [("caseworker",), ("coordinator",), ("institution_admin",)])
async def test_other_institutions_get_the_404_of_a_partnership_that_does_not_exist(
    client, setup, staff, who, roles
):
    data, pid = setup
    headers = staff(data.inst[who], *roles)
    response = await _get(client, pid, headers)
    absent = await _get(client, uuid.uuid4(), headers)
    assert response.status_code == absent.status_code == 404
    assert response.json()["code"] == absent.json()["code"] == "not_found"
    assert response.json()["detail"] == absent.json()["detail"]


@pytest.mark.parametrize(
    ("territory", "status"), [("", 200), ("12", 200), ("1219", 200), ("1261", 404), ("14", 404)]
)
async def test_analysts_see_protected_numbers_when_their_territory_covers_the_area(
    client, setup, analyst, territory, status
):
    _, pid = setup
    response = await _get(client, pid, analyst(territory))
    assert response.status_code == status, response.text
    if status == 200:
        body = response.json()
        assert body["exact"] is False
        assert body["indicators"]["referrals"] == {"value": 5, "suppressed": False}
        assert body["indicators"]["completed"] == {"value": None, "suppressed": True}  # R1, R4: 2
    else:
        assert response.json()["code"] == "not_found"


@pytest.mark.parametrize(("teryt", "status"), [("1261011", 200), ("1465011", 404)])
async def test_regional_systems_are_territorial_scopes(client, setup, tokens, teryt, status):
    _, pid = setup
    wup = _system(tokens, "00000000-0000-4000-8000-000000000002", "WUP", teryt)
    response = await _get(client, pid, wup)
    assert response.status_code == status
    if status == 200:
        assert response.json()["exact"] is False
    ministry = await _get(client, pid, _system(tokens, MINISTRY, "MINISTRY", "1465011"))
    assert ministry.status_code == 200 and ministry.json()["exact"] is False


async def test_service_tokens_anonymous_callers_and_analysts_without_a_scope(client, setup, tokens, analyst):
    _, pid = setup
    service = await _get(client, pid, tokens.service_headers("referrals", "events:read"))
    assert service.status_code == 403
    assert (await _get(client, pid, {})).status_code == 401
    no_scope = await _get(client, pid, analyst(None))
    assert no_scope.status_code == 403 and no_scope.json()["code"] == "analyst_scope_missing"


@pytest.mark.parametrize(
    ("area", "territory", "status"),
    [
        (("1219", "1261"), "1219", 404),  # the area reaches beyond the analyst's powiat
        (("1219", "1261"), "12", 200),
        (("1219053", "1219043"), "1219", 200),  # gminas of the analyst's powiat
        ((), "1219", 200),  # no area: the leader's seat (OPS Wieliczka)
        ((), "1261", 404),
    ],
)
async def test_the_whole_area_must_lie_in_the_analysts_territory(
    client, sessionmaker, settings, analyst, area, territory, status
):
    data = fixed_dataset()
    i = data.inst
    pid = uuid.uuid4()
    data.feeds.partnership(
        "partnership.created",
        pid,
        [i["OPS_W"], i["PUP_W"]],
        version=1,
        when="2025-01-15",
        area=area,
    )
    await ingest(sessionmaker, data.feeds, settings)
    assert (await _get(client, pid, analyst(territory))).status_code == status


@pytest.mark.parametrize(
    ("params", "code"),
    [
        ({"from": "2025-13", "to": "2025-03"}, "validation_error"),
        ({"from": "2025-Q1", "to": "2025-03"}, "validation_error"),
        ({"from": "2025-03"}, "validation_error"),
        ({"from": "2025-04", "to": "2025-03"}, "invalid_period"),
        ({**MARCH, "period": "2025-03"}, None),  # an unknown parameter
    ],
)
async def test_malformed_periods_are_422(client, setup, analyst, params, code):
    _, pid = setup
    response = await _get(client, pid, analyst(""), params=params)
    assert response.status_code == 422, response.text
    if code:
        assert response.json()["code"] == code


async def test_a_malformed_partnership_id_is_422(client, setup, analyst):
    response = await client.get("/v1/partnerships/not-a-uuid/measures", params=MARCH, headers=analyst(""))
    assert response.status_code == 422
