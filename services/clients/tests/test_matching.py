"""Duplicate detection, overrides, the match endpoint, and merging records."""

import uuid

from sqlalchemy import select

from splot.clients.models import CaseAttribute, Consent

from conftest import PESEL_ANNA, PESEL_JAN, person_body

NO_PESEL = {
    "pesel": None,
    "birth_date": "1990-07-01",
    "sex": "M",
    "first_name": "Jan",
    "last_name": "Kowalski",
}


async def test_same_pesel_is_a_duplicate_that_cannot_be_overridden(world):
    pup = world.inst()
    existing = await world.person(pup)
    again = await world.client.post(
        "/v1/persons",
        json=person_body(first_name="Ania", override_reason="she insists on a new record"),
        headers=world.headers(pup),
    )
    assert again.status_code == 409
    body = again.json()
    assert body["code"] == "likely_duplicate" and body["overridable"] is False
    assert body["candidates"] == [{"person_id": existing["id"], "match": "pesel", "score": 100.0}]


async def test_a_stranger_learns_only_that_a_matching_person_exists(world):
    existing = await world.person(world.inst("PUP"))
    response = await world.client.post(
        "/v1/persons", json=person_body(), headers=world.headers(world.inst("OPS"))
    )
    assert response.status_code == 409
    assert response.json()["candidates"] == []
    assert response.json()["detail"] == "a matching person exists; request access"
    assert existing["id"] not in response.text


async def test_typos_and_diacritics_are_caught_and_an_override_is_audited(world):
    pup = world.inst()
    headers = world.headers(pup)
    first = await world.person(pup, **NO_PESEL)
    variant = {**NO_PESEL, "first_name": "Jań", "last_name": "Kowalsky"}
    blocked = await world.client.post("/v1/persons", json=person_body(**variant), headers=headers)
    assert blocked.status_code == 409 and blocked.json()["overridable"] is True
    [candidate] = blocked.json()["candidates"]
    assert candidate["person_id"] == first["id"] and candidate["match"] == "name_and_birth_date"
    assert candidate["score"] >= 86
    # Different birth date or clearly different name: no match.
    for other in ({"birth_date": "1990-07-02"}, {"last_name": "Zieliński"}):
        ok = await world.client.post(
            "/v1/persons", json=person_body(**{**NO_PESEL, **other}), headers=headers
        )
        assert ok.status_code == 201, other
    reason = "a different man with the same name, checked ID card"
    forced = await world.client.post(
        "/v1/persons", json=person_body(**variant, override_reason=reason), headers=headers
    )
    assert forced.status_code == 201
    [row] = await world.log(first["id"], "override_duplicate")
    assert row.reason == reason and row.basis_ref == forced.json()["id"] and row.institution_id == pup.id


async def test_match_endpoint_checks_without_creating(world):
    pup, ops = world.inst("PUP"), world.inst("OPS")
    existing = await world.person(pup, **NO_PESEL)
    query = {"first_name": "jan", "last_name": "KOWALSKI", "birth_date": "1990-07-01"}
    mine = await world.client.post("/v1/persons/match", json=query, headers=world.headers(pup))
    assert mine.status_code == 200
    assert mine.json()["likely_duplicate"] is True
    assert [c["person_id"] for c in mine.json()["candidates"]] == [existing["id"]]
    theirs = await world.client.post("/v1/persons/match", json=query, headers=world.headers(ops))
    assert theirs.json() == {
        "likely_duplicate": True,
        "candidates": [],
        "detail": "a matching person exists; request access",
    }
    nobody = await world.client.post(
        "/v1/persons/match", json={**query, "first_name": "Zenon"}, headers=world.headers(ops)
    )
    assert nobody.json() == {"likely_duplicate": False, "candidates": [], "detail": None}
    assert (await world.client.get("/v1/persons", headers=world.headers(pup))).json()["items"][0][
        "id"
    ] == existing["id"]


async def _merge_fixture(world):
    pup, ops, ngo = world.inst("PUP"), world.inst("OPS"), world.inst("NGO")
    coordinator = world.headers(pup, "coordinator")
    survivor = await world.person(pup, **NO_PESEL)
    duplicate = await world.person(
        pup,
        pesel=PESEL_JAN,
        first_name="Jan",
        last_name="Kowalsky",
        sex=None,
        override_reason="not sure yet, merge later",
    )
    # The duplicate has an OPS registration, an attribute, a consent and a grant.
    reg = await world.client.post(
        f"/v1/persons/{duplicate['id']}/registrations",
        json={"pesel": PESEL_JAN, "reason": "a walk-in client of ours"},
        headers=world.headers(ops),
    )
    assert reg.status_code == 201
    put = await world.client.put(
        f"/v1/persons/{duplicate['id']}/attributes/household_size",
        json={"value": 3},
        headers=world.headers(ops),
    )
    assert put.status_code == 201, put.text
    consent = await world.client.post(
        f"/v1/persons/{duplicate['id']}/consents",
        json={"purpose": "referral", "recipient_institution_type": "NGO", "evidence_reference": "Z/1"},
        headers=world.headers(pup),
    )
    assert consent.status_code == 201
    grant = await world.grant(duplicate["id"], ngo)
    return pup, ops, ngo, coordinator, survivor, duplicate, grant


