"""Who may do what with surveys, case by case (issue #16): role × own/other institution ×
territory (owner, a covering scope, a scope within, outside). Analysts design and read within
their scope; the round's owner alone closes, reminds, marks texts and sees texts and identities;
a coordinator or administrator of an invited institution answers, others 403/404; institution
systems and Splot services 403 everywhere."""

import pytest
from survey_sample import answer, document, new_questionnaire, open_round, seed

MINISTRY = "00000000-0000-4000-8000-000000000001"


@pytest.fixture
async def world(client, analyst, staff, tokens, sessionmaker):
    inst = await seed(sessionmaker)
    owner = analyst("12")
    q = await new_questionnaire(client, owner)
    r = await open_round(client, owner, q["id"], territory="1219")
    for name in ("PUP_W", "OPS_W"):
        await answer(
            client, staff(inst[name], "coordinator"), r["id"], {"kontakty": "c", "ocena": 3, "uwagi": "t"}
        )
    system = tokens.headers(
        ptype="client",
        roles=(),
        scope="reporting:read",
        institution_id=inst["OPS_W"].id,
        institution_type="OPS",
        teryt="1219011",
    )
    ministry_system = tokens.headers(
        ptype="client",
        roles=(),
        scope="reporting:read",
        institution_id=MINISTRY,
        institution_type="MINISTRY",
        teryt="1465011",
    )
    callers = {
        "owner": owner,
        "same_scope_colleague": analyst("12"),
        "covering_national": analyst(""),
        "within_powiat": analyst("1219"),
        "outside_voivodeship": analyst("14"),
        "outside_powiat": analyst("1261"),
        "analyst_without_scope": tokens.headers(
            roles=["analyst"], institution_id=MINISTRY, institution_type="MINISTRY"
        ),
        "invited_coordinator": staff(inst["OPS_W"], "coordinator"),
        "invited_admin": staff(inst["OPS_B"], "institution_admin"),
        "invited_caseworker": staff(inst["OPS_W"], "caseworker"),
        "not_invited_coordinator": staff(inst["OPS_K"], "coordinator"),
        "ngo_coordinator_same_powiat": staff(inst["NGO_W"], "coordinator"),
        "auditor": staff(inst["OPS_W"], "auditor"),
        "institution_system": system,
        "ministry_system": ministry_system,
        "splot_service": tokens.service_headers("referrals", "reporting:read"),
    }
    return inst, q, r, callers


ANALYST_READ = {"owner", "same_scope_colleague", "covering_national", "within_powiat"}
ANALYSTS = ANALYST_READ | {"outside_voivodeship", "outside_powiat"}
FILLERS = {"invited_coordinator", "invited_admin"}


def _expected_round_read(caller):
    if caller in ANALYST_READ:
        return 200
    if caller in ANALYSTS:
        return 404
    return 403


@pytest.mark.parametrize(
    "caller",
    [
        "owner",
        "same_scope_colleague",
        "covering_national",
        "within_powiat",
        "outside_voivodeship",
        "outside_powiat",
        "analyst_without_scope",
        "invited_coordinator",
        "invited_admin",
        "invited_caseworker",
        "not_invited_coordinator",
        "ngo_coordinator_same_powiat",
        "auditor",
        "institution_system",
        "ministry_system",
        "splot_service",
    ],
)
async def test_access_matrix(client, world, caller):
    inst, q, r, callers = world
    h = callers[caller]
    rid = r["id"]
    base = f"/v1/survey-rounds/{rid}"

    # Analyst reads of a round and its results, cross-tab, response rate, export.
    for path, params in (
        (base, {}),
        (f"{base}/results", {}),
        (f"{base}/response-rate", {}),
        (f"{base}/crosstab", {"question": "kontakty"}),
        (f"{base}/export", {}),
    ):
        got = await client.get(path, params=params, headers=h)
        assert got.status_code == _expected_round_read(caller), (caller, path, got.text)

    # Free texts: the owner only.
    results = await client.get(f"{base}/results", headers=h)
    if results.status_code == 200:
        texts = next(x for x in results.json()["questions"] if x["key"] == "uwagi")["texts"]
        assert (texts is not None) == (caller == "owner")

    # Owner-only actions.
    owner_only = (
        200 if caller == "owner" else (403 if caller in ANALYST_READ else _expected_round_read(caller))
    )
    assert (await client.post(f"{base}/reminders", headers=h)).status_code == owner_only, caller

    # Questionnaire: read by its own and covering scopes, edited by its own scope only.
    qurl = f"/v1/questionnaires/{q['id']}"
    got = await client.get(qurl, headers=h)
    readers = {"owner", "same_scope_colleague", "covering_national"}
    assert got.status_code == (200 if caller in readers else 404 if caller in ANALYSTS else 403), caller
    created = await client.post("/v1/questionnaires", json=document(), headers=h)
    assert created.status_code == (201 if caller in ANALYSTS else 403), caller
    templates = await client.get("/v1/survey-templates", headers=h)
    assert templates.status_code == (200 if caller in ANALYSTS else 403), caller
    listed = await client.get("/v1/survey-rounds", headers=h)
    if caller in ANALYSTS:
        assert (rid in [i["id"] for i in listed.json()["items"]]) == (caller in ANALYST_READ), caller
    else:
        assert listed.status_code == 403

    # Opening a round: within the caller's scope only.
    opened = await client.post(
        "/v1/survey-rounds",
        json={
            "questionnaire_id": q["id"],
            "title": "T",
            "territory": "1219",
            "institution_types": ["OPS"],
            "period_from": "2025-01",
            "period_to": "2025-01",
            "deadline": "2099-01-01",
        },
        headers=h,
    )
    expected_open = {
        "owner": 201,
        "same_scope_colleague": 201,
        "covering_national": 201,
        "within_powiat": 404,  # the questionnaire (scope 12) is not visible to a powiat analyst
        "outside_voivodeship": 403,
        "outside_powiat": 403,
    }.get(caller, 403)
    assert opened.status_code == expected_open, (caller, opened.text)

    # The institution's side.
    resp = await client.get(f"{base}/response", headers=h)
    tasks = await client.get("/v1/survey-tasks", headers=h)
    if caller in FILLERS:
        assert resp.status_code == 200 and tasks.status_code == 200
        assert [t["round_id"] for t in tasks.json()["items"]] == [rid]
    elif caller in ("not_invited_coordinator", "ngo_coordinator_same_powiat"):
        assert resp.status_code == 404 and tasks.json()["items"] == []
    else:
        assert resp.status_code == 403 and tasks.status_code == 403, caller
