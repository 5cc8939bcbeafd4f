"""An institution's response: validation by type and by show_if, draft, submit, correction
until the deadline, ETags, and who may fill it in."""

import uuid

import pytest
from survey_sample import answer, new_questionnaire, open_round, seed

from splot.reporting.surveys.models import SurveyRound


@pytest.fixture
async def setup(client, analyst, sessionmaker):
    inst = await seed(sessionmaker)
    owner = analyst("12")
    q = await new_questionnaire(client, owner)
    r = await open_round(client, owner, q["id"])
    return inst, r["id"]


async def test_draft_submit_and_correct(client, staff, setup):
    inst, rid = setup
    h = staff(inst["OPS_W"], "institution_admin")
    url = f"/v1/survey-rounds/{rid}/response"
    empty = await client.get(url, headers=h)
    assert empty.status_code == 200
    assert empty.json()["status"] == "not_started" and empty.json()["answers"] == {}
    assert empty.json()["editable"] is True and empty.json()["questionnaire"]["title"] == "Ankieta testowa"
    assert empty.headers["ETag"] == f'"{rid}.0"'
    # A first save needs no If-Match; a draft may be incomplete.
    saved = await client.put(url, json={"answers": {"kontakty": "a"}}, headers=h)
    assert saved.status_code == 200, saved.text
    assert saved.json()["status"] == "draft" and saved.headers["ETag"] == f'"{rid}.1"'
    assert (await client.put(url, json={"answers": {"kontakty": "b"}}, headers=h)).status_code == 428
    stale = await client.put(
        url, json={"answers": {"kontakty": "b"}}, headers={**h, "If-Match": f'"{rid}.0"'}
    )
    assert stale.status_code == 412
    missing = await client.post(f"{url}/submit", headers={**h, "If-Match": saved.headers["ETag"]})
    assert missing.status_code == 422 and missing.json()["code"] == "answer_required"
    assert {e["question"] for e in missing.json()["errors"]} == {"ocena", "powody"}
    full = {
        "kontakty": "a",
        "ocena": 5,
        "powody": ["x", "z"],
        "liczba": 12,
        "od_kiedy": "2024-05-01",
        "uwagi": "ok",
    }
    put = await client.put(url, json={"answers": full}, headers={**h, "If-Match": saved.headers["ETag"]})
    done = await client.post(f"{url}/submit", headers={**h, "If-Match": put.headers["ETag"]})
    assert done.status_code == 200 and done.json()["status"] == "submitted"
    submitted_at = done.json()["submitted_at"]
    # Correction: re-validated, stays submitted, submitted_at kept.
    incomplete = await client.put(
        url, json={"answers": {"kontakty": "c"}}, headers={**h, "If-Match": done.headers["ETag"]}
    )
    assert incomplete.status_code == 422 and incomplete.json()["code"] == "answer_required"
    fixed = await client.put(
        url, json={"answers": {"kontakty": "c", "ocena": 2}}, headers={**h, "If-Match": done.headers["ETag"]}
    )
    assert fixed.status_code == 200 and fixed.json()["status"] == "submitted"
    assert fixed.json()["submitted_at"] == submitted_at and fixed.json()["answers"] == {
        "kontakty": "c",
        "ocena": 2,
    }
    tasks = (await client.get("/v1/survey-tasks", headers=h)).json()["items"]
    assert tasks[0]["status"] == "submitted" and tasks[0]["days_left"] >= 13


