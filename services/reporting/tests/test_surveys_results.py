"""Survey results: small-cell protection (with the differencing attacks of issue #16), free
texts for the owner only and publishable ones in published outputs, the export."""

import csv
import io
import uuid

import pytest
from survey_sample import answer, new_questionnaire, open_round, seed

from splot.reporting.surveys.results import SurveyPolicy, round_results
from splot.reporting.surveys.rounds import rounds_for

SUPPRESSED = {"value": None, "suppressed": True}


def _all_values(body):
    """Every published number of a results body (to check that a value never appears)."""
    out = [body["respondents"]]
    for q in body["questions"]:
        out.append(q["answered"])
        for o in q.get("options") or []:
            out += [o["count"], o["share"]]
        for d in q.get("distribution") or []:
            out.append(d["count"])
        for m in q.get("months") or []:
            out.append(m["count"])
        out += [q[k] for k in ("mean", "median") if q.get(k)]
    return out


def _q(body, key):
    return next(q for q in body["questions"] if q["key"] == key)


@pytest.fixture
async def voivodeship_round(client, analyst, sessionmaker):
    inst = await seed(sessionmaker)
    owner = analyst("12")
    q = await new_questionnaire(client, owner)
    r = await open_round(client, owner, q["id"], territory="12")
    assert r["invited"] == 5
    return inst, owner, r["id"]


async def _results(client, headers, rid, **params):
    r = await client.get(f"/v1/survey-rounds/{rid}/results", params=params, headers=headers)
    assert r.status_code == 200, r.text
    return r.json()


async def test_a_powiat_filter_cannot_be_subtracted_from_the_round_total(client, staff, voivodeship_round):
    """(a) Three answers in powiat 1219, one in the rest of the voivodeship (Kraków): the powiat
    view minus the round total would isolate the Kraków institution's answers."""
    inst, owner, rid = voivodeship_round
    for name in ("PUP_W", "OPS_W", "OPS_B"):
        await answer(
            client, staff(inst[name], "coordinator"), rid, {"kontakty": "c", "ocena": 5, "liczba": 10}
        )
    # The lone Kraków answer: ocena 1, liczba 99.
    await answer(
        client, staff(inst["OPS_K"], "coordinator"), rid, {"kontakty": "c", "ocena": 1, "liczba": 99}
    )

    total = await _results(client, owner, rid)
    assert total["respondents"] == {"value": 4, "suppressed": False}
    ocena = _q(total, "ocena")
    assert {d["value"]: d["count"] for d in ocena["distribution"]}[1] == SUPPRESSED
    assert {d["value"]: d["count"] for d in ocena["distribution"]}[5] == {"value": 3, "suppressed": False}
    assert ocena["mean"] == {"value": 4.0, "suppressed": False}

    powiat = await _results(client, owner, rid, territory="1219")
    assert powiat["respondents"] == SUPPRESSED
    assert all(cell == SUPPRESSED for cell in _all_values(powiat))
    # Kraków alone: one institution.
    krakow = await _results(client, owner, rid, territory="1261")
    assert all(cell == SUPPRESSED for cell in _all_values(krakow))
    # The isolating values never appear: not as a count, not through a mean or median.
    for body in (powiat, krakow):
        assert _q(body, "liczba")["mean"] == SUPPRESSED and _q(body, "liczba")["median"] == SUPPRESSED

    # With a second Kraków answer the split is safe: both views are shown.
    await answer(
        client, staff(inst["PUP_K"], "coordinator"), rid, {"kontakty": "c", "ocena": 1, "liczba": 99}
    )
    powiat = await _results(client, owner, rid, territory="1219")
    assert powiat["respondents"] == {"value": 3, "suppressed": False}
    assert _q(powiat, "ocena")["mean"] == {"value": 5.0, "suppressed": False}


