"""The results report's sections fed by the surveys and the good practices: survey results
protected by the survey rule, only publishable free texts, the chosen (published) practices."""

import io

from practice_setup import published, world  # noqa: F401
from pypdf import PdfReader
from survey_sample import answer, new_questionnaire, open_round, seed


async def _report(client, headers, fmt="html", **params):
    query = {"territory": "12", "from": "2025-01", "to": "2025-03", "format": fmt, **params}
    return await client.get("/v1/results-report", params=query, headers=headers)


async def test_survey_results_and_practices_in_the_report(client, world, sessionmaker, analyst, staff):  # noqa: F811
    owner = analyst("12")
    inst = await seed(sessionmaker)
    q = await new_questionnaire(client, owner)
    rid = (await open_round(client, owner, q["id"], territory="12"))["id"]
    answers = {
        "PUP_W": ("c", "Brak czasu"),
        "OPS_W": ("c", "Dobra współpraca"),
        "OPS_B": ("a", "Tajne uwagi"),
    }
    for name, (contact, text) in answers.items():
        body = {"kontakty": contact, "ocena": 4, "uwagi": text}
        if contact == "a":
            body["powody"] = ["x"]
        await answer(client, staff(inst[name], "coordinator"), rid, body)
    texts = (await client.get(f"/v1/survey-rounds/{rid}/results", headers=owner)).json()
    uwagi = next(x for x in texts["questions"] if x["key"] == "uwagi")["texts"]
    target = next(t for t in uwagi if t["text"] == "Dobra współpraca")
    marked = await client.patch(
        f"/v1/survey-rounds/{rid}/texts/{target['answer_id']}", json={"publishable": True}, headers=owner
    )
    assert marked.status_code == 200, marked.text
    i, reviewer = world.inst, analyst("")
    chosen = await published(
        client, staff(i["PUP_W"], "coordinator"), reviewer, title="Dyżury <b>wspólne</b>"
    )
    await published(client, staff(i["OPS_W"], "coordinator"), reviewer, title="Inna praktyka")

    response = await _report(client, owner, round=rid, practice=chosen)
    assert response.status_code == 200, response.text
    html = response.text
    survey = html[html.index('id="surveys"') : html.index('id="problem_areas"')]
    assert "Runda 2025" in survey and "Pytanie kontakty" in survey
    assert "ukryte (&lt;2)" in survey  # one institution answered "a"
    assert "Dobra współpraca" in survey
    assert "Brak czasu" not in html and "Tajne uwagi" not in html
    practices = html[html.index('id="practices"') : html.index('id="methodology"')]
    assert "Dyżury &lt;b&gt;wspólne&lt;/b&gt;" in practices and "Inna praktyka" not in practices

    pdf = await _report(client, owner, fmt="pdf", round=rid)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Wyniki ankiet" in text and "Pytanie kontakty" in text and "Dobra współpraca" in text
    assert "Tajne uwagi" not in text
    # by default: the newest published practices of the territory
    default = (await _report(client, owner)).text
    assert "Inna praktyka" in default and "Dyżury &lt;b&gt;wspólne&lt;/b&gt;" in default


async def test_unknown_rounds_and_practices_are_refused(client, world, sessionmaker, analyst):  # noqa: F811
    owner = analyst("12")
    await seed(sessionmaker)
    q = await new_questionnaire(client, owner)
    other = await open_round(
        client, analyst("14"), (await new_questionnaire(client, analyst("14")))["id"], territory="14"
    )
    rid = (await open_round(client, owner, q["id"], territory="12"))["id"]
    assert (await _report(client, owner, round=rid)).status_code == 200
    unknown = "00000000-0000-4000-8000-000000000123"
    for params, code in (
        ({"round": unknown}, "unknown_round"),
        ({"round": other["id"]}, "unknown_round"),
        ({"round": rid, "from": "2026-01", "to": "2026-02"}, "unknown_round"),
        ({"practice": unknown}, "unknown_practice"),
    ):
        response = await _report(client, owner, **params)
        assert response.status_code == 422, (params, response.text)
        assert response.json()["code"] == code
    edition = await client.post("/v1/editions", json={"period": "2025-Q1", "territory": "12"}, headers=owner)
    frozen = await client.post(
        f"/v1/editions/{edition.json()['id']}/report", json={"practices": [unknown]}, headers=owner
    )
    assert frozen.status_code == 422 and frozen.json()["code"] == "unknown_practice"
