"""Person records: identity rules, normalisation, visibility, updates, lookup and registration."""

import uuid

from splot.clients.identity import normalise_name

from conftest import PESEL_ANNA, PESEL_JAN, person_body


def test_names_are_normalised_for_search():
    assert normalise_name("  Łukasz   Żółć-Nowak ") == "lukasz zolc nowak"
    assert normalise_name("ŚWIĘTOSŁAWA") == "swietoslawa"
    assert normalise_name("Øyvind O'Brien") == "oyvind o brien"


async def test_create_derives_birth_date_and_sex_from_pesel(world):
    pup = world.inst("PUP")
    response = await world.client.post("/v1/persons", json=person_body(), headers=world.headers(pup))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["birth_date"] == "1985-03-14" and body["sex"] == "F" and body["birth_year"] == 1985
    assert body["registered_by_institution_id"] == str(pup.id)
    assert body["access_basis"] == "registration"
    assert [r["institution_id"] for r in body["registrations"]] == [str(pup.id)]
    assert response.headers["etag"] == f'"{body["id"]}.1"'
    assert response.headers["location"].endswith(body["id"])
    [event] = await world.events(body["id"])
    assert event["type"] == "person.created"
    assert event["payload"] == {
        "person_id": body["id"],
        "birth_year": 1985,
        "sex": "F",
        "gmina": "1219053",
        "registering_institution_id": str(pup.id),
        "status": "active",
    }
    [row] = await world.log(body["id"], "create")
    assert row.institution_id == pup.id and row.legal_basis == "registration"


async def test_identity_inconsistencies_are_refused(world):
    headers = world.headers(world.inst())
    cases = [
        ({"birth_date": "1985-03-15"}, "pesel_mismatch", "birth_date"),
        ({"sex": "M"}, "pesel_mismatch", "sex"),
        ({"pesel": None, "sex": "F"}, "birth_date_required", "birth_date"),
        ({"pesel": None, "birth_date": "1990-01-01"}, "sex_required", "sex"),
    ]
    for overrides, code, field in cases:
        response = await world.client.post("/v1/persons", json=person_body(**overrides), headers=headers)
        assert response.status_code == 422, overrides
        assert response.json()["code"] == code and response.json()["errors"][0]["loc"] == ["body", field]
    for overrides, field in [
        ({"pesel": PESEL_ANNA[:-1] + str((int(PESEL_ANNA[-1]) + 1) % 10)}, "pesel"),
        ({"gmina": "1219999"}, "gmina"),
        ({"gmina": "1219"}, "gmina"),
        ({"preferred_contact": "email"}, None),
        ({"colour": "red"}, "colour"),
        ({"pesel": None, "sex": "F", "birth_date": "2999-01-01"}, "birth_date"),
        # Spreadsheet formulas are not names (the audit and import exports are opened in Excel).
        ({"last_name": '=HYPERLINK("http://x")'}, "last_name"),
        ({"first_name": " +48 Anna"}, "first_name"),
        ({"last_name": "@SUM(A1)"}, "last_name"),
    ]:
        response = await world.client.post("/v1/persons", json=person_body(**overrides), headers=headers)
        assert response.status_code == 422, overrides
        assert response.json()["code"] == "validation_error"
        if field:
            assert any(e["loc"][-1] == field for e in response.json()["errors"]), overrides
    # Validation errors never echo the input back.
    response = await world.client.post("/v1/persons", json=person_body(pesel="12345678901"), headers=headers)
    assert "12345678901" not in response.text


async def test_foreigner_without_pesel_is_registered_with_a_document(world):
    body = await world.person(
        world.inst(),
        pesel=None,
        document_number="fx 123-456",
        birth_date="1990-05-05",
        sex="M",
        first_name="Ołeksandr",
        last_name="Szewczenko",
        citizenship="UA",
    )
    assert body["document_number"] == "FX123456" and body["pesel"] is None and body["citizenship"] == "UA"


