"""Every filter dimension × every kind of caller on the indicator endpoints.

The lattice of published combinations is the same for every caller (docs/indicators.md,
Privacy 1): an institution's staff, whose answers are computed from their own facts rather than
from the cubes, get exactly the cells an analyst gets, and the same 422
``unpublished_combination`` for a combination no cube publishes (reasons by sex, durations by
age band, …). Before, such a filter reached a raw row source without that column: a 500.
"""

import csv
import io

import pytest

from conftest import MINISTRY

FILTERS = {
    "sender_voivodeship": "12",
    "sender_powiat": "1219",
    "target_voivodeship": "12",
    "target_powiat": "1261",
    "sender_type": "PUP",
    "target_type": "OPS",
    "route": "PUP->OPS",
    "service_type": "social_work",
    "priority": "urgent",
    "status": "accepted",
    "age_band": "35-44",
    "sex": "F",
    "programme": "PAI",
}

ENDPOINTS = {
    "/v1/aggregate": {"measures": ["referrals", "acceptance_rate"]},
    "/v1/series": {"measures": ["referrals"]},
    "/v1/indicators/flows": {},
    "/v1/indicators/timeliness": {},
    "/v1/indicators/closed-loop": {},
    "/v1/indicators/responses": {},
    "/v1/indicators/outcomes": {},
    "/v1/exports/aggregate": {"measures": ["referrals"], "format": "csv"},
}

#: Filters no cube of the endpoint's lists publishes (written out, not derived from the code):
#: durations are not split by status, age band, sex or programme; reasons by priority, age band,
#: sex or programme; outcome codes by priority, status, age band, sex or programme.
UNPUBLISHED = {
    "/v1/indicators/timeliness": {"status", "age_band", "sex", "programme"},
    "/v1/indicators/responses": {"priority", "age_band", "sex", "programme"},
    "/v1/indicators/outcomes": {"priority", "status", "age_band", "sex", "programme"},
}

CALLERS = {
    "analyst_national": "national",
    "analyst_voivodeship": "voivodeship",
    "analyst_powiat": "powiat",
    "coordinator": "institution",
    "caseworker": "institution",
    "institution_system": "institution",
}


@pytest.fixture
def caller_headers(dataset, analyst, staff, tokens):
    pup_k = dataset.inst["PUP_K"]
    return {
        "analyst_national": analyst(""),
        "analyst_voivodeship": analyst("12"),
        "analyst_powiat": analyst("1219"),
        "coordinator": staff(dataset.inst["NGO_W"], "coordinator"),
        "caseworker": staff(dataset.inst["PUP_W"], "caseworker"),
        "institution_system": tokens.headers(
            ptype="client",
            roles=(),
            scope="reporting:read",
            institution_id=pup_k.id,
            institution_type=pup_k.type,
            teryt=pup_k.teryt,
        ),
    }


def _assert_protected(values: dict) -> None:
    """Published cells only: suppressed means no value; counts rounded to 5 and never 1-4."""
    for name, cell in values.items():
        assert set(cell) == {"value", "suppressed"}, name
        if cell["suppressed"]:
            assert cell["value"] is None, name
        elif name in ("referrals", "open", "completed", "failed", "cancelled", "rejected", "responded"):
            assert cell["value"] % 5 == 0, (name, cell)


def _assert_exact(values: dict) -> None:
    """An institution's own referrals: the exact numbers, nothing suppressed (its outbox's count)."""
    for name, cell in values.items():
        assert set(cell) == {"value", "suppressed"} and cell["suppressed"] is False, (name, cell)


