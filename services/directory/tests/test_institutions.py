"""Institutions, territories, catalogue, offers and agreements."""

import uuid

from sqlalchemy import select

from splot.common.events import outbox_event

VALID = {
    "type": "NGO",
    "name": "Fundacja Testowa",
    "teryt": "1219053",
    "regon": "123456785",
    "nip": "5260250274",
    "krs": "0000123456",
    "postal_code": "32-020",
    "email": "biuro@fundacja-testowa.pl",
}


async def test_system_admin_registers_an_institution_and_an_event_is_emitted(
    client, factory, sysadmin, session
):
    response = await client.post("/v1/institutions", json=VALID, headers=factory.headers(sysadmin))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["powiat_code"] == "1219" and body["voivodeship_code"] == "12" and body["active"] is True
    assert response.headers["etag"] == f'"{body["id"]}.1"'
    events = (
        (await session.execute(select(outbox_event).where(outbox_event.c.aggregate_id == body["id"])))
        .mappings()
        .all()
    )
    assert [e["type"] for e in events] == ["institution.created"]
    assert events[0]["payload"]["teryt"] == "1219053" and "email" not in events[0]["payload"]


async def test_only_system_admins_register_institutions(client, factory):
    admin = await factory.user(await factory.institution(), "institution_admin")
    assert (
        await client.post("/v1/institutions", json=VALID, headers=factory.headers(admin))
    ).status_code == 403


async def test_identifiers_and_territory_are_validated(client, factory, sysadmin):
    headers = factory.headers(sysadmin)
    cases = {
        "teryt": "1219999",  # no such gmina
        "regon": "123456789",  # bad check digit
        "nip": "5260250275",
        "krs": "12345",
        "postal_code": "32020",
    }
    for field, bad in cases.items():
        response = await client.post("/v1/institutions", json={**VALID, field: bad}, headers=headers)
        assert response.status_code == 422, field
        assert any(e["loc"][-1] == field for e in response.json()["errors"]), field
    powiat = await client.post("/v1/institutions", json={**VALID, "teryt": "1219"}, headers=headers)
    assert powiat.status_code == 422
    unknown = await client.post("/v1/institutions", json={**VALID, "colour": "red"}, headers=headers)
    assert unknown.status_code == 422


async def test_duplicate_regon_is_a_conflict(client, factory, sysadmin):
    headers = factory.headers(sysadmin)
    assert (await client.post("/v1/institutions", json=VALID, headers=headers)).status_code == 201
    again = await client.post("/v1/institutions", json={**VALID, "name": "Inna"}, headers=headers)
    assert again.status_code == 409 and again.json()["code"] == "duplicate_regon"


async def test_own_admin_changes_contact_data_but_not_identity(client, factory):
    inst = await factory.institution("OPS", regon="123456785")
    admin = await factory.user(inst, "institution_admin")
    etag = (await client.get(f"/v1/institutions/{inst.id}", headers=factory.headers(admin))).headers["etag"]
    ok = await client.patch(
        f"/v1/institutions/{inst.id}",
        json={"phone": "+48 12 345 67 89"},
        headers={**factory.headers(admin), "If-Match": etag},
    )
    assert ok.status_code == 200 and ok.json()["phone"] == "+48 12 345 67 89"
    identity = await client.patch(
        f"/v1/institutions/{inst.id}",
        json={"name": "Nowa nazwa"},
        headers={**factory.headers(admin), "If-Match": ok.headers["etag"]},
    )
    assert identity.status_code == 403


async def test_another_institutions_admin_cannot_change_it(client, factory):
    a = await factory.institution("OPS")
    b_admin = await factory.user(await factory.institution("NGO"), "institution_admin")
    response = await client.patch(
        f"/v1/institutions/{a.id}",
        json={"phone": "+48 12 345 67 89"},
        headers={**factory.headers(b_admin), "If-Match": "*"},
    )
    assert response.status_code == 403