async def test_other_institutions_get_the_same_404_as_for_a_missing_person(world):
    person = await world.person(world.inst("PUP"))
    stranger = world.headers(world.inst("OPS"))
    hidden = await world.client.get(f"/v1/persons/{person['id']}", headers=stranger)
    missing = await world.client.get(f"/v1/persons/{uuid.uuid4()}", headers=stranger)
    assert hidden.status_code == missing.status_code == 404
    assert {k: v for k, v in hidden.json().items() if k not in ("instance", "request_id")} == {
        k: v for k, v in missing.json().items() if k not in ("instance", "request_id")
    }
    assert "Kowalska" not in hidden.text


async def test_update_needs_current_etag_and_a_registering_institution(world):
    pup = world.inst("PUP")
    headers = world.headers(pup)
    person = await world.person(pup)
    url = f"/v1/persons/{person['id']}"
    assert (await world.client.patch(url, json={"city": "Kraków"}, headers=headers)).status_code == 428
    stale = await world.client.patch(url, json={"city": "Kraków"}, headers={**headers, "If-Match": '"x.0"'})
    assert stale.status_code == 412
    etag = (await world.client.get(url, headers=headers)).headers["etag"]
    ok = await world.client.patch(
        url, json={"last_name": "Nowak-Kowalska", "gmina": "1261011"}, headers={**headers, "If-Match": etag}
    )
    assert ok.status_code == 200, ok.text
    assert ok.json()["last_name"] == "Nowak-Kowalska" and ok.json()["version"] == 2
    assert ok.headers["etag"] != etag
    assert [e["type"] for e in await world.events(person["id"])] == ["person.created", "person.updated"]
    # The norm follows the name: searching the new name finds the person.
    found = await world.client.get("/v1/persons", params={"q": "nowak"}, headers=headers)
    assert [p["id"] for p in found.json()["items"]] == [person["id"]]
    # Names cannot be removed, and the PESEL still rules birth date and sex.
    etag = ok.headers["etag"]
    for change in ({"first_name": None}, {"birth_date": "1985-03-15"}):
        bad = await world.client.patch(url, json=change, headers={**headers, "If-Match": etag})
        assert bad.status_code == 422, change
    # A receiver of a referral sees the person but does not change its identity.
    ngo = world.inst("NGO")
    await world.grant(person["id"], ngo)
    refused = await world.client.patch(
        url, json={"city": "X"}, headers={**world.headers(ngo), "If-Match": etag}
    )
    assert refused.status_code == 403


async def test_pesel_change_cannot_collide_with_another_record(world):
    pup = world.inst()
    headers = world.headers(pup)
    await world.person(pup)
    other = await world.person(pup, pesel=PESEL_JAN, first_name="Jan", last_name="Nowak", sex=None)
    url = f"/v1/persons/{other['id']}"
    etag = (await world.client.get(url, headers=headers)).headers["etag"]
    clash = await world.client.patch(url, json={"pesel": PESEL_ANNA}, headers={**headers, "If-Match": etag})
    assert clash.status_code == 409 and clash.json()["code"] == "duplicate_pesel"


