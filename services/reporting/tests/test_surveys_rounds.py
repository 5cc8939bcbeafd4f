"""Rounds: recipients frozen from the institution dimension, scope of the territory, response
rate, closing, reminders (by the owner and by the periodic job), the institution's task list."""

import uuid
from datetime import UTC, date, datetime, timedelta

from survey_sample import answer, new_questionnaire, open_round, seed, tomorrow_plus

from splot.reporting.surveys.models import SurveyRound
from splot.reporting.surveys.reminders import run_once

ANSWERS = {"kontakty": "c", "ocena": 4}


async def test_a_round_invites_the_active_pup_and_ops_of_the_powiat(client, analyst, staff, sessionmaker):
    inst = await seed(sessionmaker)
    h = analyst("12")
    q = await new_questionnaire(client, h)
    r = await open_round(client, h, q["id"], territory="1219")
    assert r["invited"] == 3 and r["submitted"] == 0 and r["drafts"] == 0 and r["response_rate"] == 0
    assert r["is_owner"] is True and r["owner_scope"] == "12" and r["status"] == "open"
    assert r["questionnaire_title"] == "Ankieta testowa" and r["institution_types"] == ["OPS", "PUP"]
    tasks = await client.get("/v1/survey-tasks", headers=staff(inst["OPS_W"], "coordinator"))
    assert [t["round_id"] for t in tasks.json()["items"]] == [r["id"]]
    ngo = await client.get("/v1/survey-tasks", headers=staff(inst["NGO_W"], "coordinator"))
    assert ngo.json()["items"] == []
    kr = await client.get("/v1/survey-tasks", headers=staff(inst["OPS_K"], "coordinator"))
    assert kr.json()["items"] == []


async def test_opening_checks_scope_recipients_and_dates(client, analyst, staff, sessionmaker):
    await seed(sessionmaker)
    h = analyst("1219")
    q = await new_questionnaire(client, h)
    out = await open_round(client, h, q["id"], territory="1261", expect=403)
    assert out["code"] == "territory_out_of_scope"
    out = await open_round(client, h, q["id"], territory="12", expect=403)
    assert out["code"] == "territory_out_of_scope"
    out = await open_round(client, h, q["id"], types=("CIS",), expect=422)
    assert out["code"] == "no_recipients"
    out = await open_round(client, h, q["id"], deadline=date.today().isoformat(), expect=422)
    assert out["code"] == "invalid_deadline"
    out = await open_round(client, h, q["id"], period_from="2025-05", expect=422)
    assert out["code"] == "invalid_period"
    out = await open_round(client, h, q["id"], types=("XYZ",), expect=422)
    assert out["code"] == "invalid_institution_type"
    out = await open_round(client, h, q["id"], reminder_days=31, expect=422)
    # A questionnaire of another scope is not visible to a narrower analyst
    other = await new_questionnaire(client, analyst("14"))
    out = await open_round(client, h, other["id"], expect=404)
    national = await open_round(client, analyst(""), q["id"], territory="", types=("OPS",))
    assert national["invited"] == 4


async def test_response_rate_by_powiat_and_voivodeship(client, analyst, staff, sessionmaker):
    inst = await seed(sessionmaker)
    h = analyst("")
    q = await new_questionnaire(client, h)
    r = await open_round(client, h, q["id"], territory="", types=("PUP", "OPS"))
    await answer(client, staff(inst["PUP_W"], "coordinator"), r["id"], ANSWERS)
    await answer(client, staff(inst["OPS_K"], "coordinator"), r["id"], ANSWERS, submit=False)
    by_powiat = await client.get(
        f"/v1/survey-rounds/{r['id']}/response-rate", params={"level": "powiat"}, headers=h
    )
    rows = {row["territory"]: row for row in by_powiat.json()["rows"]}
    assert rows["1219"] == {
        "territory": "1219",
        "name": rows["1219"]["name"],
        "invited": 3,
        "submitted": 1,
        "drafts": 0,
        "response_rate": 0.3333,
    }
    assert rows["1261"]["drafts"] == 1 and rows["1465"]["invited"] == 1
    assert "wielicki" in rows["1219"]["name"].lower()
    by_voiv = await client.get(
        f"/v1/survey-rounds/{r['id']}/response-rate", params={"level": "voivodeship"}, headers=h
    )
    vrows = {row["territory"]: row for row in by_voiv.json()["rows"]}
    assert vrows["12"]["invited"] == 5 and vrows["12"]["submitted"] == 1 and vrows["14"]["invited"] == 1
    got = (await client.get(f"/v1/survey-rounds/{r['id']}", headers=h)).json()
    assert (got["invited"], got["drafts"], got["submitted"]) == (6, 1, 1)