async def test_two_answer_filters_cannot_isolate_one_institution(client, staff, voivodeship_round):
    """(b) kontakty: a by two, b by two, c by one (its ocena 1, everyone else 5). The round total
    minus the views of a and b would be the c institution's answers: both views are refused."""
    inst, owner, rid = voivodeship_round
    plan = {
        "PUP_W": {"kontakty": "a", "ocena": 5, "powody": ["x"]},
        "OPS_W": {"kontakty": "a", "ocena": 5, "powody": ["x"]},
        "OPS_B": {"kontakty": "b", "ocena": 5, "powody": ["y"]},
        "PUP_K": {"kontakty": "b", "ocena": 5, "powody": ["y"]},
        "OPS_K": {"kontakty": "c", "ocena": 1},
    }
    for name, answers in plan.items():
        await answer(client, staff(inst[name], "coordinator"), rid, answers)
    total = await _results(client, owner, rid)
    assert total["respondents"] == {"value": 5, "suppressed": False}
    kontakty = {o["value"]: o["count"] for o in _q(total, "kontakty")["options"]}
    assert kontakty == {
        "a": {"value": 2, "suppressed": False},
        "b": {"value": 2, "suppressed": False},
        "c": SUPPRESSED,
    }
    for value in ("a", "b", "c"):
        view = await _results(client, owner, rid, question="kontakty", answer=value)
        assert all(cell == SUPPRESSED for cell in _all_values(view)), value
    # Filtering by ocena: 4 gave 5, 1 gave 1 -> the "5" view is the total minus one institution.
    view = await _results(client, owner, rid, question="ocena", answer="5")
    assert all(cell == SUPPRESSED for cell in _all_values(view))
    # The isolating value (ocena 1) is never published.
    assert {d["value"]: d["count"] for d in _q(total, "ocena")["distribution"]}[1] == SUPPRESSED


async def test_a_safe_answer_filter_shows_cells_but_not_their_small_differences(
    client, staff, voivodeship_round
):
    inst, owner, rid = voivodeship_round
    plan = {
        "PUP_W": {"kontakty": "a", "ocena": 4, "powody": ["x"]},
        "OPS_W": {"kontakty": "a", "ocena": 4, "powody": ["x"]},
        "OPS_B": {"kontakty": "a", "ocena": 3, "powody": ["y"]},
        "PUP_K": {"kontakty": "c", "ocena": 3},
        "OPS_K": {"kontakty": "c", "ocena": 2},
    }
    for name, answers in plan.items():
        await answer(client, staff(inst[name], "coordinator"), rid, answers)
    view = await _results(client, owner, rid, question="kontakty", answer="a")
    assert view["respondents"] == {"value": 3, "suppressed": False}
    dist = {d["value"]: d["count"] for d in _q(view, "ocena")["distribution"]}
    assert dist[4] == {"value": 2, "suppressed": False}  # the total's 4s are the same 2
    assert dist[3] == SUPPRESSED  # 1 here, and 2 - 1 = 1 outside
    assert dist[1] == {"value": 0, "suppressed": False}
    share = {o["value"]: o["share"] for o in _q(view, "kontakty")["options"]}
    assert share["a"] == {"value": 1.0, "suppressed": False}


async def test_filters_are_checked(client, voivodeship_round):
    _, owner, rid = voivodeship_round
    url = f"/v1/survey-rounds/{rid}/results"
    cases = [
        ({"territory": "14"}, "invalid_filter"),
        ({"territory": "1465"}, "invalid_filter"),
        ({"question": "kontakty"}, "invalid_filter"),
        ({"question": "powody", "answer": "x"}, "invalid_filter"),
        ({"question": "nope", "answer": "a"}, "unknown_question"),
        ({"question": "kontakty", "answer": "zz"}, "invalid_answer"),
    ]
    for params, code in cases:
        r = await client.get(url, params=params, headers=owner)
        assert r.status_code == 422 and r.json()["code"] == code, (params, r.text)


