"""The directory's audit trail: one row per account or access change, written with the change;
append-only in the database; readable by auditors and system administrators only; and the
events that accompany user changes carry no personal data."""

from datetime import date, timedelta

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from splot.common.events import outbox_event
from splot.directory.models import DirectoryAudit

from conftest import NEW_PASSWORD, PASSWORD, etag

NEW_USER = {
    "email": "Nowa.Osoba@example.org",
    "full_name": "Nowa Osoba",
    "roles": ["caseworker"],
    "password": NEW_PASSWORD,
}


async def _trail(session, **where) -> list[DirectoryAudit]:
    stmt = select(DirectoryAudit).order_by(DirectoryAudit.occurred_at, DirectoryAudit.id)
    for name, value in where.items():
        stmt = stmt.where(getattr(DirectoryAudit, name) == value)
    return list((await session.scalars(stmt)).all())


async def test_every_account_change_leaves_one_row(client, factory, session):
    inst = await factory.institution("OPS")
    admin = await factory.user(inst, "institution_admin")
    headers = factory.headers(admin)
    created = await client.post("/v1/users", json=NEW_USER, headers=headers)
    assert created.status_code == 201
    user_id = created.json()["id"]
    version = created.json()["version"]
    await client.patch(
        f"/v1/users/{user_id}",
        json={"roles": ["coordinator"]},
        headers={**headers, "If-Match": f'"{user_id}.{version}"'},
    )
    await client.post(
        f"/v1/users/{user_id}/password", json={"password": "jeszcze inne hasło 1"}, headers=headers
    )
    await client.post(f"/v1/users/{user_id}/deactivate", headers=headers)
    await client.post(f"/v1/users/{user_id}/activate", headers=headers)
    rows = await _trail(session, target_id=user_id)
    assert [r.action for r in rows] == [
        "user_created",
        "user_roles_changed",
        "user_password_reset",
        "user_deactivated",
        "user_activated",
    ]
    for row in rows:
        assert row.actor_subject == str(admin.user.id) and row.actor_kind == "user"
        assert row.actor_institution_id == inst.id and row.target_institution_id == inst.id
        assert row.target_type == "user" and row.request_id
        assert "nowa" not in str(row.before).lower() + str(row.after).lower()
    assert rows[0].after == {"roles": ["caseworker"], "analyst_scope": None}
    assert rows[1].before["roles"] == ["caseworker"] and rows[1].after["roles"] == ["coordinator"]
    assert (rows[3].before, rows[3].after) == ({"active": True}, {"active": False})


async def test_own_password_change_and_api_clients_are_audited(client, factory, session):
    inst = await factory.institution("PUP")
    admin = await factory.user(inst, "institution_admin")
    headers = factory.headers(admin)
    changed = await client.post(
        "/v1/me/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}, headers=headers
    )
    assert changed.status_code == 204
    assert [r.action for r in await _trail(session, target_id=str(admin.user.id))] == [
        "user_password_changed"
    ]
    api = (
        await client.post("/v1/api-clients", json={"name": "S", "scopes": ["clients:read"]}, headers=headers)
    ).json()
    await client.post(f"/v1/api-clients/{api['id']}/rotate-secret", headers=headers)
    await client.post(f"/v1/api-clients/{api['id']}/revoke", headers=headers)
    rows = await _trail(session, target_id=api["client_id"])
    assert [r.action for r in rows] == [
        "api_client_created",
        "api_client_secret_rotated",
        "api_client_revoked",
    ]
    assert rows[0].after == {"scopes": ["clients:read"]} and rows[0].target_type == "api_client"
    for row in rows:
        assert api["client_secret"] not in str(row.after)


async def test_institution_activity_changes_are_audited(client, factory, sysadmin, session):
    inst = await factory.institution("NGO")
    headers = factory.headers(sysadmin)
    for active in (False, True):
        current = await client.get(f"/v1/institutions/{inst.id}", headers=headers)
        changed = await client.patch(
            f"/v1/institutions/{inst.id}",
            json={"active": active},
            headers={**headers, "If-Match": current.headers["etag"]},
        )
        assert changed.status_code == 200
    rows = await _trail(session, target_id=str(inst.id))
    assert [r.action for r in rows] == ["institution_deactivated", "institution_activated"]


async def test_user_events_carry_ids_and_roles_only(client, factory, session):
    inst = await factory.institution("OPS")
    admin = await factory.user(inst, "institution_admin")
    headers = factory.headers(admin)
    user_id = (await client.post("/v1/users", json=NEW_USER, headers=headers)).json()["id"]
    await client.post(f"/v1/users/{user_id}/deactivate", headers=headers)
    await client.post(f"/v1/users/{user_id}/activate", headers=headers)
    events = (
        (
            await session.execute(
                select(outbox_event)
                .where(outbox_event.c.aggregate_id == user_id)
                .order_by(outbox_event.c.seq)
            )
        )
        .mappings()
        .all()
    )
    assert [e["type"] for e in events] == ["user.created", "user.deactivated", "user.activated"]
    for event in events:
        assert event["aggregate_type"] == "user"
        assert event["payload"] == {
            "id": user_id,
            "institution_id": str(inst.id),
            "roles": ["caseworker"],
            "analyst_scope": None,
        }