async def test_institution_search_filters(client, factory):
    staff = await factory.user(await factory.institution("PUP", teryt="1219053", name="PUP Wieliczka test"))
    await factory.institution("OPS", teryt="1261011", name="MOPS Kraków test")
    headers = factory.headers(staff)
    by_type = (
        await client.get("/v1/institutions", params={"type": "OPS", "q": "test"}, headers=headers)
    ).json()
    assert [i["name"] for i in by_type["items"]] == ["MOPS Kraków test"]
    by_powiat = (
        await client.get("/v1/institutions", params={"teryt": "1219", "q": "test"}, headers=headers)
    ).json()
    assert [i["name"] for i in by_powiat["items"]] == ["PUP Wieliczka test"]
    misspelt = await client.get("/v1/institutions", params={"typ": "OPS"}, headers=headers)
    assert misspelt.status_code == 422 and misspelt.json()["code"] == "unknown_query_parameter"


async def test_territories(client, factory):
    headers = factory.headers(await factory.user(await factory.institution()))
    voivodeships = (
        await client.get("/v1/territories", params={"level": "voivodeship"}, headers=headers)
    ).json()
    assert len(voivodeships["items"]) == 16 and voivodeships["as_of"] == "2020-01-01"
    powiats = (
        await client.get("/v1/territories", params={"parent": "12", "level": "powiat"}, headers=headers)
    ).json()
    assert {"1219", "1261"} <= {p["code"] for p in powiats["items"]}
    gminas = (await client.get("/v1/territories", params={"parent": "1219"}, headers=headers)).json()["items"]
    assert {g["name"] for g in gminas if g["level"] == "gmina"} >= {"Wieliczka", "Niepołomice", "Gdów"}
    one = await client.get("/v1/territories/1261011", headers=headers)
    assert one.json()["name"] == "Kraków" and one.json()["parent_code"] == "1261"
    assert (await client.get("/v1/territories/9999", headers=headers)).status_code == 404


async def test_catalogue_flags_sensitive_service_types(client, factory):
    headers = factory.headers(await factory.user(await factory.institution()))
    items = {t["code"]: t for t in (await client.get("/v1/service-types", headers=headers)).json()["items"]}
    assert {
        "kis",
        "cis",
        "vocational_counselling",
        "training",
        "debt_counselling",
        "addiction_therapy",
    } <= set(items)
    assert items["addiction_therapy"]["sensitive"] and items["mental_health_support"]["sensitive"]
    assert not items["job_placement"]["sensitive"]


async def test_offers_and_capacity(client, factory):
    ngo = await factory.institution("NGO", teryt="1219053")
    coordinator = await factory.user(ngo, "coordinator")
    headers = factory.headers(coordinator)
    created = await client.post(
        f"/v1/institutions/{ngo.id}/offers",
        json={"service_type_code": "kis", "name": "KIS", "capacity_available": 3, "capacity_max": 10},
        headers=headers,
    )
    assert created.status_code == 201, created.text
    offer = created.json()
    assert offer["teryt"] == "1219053" and offer["capacity_updated_at"] is not None
    full = await client.put(
        f"/v1/offers/{offer['id']}/capacity", json={"capacity_available": 0}, headers=headers
    )
    assert full.status_code == 200 and full.json()["capacity_available"] == 0
    too_many = await client.put(
        f"/v1/offers/{offer['id']}/capacity", json={"capacity_available": 11}, headers=headers
    )
    assert too_many.status_code == 422
    found = (
        await client.get(
            "/v1/offers",
            params={"service_type": "kis", "with_capacity": True, "teryt": "1219"},
            headers=headers,
        )
    ).json()
    assert offer["id"] not in [o["id"] for o in found["items"]]
    unknown_type = await client.post(
        f"/v1/institutions/{ngo.id}/offers",
        json={"service_type_code": "astrology", "name": "x"},
        headers=headers,
    )
    assert unknown_type.status_code == 422 and unknown_type.json()["code"] == "unknown_service_type"