async def test_coordinator_merges_a_duplicate_and_everything_moves(world):
    pup, ops, ngo, coordinator, survivor, duplicate, grant = await _merge_fixture(world)
    caseworker = await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": survivor["id"], "merged_id": duplicate["id"], "reason": "same person, checked"},
        headers=world.headers(pup),
    )
    assert caseworker.status_code == 403
    merged = await world.client.post(
        "/v1/persons/merges",
        json={
            "survivor_id": survivor["id"],
            "merged_id": duplicate["id"],
            "reason": "same person, checked",
            "take_from_merged": ["pesel"],
        },
        headers=coordinator,
    )
    assert merged.status_code == 201, merged.text
    assert merged.json()["merge"]["taken_fields"] == ["pesel"]
    body = merged.json()["survivor"]
    assert body["pesel"] == PESEL_JAN  # taken over from the duplicate, as chosen
    assert {r["institution_id"] for r in body["registrations"]} == {str(pup.id), str(ops.id)}
    assert {g["institution_id"]: g["values"] for g in body["case_attributes"]} == {
        str(ops.id): {"household_size": 3}
    }
    # The duplicate redirects to the survivor.
    moved = await world.client.get(f"/v1/persons/{duplicate['id']}", headers=coordinator)
    assert moved.status_code == 308
    assert moved.headers["location"] == f"/v1/persons/{survivor['id']}"
    assert moved.json()["merged_into"] == survivor["id"]
    sub = await world.client.get(f"/v1/persons/{duplicate['id']}/consents?limit=5", headers=coordinator)
    assert (
        sub.status_code == 308 and sub.headers["location"] == f"/v1/persons/{survivor['id']}/consents?limit=5"
    )
    # Grants, consents and attributes follow; the receiver now sees the survivor.
    assert (
        await world.client.get(f"/v1/persons/{survivor['id']}", headers=world.headers(ngo))
    ).status_code == 200
    consents = (await world.session.scalars(select(Consent.person_id))).all()
    assert set(consents) == {uuid.UUID(survivor["id"])}
    attrs = (await world.session.scalars(select(CaseAttribute.person_id))).all()
    assert set(attrs) == {uuid.UUID(survivor["id"])}
    # A stranger still cannot tell that either record exists.
    stranger = world.headers(world.inst("OPS"))
    assert (await world.client.get(f"/v1/persons/{duplicate['id']}", headers=stranger)).status_code == 404
    [event] = await world.events(survivor["id"], "person.merged")
    assert event["payload"]["merged_person_id"] == duplicate["id"] and "first_name" not in event["payload"]
    [row] = await world.log(duplicate["id"], "merge")
    assert row.reason == "same person, checked | fields taken: pesel"
    summary = await world.client.get(
        f"/v1/internal/persons/{duplicate['id']}/summary", headers=world.service()
    )
    assert summary.json()["status"] == "merged" and summary.json()["merged_into"] == survivor["id"]
    # The PESEL now finds the survivor.
    found = await world.client.post("/v1/persons/lookup", json={"pesel": PESEL_JAN}, headers=stranger)
    assert [i["id"] for i in found.json()["items"]] == [survivor["id"]]


async def test_records_with_different_pesels_are_never_merged(world):
    pup = world.inst()
    coordinator = world.headers(pup, "coordinator")
    a = await world.person(pup)
    b = await world.person(pup, pesel=PESEL_JAN, first_name="Jan", sex=None)
    response = await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": a["id"], "merged_id": b["id"], "reason": "looks the same to me"},
        headers=coordinator,
    )
    assert response.status_code == 409 and response.json()["code"] == "conflicting_identifiers"
    assert PESEL_ANNA not in response.text
    stranger = world.headers(world.inst("OPS"), "coordinator")
    hidden = await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": a["id"], "merged_id": b["id"], "reason": "looks the same to me"},
        headers=stranger,
    )
    assert hidden.status_code == 404