@pytest.mark.parametrize(
    ("answers", "code", "question"),
    [
        ({"nope": 1}, "unknown_question", "nope"),
        ({"kontakty": "zz"}, "invalid_answer", "kontakty"),
        ({"kontakty": ["a"]}, "invalid_answer", "kontakty"),
        ({"ocena": 6}, "invalid_answer", "ocena"),
        ({"ocena": 2.5}, "invalid_answer", "ocena"),
        ({"ocena": True}, "invalid_answer", "ocena"),
        ({"kontakty": "a", "powody": ["x", "x"]}, "invalid_answer", "powody"),
        ({"kontakty": "a", "powody": "x"}, "invalid_answer", "powody"),
        ({"liczba": 3.5}, "invalid_answer", "liczba"),
        ({"liczba": 101}, "invalid_answer", "liczba"),
        ({"liczba": "7"}, "invalid_answer", "liczba"),
        ({"liczba": 10**400}, "invalid_answer", "liczba"),
        ({"liczba": 1e300}, "invalid_answer", "liczba"),
        ({"od_kiedy": "2024-02-30"}, "invalid_answer", "od_kiedy"),
        ({"od_kiedy": "1.05.2024"}, "invalid_answer", "od_kiedy"),
        ({"uwagi": "x" * 4001}, "invalid_answer", "uwagi"),
        # powody is shown only when kontakty is a or b
        ({"kontakty": "c", "powody": ["x"]}, "answer_not_expected", "powody"),
        ({"powody": ["x"]}, "answer_not_expected", "powody"),
    ],
)
async def test_answers_are_validated(client, staff, setup, answers, code, question):
    inst, rid = setup
    r = await client.put(
        f"/v1/survey-rounds/{rid}/response",
        json={"answers": answers},
        headers=staff(inst["PUP_W"], "coordinator"),
    )
    assert r.status_code == 422, r.text
    assert r.json()["code"] == code and r.json()["errors"][0]["question"] == question


async def test_no_changes_after_closure(client, staff, analyst, setup, sessionmaker):
    inst, rid = setup
    h = staff(inst["PUP_W"], "coordinator")
    await answer(client, h, rid, {"kontakty": "c", "ocena": 3})
    async with sessionmaker() as session:
        row = await session.get(SurveyRound, uuid.UUID(rid))
        row.status = "closed"
        await session.commit()
    current = await client.get(f"/v1/survey-rounds/{rid}/response", headers=h)
    assert current.json()["editable"] is False
    put = await client.put(
        f"/v1/survey-rounds/{rid}/response",
        json={"answers": {"kontakty": "b", "ocena": 3, "powody": ["y"]}},
        headers={**h, "If-Match": current.headers["ETag"]},
    )
    assert put.status_code == 409 and put.json()["code"] == "round_closed"


async def test_who_fills_in(client, staff, tokens, analyst, setup):
    inst, rid = setup
    url = f"/v1/survey-rounds/{rid}/response"
    assert (await client.get(url, headers=staff(inst["OPS_W"], "caseworker"))).status_code == 403
    assert (await client.get(url, headers=staff(inst["OPS_W"], "auditor"))).status_code == 403
    assert (
        await client.get("/v1/survey-tasks", headers=staff(inst["OPS_W"], "caseworker"))
    ).status_code == 403
    # Not invited (Kraków, and an NGO of the same powiat): 404, as for a round that does not exist.
    assert (await client.get(url, headers=staff(inst["OPS_K"], "coordinator"))).status_code == 404
    assert (
        await client.put(url, json={"answers": {}}, headers=staff(inst["NGO_W"], "coordinator"))
    ).status_code == 404
    assert (
        await client.get(
            f"/v1/survey-rounds/{uuid.uuid4()}/response", headers=staff(inst["OPS_W"], "coordinator")
        )
    ).status_code == 404
    assert (await client.get(url, headers=analyst("12"))).status_code == 403
    system = tokens.headers(
        ptype="client",
        roles=(),
        scope="reporting:read",
        institution_id=inst["OPS_W"].id,
        institution_type="OPS",
        teryt="1219011",
    )
    assert (await client.get(url, headers=system)).status_code == 403
    assert (await client.get("/v1/survey-tasks", headers=system)).status_code == 403
    service = tokens.service_headers("referrals", "reporting:read")
    assert (await client.get("/v1/survey-tasks", headers=service)).status_code == 403
