"""Issue #16: the programme catalogue (seeded; system administrators add and change programmes,
any signed-in caller and the other services read it) and a partnership's programme."""

import pytest
from sqlalchemy import select

from splot.common.events import outbox_event
from splot.directory.models import Programme

from partnership_setup import start

NEW = {"code": "GMINA-2027", "name": "Gminny program wychodzenia z bezdomności", "kind": "local"}


async def test_the_seeded_catalogue_is_read_by_any_signed_in_caller(client, factory, tokens):
    ngo = await factory.user(await factory.institution("NGO"))
    analyst = await factory.user(await factory.institution("ROPS", teryt="1261011"), "analyst")
    for headers in (
        factory.headers(ngo),
        factory.headers(analyst),
        tokens.service_headers("referrals", ""),
        tokens.service_headers("reporting", ""),
    ):
        response = await client.get("/v1/programmes", headers=headers)
        assert response.status_code == 200, response.text
    assert (await client.get("/v1/programmes")).status_code == 401
    by_code = {p["code"]: p for p in response.json()["items"]}
    assert by_code["PAI"]["kind"] == "joint_activation"
    assert by_code["CIS-REINTEGRACJA"]["kind"] == "cis_kis"
    assert by_code["FERS-AKTYWIZACJA"]["kind"] == "eu_project"
    assert by_code["FERS-AKTYWIZACJA"]["ends_on"] == "2029-12-31"
    kinds = await client.get("/v1/programmes", params={"kind": "cis_kis"}, headers=factory.headers(ngo))
    assert {p["kind"] for p in kinds.json()["items"]} == {"cis_kis"}


@pytest.mark.parametrize(
    ("type_", "roles", "allowed"),
    [
        ("MINISTRY", ("system_admin",), True),
        ("PUP", ("institution_admin",), False),
        ("OPS", ("coordinator",), False),
        ("NGO", ("caseworker",), False),
        ("ROPS", ("analyst",), False),
        ("MINISTRY", ("auditor",), False),
    ],
)
async def test_only_system_administrators_write(client, factory, session, type_, roles, allowed):
    staff = await factory.user(await factory.institution(type_, teryt="1465011"), *roles)
    headers = factory.headers(staff)
    created = await client.post("/v1/programmes", json=NEW, headers=headers)
    assert created.status_code == (201 if allowed else 403), created.text
    existing = await client.get("/v1/programmes/PAI", headers=headers)
    assert existing.status_code == 200
    changed = await client.patch(
        "/v1/programmes/PAI",
        json={"active": False},
        headers={**headers, "If-Match": existing.headers["ETag"]},
    )
    assert changed.status_code == (200 if allowed else 403), changed.text
    pai = await session.scalar(select(Programme).where(Programme.code == "PAI"))
    await session.refresh(pai)
    assert pai.active is (not allowed)


async def test_add_edit_and_deactivate(client, factory, sysadmin):
    headers = factory.headers(sysadmin)
    created = await client.post("/v1/programmes", json={**NEW, "funder": "Gmina Wieliczka"}, headers=headers)
    assert created.status_code == 201, created.text
    assert created.json()["active"] is True and created.json()["version"] == 1
    again = await client.post("/v1/programmes", json=NEW, headers=headers)
    assert again.status_code == 409 and again.json()["code"] == "programme_exists"
    stale = await client.patch("/v1/programmes/GMINA-2027", json={"active": False}, headers=headers)
    assert stale.status_code == 428
    changed = await client.patch(
        "/v1/programmes/GMINA-2027",
        json={"name": "Program gminny", "starts_on": "2027-01-01", "ends_on": "2027-12-31", "active": False},
        headers={**headers, "If-Match": created.headers["ETag"]},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["name"] == "Program gminny" and changed.json()["active"] is False
    active = await client.get("/v1/programmes", params={"active": "true"}, headers=headers)
    assert "GMINA-2027" not in {p["code"] for p in active.json()["items"]}
    assert (await client.get("/v1/programmes/NOPE", headers=headers)).status_code == 404


@pytest.mark.parametrize(
    "body",
    [
        {**NEW, "code": "lower"},
        {**NEW, "code": "X"},
        {**NEW, "kind": "other"},
        {**NEW, "name": ""},
        {**NEW, "name": "two\nlines"},
        {**NEW, "starts_on": "2027-02-01", "ends_on": "2027-01-01"},
        {**NEW, "active": "yes"},
        {**NEW, "extra": 1},
    ],
)
async def test_bad_input_is_a_422(client, factory, sysadmin, body):
    response = await client.post("/v1/programmes", json=body, headers=factory.headers(sysadmin))
    assert response.status_code == 422, response.text


async def test_a_partnership_belongs_to_an_active_programme(client, factory, session, sysadmin):
    setup = await start(client, factory)
    headers = setup.h(factory, "ops")
    read = await client.get(f"/v1/partnerships/{setup.id}", headers=headers)
    assert read.json()["programme"] is None
    for code, expected in (("NOPE", 422), ("PAI", 200)):
        current = await client.get(f"/v1/partnerships/{setup.id}", headers=headers)
        response = await client.patch(
            f"/v1/partnerships/{setup.id}",
            json={"programme": code},
            headers={**headers, "If-Match": current.headers["ETag"]},
        )
        assert response.status_code == expected, response.text
    assert response.json()["programme"] == "PAI"
    payloads = (
        await session.scalars(
            select(outbox_event.c.payload)
            .where(outbox_event.c.type == "partnership.updated")
            .order_by(outbox_event.c.seq.desc())
        )
    ).all()
    assert payloads[0]["programme"] == "PAI"
    # An inactive programme is refused for a new partnership.
    pai = await client.get("/v1/programmes/PAI", headers=factory.headers(sysadmin))
    await client.patch(
        "/v1/programmes/PAI",
        json={"active": False},
        headers={**factory.headers(sysadmin), "If-Match": pai.headers["ETag"]},
    )
    ops = await factory.user(setup.ops, "coordinator")
    refused = await client.post(
        "/v1/partnerships",
        json={
            "name": "Drugie",
            "purpose": "Cel",
            "area_teryt": ["1219"],
            "invited_institution_ids": [str(setup.pup.id)],
            "programme": "PAI",
        },
        headers=factory.headers(ops),
    )
    assert refused.status_code == 422 and refused.json()["code"] == "unknown_programme"
