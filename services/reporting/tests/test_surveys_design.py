"""Questionnaires: templates, the designer's rules, ETags, freezing, versions, deletion."""

import copy

import pytest
from survey_sample import document, new_questionnaire, open_round, question, seed


async def test_the_bundled_template_lists_and_starts_a_questionnaire(client, analyst):
    h = analyst("12")
    listed = await client.get("/v1/survey-templates", headers=h)
    assert listed.status_code == 200
    [item] = [i for i in listed.json()["items"] if i["code"] == "wspolpraca-pup-ops"]
    assert item["title"] == "Współpraca PUP–OPS" and item["questions"] >= 10
    doc = await client.get("/v1/survey-templates/wspolpraca-pup-ops", headers=h)
    keys = [q["key"] for s in doc.json()["sections"] for q in s["questions"]]
    assert {"formy_wspolpracy", "czestotliwosc_kontaktow", "bariery", "ocena_partnera"} <= set(keys)
    barriers = next(q for s in doc.json()["sections"] for q in s["questions"] if q["key"] == "bariery")
    assert {o["problem_area"] for o in barriers["options"]} >= {"legal", "staffing", "information_flow"}
    created = await client.post(
        "/v1/questionnaires", json={"template": "wspolpraca-pup-ops", "title": "Małopolska 2025"}, headers=h
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["template"] == "wspolpraca-pup-ops" and body["title"] == "Małopolska 2025"
    assert body["status"] == "draft" and body["owner_scope"] == "12" and body["rounds"] == 0
    assert created.headers["ETag"] == f'"{body["id"]}.1"'
    assert (await client.get("/v1/survey-templates/nope", headers=h)).status_code == 404


def _broken(mutate):
    doc = document()
    mutate(doc["sections"][0]["questions"])
    return doc


@pytest.mark.parametrize(
    ("mutate", "error_type"),
    [
        (lambda qs: qs.append(question("kontakty", "text")), "duplicate_key"),
        (lambda qs: qs[0]["options"].append({"value": "a", "label": "again"}), "duplicate_option"),
        (lambda qs: qs[0].update(options=[{"value": "a", "label": "A"}]), "options_count"),
        (lambda qs: qs[1].update(scale={"min": 5, "max": 5}), "invalid_scale"),
        (lambda qs: qs[1].update(scale=None), "scale_required"),
        (lambda qs: qs[0].update(indicator="no_such_indicator"), "unknown_indicator"),
        (lambda qs: qs[5].update(indicator="referrals"), "indicator_not_expected"),
        (lambda qs: qs[0]["options"][0].update(problem_area="astrology"), "unknown_problem_area"),
        # show_if must refer to an EARLIER choice/scale question, and to its values
        (lambda qs: qs[0].update(show_if={"question": "ocena", "equals_any": ["1"]}), "invalid_show_if"),
        (lambda qs: qs[3].update(show_if={"question": "uwagi", "equals_any": ["x"]}), "invalid_show_if"),
        (lambda qs: qs[2].update(show_if={"question": "kontakty", "equals_any": ["zz"]}), "invalid_show_if"),
        (
            lambda qs: qs[5].update(options=[{"value": "a", "label": "A"}, {"value": "b", "label": "B"}]),
            "options_not_expected",
        ),
        (lambda qs: qs[3].update(number={"min": 10, "max": 1}), "invalid_bounds"),
    ],
)
async def test_the_designer_refuses_broken_questionnaires(client, analyst, mutate, error_type):
    r = await client.post("/v1/questionnaires", json=_broken(mutate), headers=analyst("12"))
    assert r.status_code == 422, r.text
    assert r.json()["code"] == "invalid_questionnaire"
    assert error_type in {e["type"] for e in r.json()["errors"]}


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(sections=[]),
        lambda d: d.update(title="two\nlines"),
        lambda d: d["sections"][0]["questions"][0].update(key="Bad-Key"),
        lambda d: d["sections"][0]["questions"][0].update(type="essay"),
        lambda d: d.update(extra_field=1),
    ],
)
async def test_schema_errors_are_422_problems(client, analyst, mutate):
    doc = document()
    mutate(doc)
    r = await client.post("/v1/questionnaires", json=doc, headers=analyst(""))
    assert r.status_code == 422 and r.headers["content-type"].startswith("application/problem+json")