async def test_staff_of_another_institution_cannot_touch_offers(client, factory):
    ngo = await factory.institution("NGO")
    own = await factory.user(ngo, "coordinator")
    offer = (
        await client.post(
            f"/v1/institutions/{ngo.id}/offers",
            json={"service_type_code": "kis", "name": "KIS"},
            headers=factory.headers(own),
        )
    ).json()
    stranger = await factory.user(await factory.institution("NGO"), "institution_admin")
    headers = factory.headers(stranger)
    assert (
        await client.post(
            f"/v1/institutions/{ngo.id}/offers",
            json={"service_type_code": "kis", "name": "x"},
            headers=headers,
        )
    ).status_code == 403
    assert (
        await client.put(
            f"/v1/offers/{offer['id']}/capacity", json={"capacity_available": 1}, headers=headers
        )
    ).status_code == 403
    assert (
        await client.patch(
            f"/v1/offers/{offer['id']}", json={"name": "hijacked"}, headers={**headers, "If-Match": "*"}
        )
    ).status_code == 403
    caseworker = await factory.user(ngo, "caseworker")
    assert (
        await client.put(
            f"/v1/offers/{offer['id']}/capacity",
            json={"capacity_available": 1},
            headers=factory.headers(caseworker),
        )
    ).status_code == 403


async def test_agreements(client, factory):
    pup = await factory.institution("PUP")
    ops = await factory.institution("OPS")
    ngo = await factory.institution("NGO")
    coordinator = await factory.user(pup, "coordinator")
    body = {
        "title": "Porozumienie",
        "document_number": "PUP/1/2026",
        "scope": "Skierowania",
        "valid_from": "2026-01-01",
        "party_ids": [str(pup.id), str(ops.id), str(ngo.id)],
    }
    created = await client.post("/v1/agreements", json=body, headers=factory.headers(coordinator))
    assert created.status_code == 201, created.text
    agreement = created.json()
    # Recorded by one party it is pending (with that party's confirmation) until every party confirms.
    assert agreement["in_force"] is False and agreement["status"] == "pending"
    assert set(agreement["party_ids"]) == {str(pup.id), str(ops.id), str(ngo.id)}
    listed = (
        await client.get(
            "/v1/agreements", params={"institution_id": str(ngo.id)}, headers=factory.headers(coordinator)
        )
    ).json()
    assert [a["id"] for a in listed["items"]] == [agreement["id"]]
    in_force = {"in_force_on": "2026-02-01"}
    listed = (
        await client.get("/v1/agreements", params=in_force, headers=factory.headers(coordinator))
    ).json()
    assert agreement["id"] not in [a["id"] for a in listed["items"]]
    changed = await client.patch(
        f"/v1/agreements/{agreement['id']}",
        json={"valid_to": "2026-01-31"},
        headers={**factory.headers(coordinator), "If-Match": created.headers["etag"]},
    )
    assert changed.status_code == 200 and changed.json()["status"] == "pending"
    for party in (ops, ngo):
        signatory = await factory.user(party, "institution_admin")
        confirmed = await client.post(
            f"/v1/agreements/{agreement['id']}/confirmations", headers=factory.headers(signatory)
        )
        assert confirmed.status_code == 200, confirmed.text
    read = (
        await client.get(f"/v1/agreements/{agreement['id']}", headers=factory.headers(coordinator))
    ).json()
    # Confirmed by all, but its last day (2026-01-31) has passed.
    assert read["confirmed_on"] is not None and read["status"] == "expired" and read["in_force"] is False

    outsider = await factory.user(await factory.institution("NGO"), "coordinator")
    not_party = await client.post("/v1/agreements", json=body, headers=factory.headers(outsider))
    assert not_party.status_code == 403
    bad_dates = await client.post(
        "/v1/agreements", json={**body, "valid_to": "2025-01-01"}, headers=factory.headers(coordinator)
    )
    assert bad_dates.status_code == 422
    unknown = await client.post(
        "/v1/agreements",
        json={**body, "party_ids": [str(pup.id), str(uuid.uuid4())]},
        headers=factory.headers(coordinator),
    )
    assert unknown.status_code == 422