async def test_free_texts_for_the_owner_publishable_ones_in_published_outputs(
    client, staff, analyst, voivodeship_round, sessionmaker
):
    inst, owner, rid = voivodeship_round
    texts = {"PUP_W": "Brak czasu", "OPS_W": "Dobra współpraca", "OPS_B": '=HYPERLINK("http://x")'}
    for name, text in texts.items():
        await answer(
            client, staff(inst[name], "coordinator"), rid, {"kontakty": "c", "ocena": 3, "uwagi": text}
        )
    mine = _q(await _results(client, owner, rid), "uwagi")["texts"]
    assert sorted(t["text"] for t in mine) == sorted(texts.values())
    assert all(t["publishable"] is False for t in mine)
    for other in (analyst(""), analyst("12")):
        assert (
            await client.get(f"/v1/survey-rounds/{rid}/results", headers=analyst("1219"))
        ).status_code == 404
        assert _q(await _results(client, other, rid), "uwagi")["texts"] is None
    target = next(t for t in mine if t["text"] == "Dobra współpraca")
    url = f"/v1/survey-rounds/{rid}/texts/{target['answer_id']}"
    assert (await client.patch(url, json={"publishable": True}, headers=analyst("12"))).status_code == 403
    marked = await client.patch(url, json={"publishable": True}, headers=owner)
    assert marked.status_code == 200 and marked.json() == {
        "answer_id": target["answer_id"],
        "publishable": True,
    }
    missing = await client.patch(
        f"/v1/survey-rounds/{rid}/texts/{uuid.uuid4()}", json={"publishable": True}, headers=owner
    )
    assert missing.status_code == 404

    async with sessionmaker() as session:
        published = await round_results(
            session, uuid.UUID(rid), scope="12", policy=SurveyPolicy(2), for_publication=True
        )
        assert [t["text"] for t in _q(published, "uwagi")["texts"]] == ["Dobra współpraca"]
        assert published["respondents"] == {"value": 3, "suppressed": False}
        with pytest.raises(Exception) as outside:
            await round_results(session, uuid.UUID(rid), scope="14", policy=SurveyPolicy(2))
        assert getattr(outside.value, "status", None) == 404
        found = await rounds_for(session, territory="12", month_from="2025-03", month_to="2025-06")
        assert [str(r.id) for r in found] == [rid]
        assert await rounds_for(session, territory="12", month_from="2025-04", month_to="2025-06") == []
        assert await rounds_for(session, territory="14", month_from="2025-01", month_to="2025-06") == []

    # A changed text loses its mark.
    h = staff(inst["OPS_W"], "coordinator")
    cur = await client.get(f"/v1/survey-rounds/{rid}/response", headers=h)
    await client.put(
        f"/v1/survey-rounds/{rid}/response",
        json={"answers": {"kontakty": "c", "ocena": 3, "uwagi": "Zmieniony tekst"}},
        headers={**h, "If-Match": cur.headers["ETag"]},
    )
    mine = _q(await _results(client, owner, rid), "uwagi")["texts"]
    assert all(t["publishable"] is False for t in mine)


async def test_export_identities_and_texts_only_for_the_owner(client, staff, analyst, voivodeship_round):
    inst, owner, rid = voivodeship_round
    url = f"/v1/survey-rounds/{rid}/export"
    await answer(
        client,
        staff(inst["OPS_W"], "coordinator"),
        rid,
        {"kontakty": "a", "ocena": 3, "powody": ["x", "z"], "uwagi": "=1+1"},
    )
    other = analyst("")
    too_small = await client.get(url, headers=other)
    assert too_small.status_code == 422 and too_small.json()["code"] == "group_too_small"
    await answer(
        client, staff(inst["PUP_K"], "coordinator"), rid, {"kontakty": "c", "ocena": 4, "uwagi": "tajne"}
    )

    mine = await client.get(url, params={"format": "csv"}, headers=owner)
    assert mine.status_code == 200 and mine.headers["content-type"].startswith("text/csv")
    assert f'filename="splot-survey-{rid}.csv"' in mine.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(mine.text)))
    by_name = {r["institution_name"]: r for r in rows}
    assert by_name["MGOPS Wieliczka"]["powody"] == "x;z" and by_name["MGOPS Wieliczka"]["uwagi"] == "'=1+1"
    assert by_name["PUP Kraków"]["teryt"] == "1261011" and by_name["PUP Kraków"]["uwagi"] == "tajne"

    theirs = await client.get(url, params={"format": "csv"}, headers=other)
    rows = list(csv.DictReader(io.StringIO(theirs.text)))
    assert len(rows) == 2 and "institution_name" not in rows[0] and "institution_id" not in rows[0]
    assert {r["uwagi"] for r in rows} == {""}
    assert "MGOPS" not in theirs.text and str(inst["OPS_W"].id) not in theirs.text

    xlsx = await client.get(url, params={"format": "xlsx"}, headers=owner)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"