async def test_owner_closes_and_reminds_others_may_only_read(client, analyst, staff, sessionmaker):
    inst = await seed(sessionmaker)
    owner = analyst("12")
    q = await new_questionnaire(client, owner)
    r = await open_round(client, owner, q["id"])
    url = f"/v1/survey-rounds/{r['id']}"
    await answer(client, staff(inst["PUP_W"], "coordinator"), r["id"], ANSWERS)
    national = analyst("")
    colleague = analyst("12")  # same scope, another user
    for other in (national, colleague, analyst("1219")):
        read = await client.get(url, headers=other)
        assert read.status_code == 200 and read.json()["is_owner"] is False
        assert (await client.post(f"{url}/close", headers=other)).status_code == 403
        assert (await client.post(f"{url}/reminders", headers=other)).status_code == 403
    assert (await client.get(url, headers=analyst("14"))).status_code == 404
    assert (await client.get(url, headers=analyst("1261"))).status_code == 404
    reminded = await client.post(f"{url}/reminders", headers=owner)
    assert reminded.status_code == 200 and reminded.json() == {"reminded": 2}
    tasks = (await client.get("/v1/survey-tasks", headers=staff(inst["OPS_W"], "coordinator"))).json()[
        "items"
    ]
    assert tasks[0]["reminded_at"] is not None and tasks[0]["status"] == "not_started"
    done = (await client.get("/v1/survey-tasks", headers=staff(inst["PUP_W"], "coordinator"))).json()["items"]
    assert done[0]["reminded_at"] is None and done[0]["status"] == "submitted"
    closed = await client.post(f"{url}/close", headers=owner)
    assert closed.status_code == 200 and closed.json()["status"] == "closed" and closed.json()["closed_at"]
    assert (await client.post(f"{url}/reminders", headers=owner)).json()["code"] == "round_closed"
    assert (await client.get("/v1/survey-tasks", headers=staff(inst["OPS_W"], "coordinator"))).json()[
        "items"
    ] == []
    all_tasks = await client.get(
        "/v1/survey-tasks", params={"status": "all"}, headers=staff(inst["OPS_W"], "coordinator")
    )
    assert all_tasks.json()["items"][0]["round_status"] == "closed"
    listed = await client.get("/v1/survey-rounds", params={"status": "closed"}, headers=analyst("1219"))
    assert [i["id"] for i in listed.json()["items"]] == [r["id"]]
    assert (await client.get("/v1/survey-rounds", headers=analyst("14"))).json()["items"] == []


async def test_the_job_reminds_once_within_reminder_days_and_closes_after_the_deadline(
    client, analyst, staff, sessionmaker
):
    inst = await seed(sessionmaker)
    owner = analyst("12")
    q = await new_questionnaire(client, owner)
    # Deadline Friday 2026-12-18; 3 working days before: from Tuesday 15 December.
    r = await open_round(client, owner, q["id"], deadline=tomorrow_plus(30), reminder_days=3)
    await answer(client, staff(inst["PUP_W"], "coordinator"), r["id"], ANSWERS)
    async with sessionmaker() as session:
        row = await session.get(SurveyRound, uuid.UUID(r["id"]))
        row.deadline = date(2026, 12, 18)
        await session.commit()
    now = datetime(2026, 12, 10, 9, tzinfo=UTC)
    async with sessionmaker() as session:
        assert await run_once(session, today=date(2026, 12, 11), now=now) == {"closed": 0, "reminded": 0}
        assert await run_once(session, today=date(2026, 12, 15), now=now) == {"closed": 0, "reminded": 1}
        assert await run_once(session, today=date(2026, 12, 16), now=now) == {"closed": 0, "reminded": 0}
        assert await run_once(session, today=date(2026, 12, 18), now=now) == {"closed": 0, "reminded": 0}
        await session.commit()
    tasks = (await client.get("/v1/survey-tasks", headers=staff(inst["OPS_B"], "coordinator"))).json()[
        "items"
    ]
    assert tasks[0]["reminded_at"].startswith("2026-12-10")
    got = (await client.get(f"/v1/survey-rounds/{r['id']}", headers=owner)).json()
    assert got["reminders_sent_at"].startswith("2026-12-10") and got["status"] == "open"
    async with sessionmaker() as session:
        assert await run_once(session, today=date(2026, 12, 19), now=now + timedelta(days=9)) == {
            "closed": 1,
            "reminded": 0,
        }
        await session.commit()
    assert (await client.get(f"/v1/survey-rounds/{r['id']}", headers=owner)).json()["status"] == "closed"