async def test_edit_needs_the_etag_and_a_frozen_questionnaire_is_copied(client, analyst, sessionmaker):
    await seed(sessionmaker)
    h = analyst("12")
    q = await new_questionnaire(client, h)
    url = f"/v1/questionnaires/{q['id']}"
    changed = document(title="Nowy tytuł")
    assert (await client.put(url, json=changed, headers=h)).status_code == 428
    stale = await client.put(url, json=changed, headers={**h, "If-Match": f'"{q["id"]}.9"'})
    assert stale.status_code == 412
    got = await client.get(url, headers=h)
    ok = await client.put(url, json=changed, headers={**h, "If-Match": got.headers["ETag"]})
    assert ok.status_code == 200 and ok.json()["title"] == "Nowy tytuł"
    assert ok.headers["ETag"] == f'"{q["id"]}.2"'

    await open_round(client, h, q["id"])
    frozen = await client.get(url, headers=h)
    assert frozen.json()["status"] == "frozen" and frozen.json()["rounds"] == 1
    refused = await client.put(url, json=changed, headers={**h, "If-Match": frozen.headers["ETag"]})
    assert refused.status_code == 409 and refused.json()["code"] == "questionnaire_frozen"
    deleted = await client.delete(url, headers={**h, "If-Match": frozen.headers["ETag"]})
    assert deleted.status_code == 409

    copied = await client.post(f"{url}/copy", headers=h)
    assert copied.status_code == 201, copied.text
    new = copied.json()
    assert new["version_no"] == 2 and new["previous_id"] == q["id"] and new["status"] == "draft"
    assert new["sections"] == frozen.json()["sections"]
    etag = copied.headers["ETag"]
    assert (
        await client.delete(f"/v1/questionnaires/{new['id']}", headers={**h, "If-Match": etag})
    ).status_code == 204
    assert (await client.get(f"/v1/questionnaires/{new['id']}", headers=h)).status_code == 404


async def test_questionnaires_are_read_within_scope_and_edited_by_their_own_scope(client, analyst):
    own = analyst("12")
    q = await new_questionnaire(client, own)
    url = f"/v1/questionnaires/{q['id']}"
    national = analyst("")
    assert (await client.get(url, headers=national)).status_code == 200
    etag = (await client.get(url, headers=national)).headers["ETag"]
    assert (await client.put(url, json=document(), headers={**national, "If-Match": etag})).status_code == 403
    assert (await client.get(url, headers=analyst("14"))).status_code == 404
    assert (await client.get(url, headers=analyst("1219"))).status_code == 404
    listed = await client.get("/v1/questionnaires", headers=national)
    assert q["id"] in [i["id"] for i in listed.json()["items"]]
    assert q["id"] not in [
        i["id"] for i in (await client.get("/v1/questionnaires", headers=analyst("14"))).json()["items"]
    ]


async def test_questionnaire_list_pages(client, analyst):
    h = analyst("02")
    ids = {(await new_questionnaire(client, h))["id"] for _ in range(3)}
    first = await client.get("/v1/questionnaires", params={"limit": 2}, headers=h)
    assert len(first.json()["items"]) == 2 and first.json()["next_cursor"]
    second = await client.get(
        "/v1/questionnaires", params={"limit": 2, "cursor": first.json()["next_cursor"]}, headers=h
    )
    seen = {i["id"] for i in first.json()["items"] + second.json()["items"]}
    assert seen == ids
    drafts = await client.get("/v1/questionnaires", params={"status": "frozen"}, headers=h)
    assert drafts.json()["items"] == []


async def test_template_documents_are_not_shared_between_questionnaires(client, analyst):
    h = analyst("12")
    a = await client.post("/v1/questionnaires", json={"template": "wspolpraca-pup-ops"}, headers=h)
    doc = copy.deepcopy(a.json())
    doc["sections"][0]["title"] = "Zmieniona"
    put = await client.put(
        f"/v1/questionnaires/{doc['id']}",
        json={k: doc[k] for k in ("title", "description", "sections")},
        headers={**h, "If-Match": a.headers["ETag"]},
    )
    assert put.status_code == 200, put.text
    b = await client.post("/v1/questionnaires", json={"template": "wspolpraca-pup-ops"}, headers=h)
    assert b.json()["sections"][0]["title"] == "Formy współpracy"


async def test_the_template_round_for_the_demo_powiat_can_be_answered(client, analyst, staff, sessionmaker):
    """As in the demo: a powiat-scope analyst (1219) sends the bundled survey to the PUPs and OPSs
    of powiat Wieliczka; an institution answers every required question and submits."""
    from survey_sample import answer

    inst = await seed(sessionmaker)
    h = analyst("1219")
    created = await client.post("/v1/questionnaires", json={"template": "wspolpraca-pup-ops"}, headers=h)
    r = await open_round(client, h, created.json()["id"], territory="1219", types=("PUP", "OPS"))
    assert r["invited"] == 3
    done = await answer(
        client,
        staff(inst["PUP_W"], "coordinator"),
        r["id"],
        {
            "formy_wspolpracy": ["porozumienie", "skierowania"],
            "porozumienie_pisemne": "tak",
            "czestotliwosc_kontaktow": "co_tydzien",
            "kontakty_miesiecznie": 6,
            "wspolne_programy": "tak",
            "programy_jakie": ["aktywizacja_integracja"],
            "programy_od_kiedy": "2023-03-01",
            "bariery": ["dane", "kadry"],
            "bariery_opis": "Brak wspólnego systemu wymiany danych",
            "wymiana_informacji": 3,
            "ocena_partnera": 4,
        },
    )
    assert done["status"] == "submitted"