async def test_crosstab_with_the_referrals_received_in_the_period(
    client, staff, analyst, voivodeship_round, sessionmaker, exact
):
    from referral_rows import referral

    inst, owner, rid = voivodeship_round
    plan = {"PUP_W": "a", "OPS_W": "a", "OPS_B": "a", "PUP_K": "b", "OPS_K": "b"}
    for name, value in plan.items():
        await answer(
            client,
            staff(inst[name], "coordinator"),
            rid,
            {"kontakty": value, "ocena": 3, **({"powody": ["x"]} if value != "c" else {})},
        )
    async with sessionmaker() as session:
        for _ in range(4):
            session.add(referral(target=inst["OPS_W"].id, month=(2025, 2), sla_met=1))
        session.add(referral(target=inst["OPS_W"].id, month=(2025, 3), sla_missed=1))
        session.add(referral(target=inst["PUP_W"].id, month=(2025, 1), sla_met=1))
        session.add(referral(target=inst["OPS_W"].id, month=(2025, 5), sla_missed=1))  # after the period
        session.add(referral(sender=inst["OPS_W"].id, month=(2025, 2), sla_missed=1))  # sent, not received
        session.add(referral(target=inst["OPS_K"].id, month=(2025, 2), sla_missed=1))
        session.add(referral(target=inst["OPS_K"].id, month=(2025, 2), sla_met=1))
        await session.commit()
    r = await client.get(
        f"/v1/survey-rounds/{rid}/crosstab", params={"question": "kontakty"}, headers=analyst("")
    )
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["indicator"] == "sla_compliance" and body["period_from"] == "2025-01"
    rows = {row["value"]: row for row in body["rows"]}
    assert rows["a"]["institutions"] == {"value": 3, "suppressed": False}
    assert rows["a"]["indicator"] == {"value": round(5 / 6, 4), "suppressed": False}
    assert rows["b"]["indicator"] == {"value": 0.5, "suppressed": False}
    assert rows["c"]["institutions"] == {"value": 0, "suppressed": False}
    assert rows["c"]["indicator"] == {"value": None, "suppressed": False}
    sent = await client.get(
        f"/v1/survey-rounds/{rid}/crosstab",
        params={"question": "kontakty", "indicator": "referrals"},
        headers=owner,
    )
    assert {row["value"]: row["indicator"]["value"] for row in sent.json()["rows"]}["a"] == 1
    bad = await client.get(
        f"/v1/survey-rounds/{rid}/crosstab",
        params={"question": "kontakty", "indicator": "nope"},
        headers=owner,
    )
    assert bad.status_code == 422 and bad.json()["code"] == "unknown_indicator"
    bad = await client.get(f"/v1/survey-rounds/{rid}/crosstab", params={"question": "uwagi"}, headers=owner)
    assert bad.status_code == 422


async def test_crosstab_hides_a_lone_institution(client, staff, voivodeship_round):
    inst, owner, rid = voivodeship_round
    plan = {"PUP_W": "a", "OPS_W": "a", "OPS_B": "a", "PUP_K": "b", "OPS_K": "c"}
    for name, value in plan.items():
        await answer(
            client,
            staff(inst[name], "coordinator"),
            rid,
            {"kontakty": value, "ocena": 3, **({"powody": ["x"]} if value != "c" else {})},
        )
    body = (
        await client.get(f"/v1/survey-rounds/{rid}/crosstab", params={"question": "kontakty"}, headers=owner)
    ).json()
    assert all(row["institutions"] == SUPPRESSED and row["indicator"] == SUPPRESSED for row in body["rows"])