@pytest.mark.parametrize("statement", ["update", "delete"])
async def test_the_trail_cannot_be_changed_or_deleted(client, factory, session, statement):
    admin = await factory.user(await factory.institution(), "institution_admin")
    assert (await client.post("/v1/users", json=NEW_USER, headers=factory.headers(admin))).status_code == 201
    (row,) = await _trail(session, action="user_created")
    stmt = (
        update(DirectoryAudit).where(DirectoryAudit.id == row.id).values(action="user_updated")
        if statement == "update"
        else delete(DirectoryAudit).where(DirectoryAudit.id == row.id)
    )
    with pytest.raises(DBAPIError, match="append-only"):
        async with session.begin_nested():
            await session.execute(stmt)
    assert (await session.execute(text("SELECT action FROM directory_audit"))).scalars().all() == [
        "user_created"
    ]


async def test_only_auditors_and_system_admins_read_the_trail(client, factory, sysadmin, tokens):
    inst = await factory.institution("WUP", teryt="1261011")
    auditor = await factory.user(inst, "auditor")
    for reader in (auditor, sysadmin):
        assert (await client.get("/v1/audit-log", headers=factory.headers(reader))).status_code == 200
    for role in ("caseworker", "coordinator", "institution_admin", "analyst"):
        other = await factory.user(inst, role, **({"analyst_scope": "12"} if role == "analyst" else {}))
        assert (await client.get("/v1/audit-log", headers=factory.headers(other))).status_code == 403, role
    assert (
        await client.get("/v1/audit-log", headers=tokens.service_headers("reporting", "events:read"))
    ).status_code == 403
    assert (await client.get("/v1/audit-log")).status_code == 401


async def test_the_trail_filters_and_pages_newest_first(client, factory, sysadmin):
    a = await factory.institution("OPS")
    b = await factory.institution("PUP")
    a_admin = await factory.user(a, "institution_admin")
    b_admin = await factory.user(b, "institution_admin")
    ids = []
    for i in range(3):
        body = {**NEW_USER, "email": f"a{i}@example.org"}
        ids.append((await client.post("/v1/users", json=body, headers=factory.headers(a_admin))).json()["id"])
    b_user = (
        await client.post(
            "/v1/users", json={**NEW_USER, "email": "b@example.org"}, headers=factory.headers(b_admin)
        )
    ).json()["id"]
    await client.post(f"/v1/users/{ids[0]}/deactivate", headers=factory.headers(a_admin))
    headers = factory.headers(sysadmin)

    async def read(**params):
        response = await client.get("/v1/audit-log", params=params, headers=headers)
        assert response.status_code == 200, response.text
        return response.json()

    in_a = await read(institution_id=str(a.id))
    assert [i["target_id"] for i in in_a["items"]] == [ids[0], ids[2], ids[1], ids[0]]
    assert [i["action"] for i in in_a["items"]][0] == "user_deactivated"
    assert [i["target_id"] for i in (await read(institution_id=str(b.id)))["items"]] == [b_user]
    assert [i["action"] for i in (await read(target_id=ids[0]))["items"]] == [
        "user_deactivated",
        "user_created",
    ]
    assert [i["target_id"] for i in (await read(action="user_deactivated"))["items"]] == [ids[0]]
    first = await read(institution_id=str(a.id), limit=3)
    assert len(first["items"]) == 3 and first["next_cursor"]
    rest = await read(institution_id=str(a.id), limit=3, cursor=first["next_cursor"])
    assert [i["id"] for i in first["items"] + rest["items"]] == [i["id"] for i in in_a["items"]]
    today = date.today()
    assert len((await read(institution_id=str(a.id), since=str(today - timedelta(days=1))))["items"]) == 4
    assert (await read(institution_id=str(a.id), until=str(today - timedelta(days=2))))["items"] == []
    for bad in ({"action": "user_deleted"}, {"since": "yesterday"}, {"institution_id": "x"}):
        assert (await client.get("/v1/audit-log", params=bad, headers=headers)).status_code == 422, bad


async def test_refused_changes_are_not_in_the_trail(client, factory, session):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    refused = await client.patch(
        f"/v1/users/{staff.user.id}",
        json={"roles": ["auditor"]},
        headers={**factory.headers(admin), **etag(staff.user)},
    )
    assert refused.status_code == 403
    assert await _trail(session, target_id=str(staff.user.id)) == []