async def test_list_and_search_only_within_visible_persons(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    mine = await world.person(pup, first_name="Łucja", last_name="Żółkiewska")
    await world.person(ops, pesel=PESEL_JAN, first_name="Łucjan", last_name="Żółkiewski")
    headers = world.headers(pup)
    listed = (await world.client.get("/v1/persons", headers=headers)).json()
    assert [p["id"] for p in listed["items"]] == [mine["id"]]
    for q in ("zolk", "ŻÓŁK", "lucja zolkiewska"):
        found = (await world.client.get("/v1/persons", params={"q": q}, headers=headers)).json()["items"]
        assert [p["id"] for p in found] == [mine["id"]], q
    assert (await world.client.get("/v1/persons", headers=world.headers(world.inst("NGO")))).json()[
        "items"
    ] == []
    assert len(await world.log(mine["id"], "list")) == 4


async def test_a_page_of_names_in_one_request_only_of_persons_you_may_see(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    mine = await world.person(pup, first_name="Łucja", last_name="Żółkiewska")
    theirs = await world.person(ops, pesel=PESEL_JAN, first_name="Łucjan", last_name="Żółkiewski")
    missing = str(uuid.uuid4())
    asked = [("id", mine["id"]), ("id", theirs["id"]), ("id", missing)]
    found = await world.client.get("/v1/persons", params=asked, headers=world.headers(pup))
    assert found.status_code == 200, found.text
    assert [(p["id"], p["last_name"]) for p in found.json()["items"]] == [(mine["id"], "Żółkiewska")]
    assert "Żółkiewski" not in found.text
    assert len(await world.log(mine["id"], "list")) == 1
    assert await world.log(theirs["id"], "list") == []
    too_many = [("id", str(uuid.uuid4())) for _ in range(101)]
    refused = await world.client.get("/v1/persons", params=too_many, headers=world.headers(pup))
    assert refused.status_code == 422 and refused.json()["code"] == "validation_error"
    malformed = await world.client.get("/v1/persons", params={"id": "not-a-uuid"}, headers=world.headers(pup))
    assert malformed.status_code == 422


async def test_pagination_of_persons_is_stable(world):
    pup = world.inst()
    headers = world.headers(pup)
    ids = set()
    for i in range(5):
        p = await world.person(pup, pesel=None, birth_date=f"199{i}-01-01", sex="F", last_name=f"Abc{i}x")
        ids.add(p["id"])
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await world.client.get("/v1/persons", params=params, headers=headers)).json()
        seen += [p["id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert len(seen) == 5 and set(seen) == ids
    assert (
        await world.client.get("/v1/persons", params={"cursor": "zzz"}, headers=headers)
    ).status_code == 422


async def test_global_lookup_returns_only_the_minimum(world):
    person = await world.person(world.inst("PUP"))
    stranger = world.headers(world.inst("OPS"))
    response = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_ANNA}, headers=stranger)
    assert response.status_code == 200
    assert response.json() == {
        "items": [{"id": person["id"], "initials": "A. K.", "birth_year": 1985, "visible": False}]
    }
    assert "Kowalska" not in response.text and "Anna" not in response.text
    [row] = await world.log(person["id"], "lookup")
    assert row.legal_basis == "identity_lookup"
    none = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_JAN}, headers=stranger)
    assert none.json() == {"items": []}
    both = await world.client.post(
        "/v1/persons/lookup", json={"pesel": PESEL_JAN, "document_number": "AB1234"}, headers=stranger
    )
    assert both.status_code == 422


async def test_an_institution_registers_an_existing_person_by_proving_the_pesel(world):
    person = await world.person(world.inst("PUP"))
    ops = world.inst("OPS")
    headers = world.headers(ops)
    url = f"/v1/persons/{person['id']}/registrations"
    reason = "a walk-in client of ours"
    wrong = await world.client.post(url, json={"pesel": PESEL_JAN, "reason": reason}, headers=headers)
    assert wrong.status_code == 404
    ok = await world.client.post(
        url, json={"pesel": PESEL_ANNA, "external_id": "OPS-17", "reason": reason}, headers=headers
    )
    assert ok.status_code == 201, ok.text
    assert ok.json()["access_basis"] == "registration" and len(ok.json()["registrations"]) == 2
    again = await world.client.post(url, json={"pesel": PESEL_ANNA, "reason": reason}, headers=headers)
    assert again.status_code == 200
    assert (await world.client.get(f"/v1/persons/{person['id']}", headers=headers)).status_code == 200
    assert [e["type"] for e in await world.events(person["id"])] == ["person.created", "person.registered"]


async def test_wrong_method_names_the_allowed_ones(world):
    headers = world.headers(world.inst())
    response = await world.client.delete("/v1/persons", headers=headers)
    assert response.status_code == 405 and response.headers["allow"] == "GET, POST"
    action = await world.client.patch("/v1/persons/match", headers=headers)
    assert action.status_code == 405 and action.headers["allow"] == "POST"