@pytest.mark.parametrize("caller", CALLERS)
async def test_every_filter_for_every_caller(client, caller_headers, caller):
    headers = caller_headers[caller]
    for path, base in ENDPOINTS.items():
        for name, value in FILTERS.items():
            params = {**base, "granularity": "year", name: value}
            response = await client.get(path, params=params, headers=headers)
            where = (caller, path, name)
            if name in UNPUBLISHED.get(path, ()):
                assert response.status_code == 422, (*where, response.text)
                assert response.headers["content-type"].startswith("application/problem+json")
                problem = response.json()
                assert problem["code"] == "unpublished_combination", where
                assert problem["status"] == 422 and name in problem["detail"], where
                continue
            assert response.status_code == 200, (*where, response.text)
            if path == "/v1/exports/aggregate":
                rows = list(csv.DictReader(io.StringIO(response.text)))
                assert rows and set(rows[0]) == {"table", "period", "measure", "value", "suppressed"}
                meta = {r["measure"]: r["value"] for r in rows if r["table"] == "metadata"}
                assert meta["filters"] == f"{name}={value}", where
                continue
            body = response.json()
            assert body["filters"] == {name: value}, where
            assert body["scope"]["kind"] == CALLERS[caller], where
            check = _assert_exact if CALLERS[caller] == "institution" else _assert_protected
            for row in body["rows"] if "rows" in body else body["points"]:
                check(row["values"])
            for row in body.get("reasons", []) + body.get("outcome_codes", []):
                check({"referrals": row["count"]})


@pytest.mark.parametrize("caller", CALLERS)
async def test_the_lattice_is_the_same_for_every_caller(client, caller_headers, caller):
    # age_band and sex are not crossed with priority, for analysts and staff alike.
    for params in (
        {"measures": "referrals", "dimensions": ["age_band", "priority"]},
        {"measures": "referrals", "dimensions": ["sex"], "priority": "urgent"},
        {"measures": "median_response_days", "dimensions": ["sex"]},
    ):
        response = await client.get("/v1/aggregate", params=params, headers=caller_headers[caller])
        assert response.status_code == 422, (caller, params, response.text)
        assert response.json()["code"] == "unpublished_combination"


async def _referrals(client, headers, **params) -> dict | None:
    response = await client.get(
        "/v1/aggregate", params={"measures": "referrals", "granularity": "year", **params}, headers=headers
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert len(rows) <= 1
    return rows[0]["values"]["referrals"] if rows else None


@pytest.mark.usefixtures("exact")
async def test_staff_filters_by_sex_and_age_band_count_their_own_referrals(client, dataset, staff):
    # PUP Wieliczka sent or received R1, R3 and R15 (P1, and P5 merged into P1: born 1990, F) and
    # R2, R6 (P2: 1960, M), R4, R7, R11, R12 (P4: 1985, M); R13 was entered in error.
    h = staff(dataset.inst["PUP_W"], "caseworker")
    assert await _referrals(client, h, sex="F") == {"value": 3, "suppressed": False}
    assert await _referrals(client, h, sex="M") == {"value": 6, "suppressed": False}
    assert await _referrals(client, h, age_band="35-44") == {"value": 7, "suppressed": False}
    assert await _referrals(client, h, age_band="65+") == {"value": 2, "suppressed": False}
    assert await _referrals(client, h, age_band="18-24") is None
    response = await client.get(
        "/v1/indicators/flows", params={"granularity": "year", "dimensions": "sex"}, headers=h
    )
    by_sex = {r["dimensions"]["sex"]: r["values"]["referrals"]["value"] for r in response.json()["rows"]}
    assert by_sex == {"F": 3, "M": 6}


async def test_staff_see_their_own_referrals_exactly_analysts_protected(
    client, dataset, staff, tokens, analyst
):
    """Issue #15: a coordinator's count of its own referrals equals its outbox (operational data
    of its own work); the same cells for an analyst go through suppression and rounding."""
    h = staff(dataset.inst["PUP_W"], "coordinator")
    assert await _referrals(client, h, sex="F") == {"value": 3, "suppressed": False}
    assert await _referrals(client, h, sex="M") == {"value": 6, "suppressed": False}
    assert await _referrals(client, h, age_band="35-44") == {"value": 7, "suppressed": False}
    assert await _referrals(client, h, age_band="65+") == {"value": 2, "suppressed": False}
    powiat = analyst("1219")
    for params in ({"sex": "F"}, {"sex": "M"}, {"age_band": "65+"}):
        cell = await _referrals(client, powiat, **params)
        assert cell["suppressed"] or cell["value"] % 5 == 0, (params, cell)
    # the ministry's own staff see the ministry's referrals: none
    ministry = tokens.headers(
        roles=["caseworker"], institution_id=MINISTRY, institution_type="MINISTRY", teryt="1465011"
    )
    assert await _referrals(client, ministry, sex="F") is None
