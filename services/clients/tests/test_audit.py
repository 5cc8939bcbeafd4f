"""The read audit: written for every read, append-only, queried by auditors, and the GDPR
art. 15 access report."""

import uuid

import pytest
from sqlalchemy import delete, update
from sqlalchemy.exc import DBAPIError

from splot.clients.models import AccessLog


async def test_every_read_is_logged_with_who_what_basis_and_request_id(world):
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    pid = (await world.person(pup))["id"]
    await world.grant(pid, ngo)
    headers = world.headers(ngo, sub="ngo-worker-7")
    response = await world.client.get(f"/v1/persons/{pid}", headers={**headers, "X-Request-ID": "req-12345"})
    assert response.status_code == 200
    [row] = await world.log(pid, "read")
    assert row.subject == "ngo-worker-7" and row.subject_kind == "user"
    assert row.institution_id == ngo.id and row.legal_basis == "access_grant" and row.basis_ref
    assert row.resource == "GET /v1/persons/{person_id}" and row.request_id == "req-12345"
    for path in ("attributes", "consents", "access-grants"):
        assert (await world.client.get(f"/v1/persons/{pid}/{path}", headers=headers)).status_code == 200
    assert len(await world.log(pid, "read")) == 4


async def test_the_access_log_is_append_only(world, app):
    pid = (await world.person(world.inst()))["id"]
    # No route changes or deletes it...
    paths = app.openapi()["paths"]
    access_log_paths = [path for path in paths if "access-log" in path]
    assert sorted(access_log_paths) == ["/v1/access-log", "/v1/access-log/export"]
    assert all(set(paths[path]) == {"get"} for path in access_log_paths)
    assert set(paths["/v1/persons/{person_id}/access-report"]) == {"get"}
    # ...and the database refuses to.
    for statement in (update(AccessLog).values(action="x"), delete(AccessLog)):
        with pytest.raises(DBAPIError):
            async with world.session.begin_nested():
                await world.session.execute(statement.where(AccessLog.person_id == uuid.UUID(pid)))
    assert len(await world.log(pid)) == 1


async def test_auditors_query_the_log_and_others_cannot(world):
    pup = world.inst()
    pid = (await world.person(pup))["id"]
    await world.client.get(f"/v1/persons/{pid}", headers=world.headers(pup))
    auditor = world.role("auditor")
    response = await world.client.get(
        "/v1/access-log", params={"person_id": pid, "action": "read"}, headers=auditor
    )
    assert response.status_code == 200
    assert [(i["action"], i["institution_id"]) for i in response.json()["items"]] == [("read", str(pup.id))]
    everything = (await world.client.get("/v1/access-log", params={"person_id": pid}, headers=auditor)).json()
    # Newest first; the auditor's own first query is audited too.
    assert [i["action"] for i in everything["items"]] == ["access_log_query", "read", "create"]
    dated = await world.client.get(
        "/v1/access-log", params={"since": "2000-01-01", "until": "2000-12-31"}, headers=auditor
    )
    assert dated.json()["items"] == []
    assert (
        await world.client.get("/v1/access-log", params={"since": "yesterday"}, headers=auditor)
    ).status_code == 422
    for role in ("coordinator", "analyst", "system_admin"):
        assert (await world.client.get("/v1/access-log", headers=world.headers(pup, role))).status_code == 403


async def test_access_report_names_institutions_and_is_for_those_who_see_the_person(world):
    pup, ops, ngo = world.inst("PUP"), world.inst("OPS"), world.inst("NGO")
    pid = (await world.person(pup))["id"]
    await world.grant(pid, ngo)
    for _ in range(2):
        await world.client.get(f"/v1/persons/{pid}", headers=world.headers(ngo))
    report = await world.client.get(f"/v1/persons/{pid}/access-report", headers=world.headers(pup))
    assert report.status_code == 200
    body = report.json()
    by_inst = {i["institution_id"]: i for i in body["institutions"]}
    assert by_inst[str(ngo.id)]["accesses"] == 2 and by_inst[str(ngo.id)]["legal_bases"] == ["access_grant"]
    assert str(pup.id) in by_inst
    assert all(
        set(item) == {"occurred_at", "institution_id", "action", "legal_basis"} for item in body["items"]
    )
    assert (
        await world.client.get(f"/v1/persons/{pid}/access-report", headers=world.headers(ops))
    ).status_code == 404
    auditor = await world.client.get(f"/v1/persons/{pid}/access-report", headers=world.role("auditor"))
    assert auditor.status_code == 200
    analyst = await world.client.get(f"/v1/persons/{pid}/access-report", headers=world.role("analyst"))
    assert analyst.status_code == 403
    assert len(await world.log(pid, "access_report")) == 2
