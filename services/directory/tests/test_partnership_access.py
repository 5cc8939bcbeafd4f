"""Who sees what of a partnership: party, invited, outsider, analyst (in and out of scope),
system administrator, each with its roles. Written out independently of the access module."""

import pytest

from partnership_setup import agreement, start

# (viewer, role) -> what it sees: "full" (parties), "texts" (invited: initiative and agreement
# texts), "summary" (existence, area, status), None (404 as for nothing).
MATRIX = {
    ("party", "coordinator"): "full",
    ("party", "institution_admin"): "full",
    ("party", "caseworker"): "full",
    ("invited", "coordinator"): "texts",
    ("invited", "caseworker"): "texts",
    ("outsider", "coordinator"): None,
    ("outsider", "institution_admin"): None,
    ("outsider", "caseworker"): None,
    ("outsider", "auditor"): None,
    ("analyst_in_scope", "analyst"): "summary",
    ("analyst_out_of_scope", "analyst"): None,
    ("ministry", "system_admin"): "summary",
}

#: Writes (a plan task) take a party's institution_admin or coordinator; others 403 or 404.
WRITES = {
    ("party", "coordinator"): 201,
    ("party", "institution_admin"): 201,
    ("party", "caseworker"): 403,
    ("invited", "coordinator"): 404,
    ("invited", "caseworker"): 404,
    ("outsider", "coordinator"): 404,
    ("outsider", "institution_admin"): 404,
    ("outsider", "caseworker"): 404,
    ("outsider", "auditor"): 404,
    ("analyst_in_scope", "analyst"): 404,
    ("analyst_out_of_scope", "analyst"): 404,
    ("ministry", "system_admin"): 404,
}


async def _viewer(factory, s, viewer: str, role: str):
    if viewer == "party":
        return await factory.user(s.pup, role)
    if viewer == "invited":
        return await factory.user(s.invited, role)
    if viewer == "outsider":
        return await factory.user(await factory.institution("OPS", teryt="1219053"), role)
    if viewer.startswith("analyst"):
        rops = await factory.institution("ROPS", teryt="1261011")
        return await factory.user(
            rops, "analyst", analyst_scope="12" if viewer == "analyst_in_scope" else "02"
        )
    ministry = await factory.institution("MINISTRY", teryt="1465011")
    return await factory.user(ministry, role)


@pytest.mark.parametrize(("viewer", "role"), list(MATRIX))
async def test_access_matrix(client, factory, viewer, role):
    s = await start(client, factory)
    s.invited = await factory.institution("CIS", teryt="1219053")
    invited = await client.post(
        f"/v1/partnerships/{s.id}/invitations",
        json={"institution_id": str(s.invited.id)},
        headers=s.h(factory, "ops"),
    )
    assert invited.status_code == 200
    version = await agreement(client, factory, s)
    h = factory.headers(await _viewer(factory, s, viewer, role))
    expected = MATRIX[(viewer, role)]

    full = await client.get(f"/v1/partnerships/{s.id}", headers=h)
    summary = await client.get(f"/v1/partnerships/{s.id}/summary", headers=h)
    text = await client.get(f"/v1/agreements/{version['id']}/version", headers=h)
    old_api = await client.get(f"/v1/agreements/{version['id']}", headers=h)
    plan = await client.get(f"/v1/partnerships/{s.id}/plan", headers=h)
    work = [
        await client.get(f"/v1/partnerships/{s.id}/{what}", headers=h)
        for what in ("tasks", "meetings", "evaluations")
    ]
    listed = (await client.get("/v1/partnerships", headers=h)).json()["items"]

    assert full.status_code == (200 if expected in ("full", "texts") else 404)
    assert summary.status_code == (404 if expected is None else 200)
    assert text.status_code == (200 if expected in ("full", "texts") else 404)
    assert old_api.status_code == (200 if expected == "full" else 404)
    assert plan.status_code == (200 if expected == "full" else 404)
    assert [r.status_code for r in work] == [200 if expected == "full" else 404] * 3
    assert [p["id"] for p in listed] == ([] if expected is None else [s.id])
    if expected is None:
        assert full.json()["code"] == summary.json()["code"] == "not_found"
    else:
        body = summary.json()
        assert set(body) == {
            "id",
            "name",
            "area_teryt",
            "status",
            "leader_institution_id",
            "party_ids",
            "programme",  # the catalogue code of its programme (issue #16), not a party's data
        }
        assert body["status"] == "in_force" and body["area_teryt"] == ["1219"]
    if expected == "texts":
        read = full.json()
        assert (
            read["access"] == "invited"
            and read["agreements"][0]["text"] == "Strony współpracują przy usłudze."
        )
        assert read["coordinator_subject"] is None
        assert all(p["contact_name"] is None for p in read["parties"])
    if expected == "full":
        assert full.json()["access"] == "party"


@pytest.mark.parametrize(("viewer", "role"), list(WRITES))
async def test_write_matrix(client, factory, viewer, role):
    s = await start(client, factory)
    s.invited = await factory.institution("CIS", teryt="1219053")
    await client.post(
        f"/v1/partnerships/{s.id}/invitations",
        json={"institution_id": str(s.invited.id)},
        headers=s.h(factory, "ops"),
    )
    h = factory.headers(await _viewer(factory, s, viewer, role))
    task = {"title": "Zadanie", "owner_institution_id": str(s.pup.id)}
    created = await client.post(f"/v1/partnerships/{s.id}/tasks", json=task, headers=h)
    assert created.status_code == WRITES[(viewer, role)]


async def test_confirming_is_for_the_named_parties_signatories_only(client, factory):
    s = await start(client, factory)
    version = await agreement(client, factory, s, confirm=False)
    outsider = await factory.user(await factory.institution("NGO"), "coordinator")
    sysadmin = await factory.user(await factory.institution("MINISTRY", teryt="1465011"), "system_admin")
    url = f"/v1/agreements/{version['id']}/confirmations"
    assert (await client.post(url, headers=factory.headers(outsider))).status_code == 404
    # A system administrator sees only the summary of a partnership: its agreement is not there.
    assert (await client.post(url, headers=factory.headers(sysadmin))).status_code == 404
    assert (await client.post(url, headers=s.h(factory, "pup_cw"))).status_code == 403
    assert (await client.post(url, headers=s.h(factory, "pup"))).status_code == 200
