"""Users and API clients: institution admins manage their own institution only."""

import uuid

from conftest import login

NEW_USER = {
    "email": "nowa@example.org",
    "full_name": "Nowa Osoba",
    "roles": ["caseworker"],
    "password": "długie hasło 123",
}


async def test_admin_creates_a_user_who_can_sign_in(client, factory):
    admin = await factory.user(await factory.institution("OPS"), "institution_admin")
    created = await client.post("/v1/users", json=NEW_USER, headers=factory.headers(admin))
    assert created.status_code == 201, created.text
    body = created.json()
    assert (
        body["institution_id"] == str(admin.institution.id)
        and "password" not in body
        and "password_hash" not in body
    )
    assert (await login(client, NEW_USER["email"], NEW_USER["password"])).status_code == 200
    duplicate = await client.post("/v1/users", json=NEW_USER, headers=factory.headers(admin))
    assert duplicate.status_code == 409


async def test_caseworkers_cannot_manage_users(client, factory):
    caseworker = await factory.user(await factory.institution())
    assert (
        await client.post("/v1/users", json=NEW_USER, headers=factory.headers(caseworker))
    ).status_code == 403


async def test_institution_admin_cannot_grant_system_admin(client, factory):
    admin = await factory.user(await factory.institution(), "institution_admin")
    response = await client.post(
        "/v1/users", json={**NEW_USER, "roles": ["system_admin"]}, headers=factory.headers(admin)
    )
    assert response.status_code == 403
    colleague = await factory.user(admin.institution, "caseworker")
    promote = await client.patch(
        f"/v1/users/{colleague.user.id}",
        json={"roles": ["caseworker", "system_admin"]},
        headers={**factory.headers(admin), "If-Match": f'"{colleague.user.id}.1"'},
    )
    assert promote.status_code == 403


async def test_analysts_need_a_scope(client, factory, sysadmin):
    wup = await factory.institution("WUP", teryt="1261011")
    body = {**NEW_USER, "roles": ["analyst"], "institution_id": str(wup.id)}
    missing = await client.post("/v1/users", json=body, headers=factory.headers(sysadmin))
    assert missing.status_code == 422 and missing.json()["code"] == "analyst_scope_required"
    ok = await client.post(
        "/v1/users", json={**body, "analyst_scope": "12"}, headers=factory.headers(sysadmin)
    )
    assert ok.status_code == 201 and ok.json()["analyst_scope"] == "12"


async def test_institution_a_cannot_see_or_change_institution_b_accounts(client, factory):
    a_admin = await factory.user(await factory.institution("OPS"), "institution_admin")
    b = await factory.institution("NGO")
    b_user = await factory.user(b, "caseworker")
    b_admin = await factory.user(b, "institution_admin")
    b_client = (
        await client.post(
            "/v1/api-clients",
            json={"name": "B system", "scopes": ["referrals:read"]},
            headers=factory.headers(b_admin),
        )
    ).json()
    headers = factory.headers(a_admin)

    assert (await client.get(f"/v1/users/{b_user.user.id}", headers=headers)).status_code == 404
    assert (
        await client.patch(
            f"/v1/users/{b_user.user.id}", json={"full_name": "x"}, headers={**headers, "If-Match": "*"}
        )
    ).status_code == 404
    assert (await client.post(f"/v1/users/{b_user.user.id}/deactivate", headers=headers)).status_code == 404
    assert (
        await client.post(
            f"/v1/users/{b_user.user.id}/password", json={"password": "przejęte konto 1"}, headers=headers
        )
    ).status_code == 404
    assert (
        await client.post("/v1/users", json={**NEW_USER, "institution_id": str(b.id)}, headers=headers)
    ).status_code == 403
    listed = (await client.get("/v1/users", headers=headers)).json()
    assert str(b_user.user.id) not in [u["id"] for u in listed["items"]]
    assert (
        await client.get("/v1/users", params={"institution_id": str(b.id)}, headers=headers)
    ).status_code == 403

    assert (await client.get(f"/v1/api-clients/{b_client['id']}", headers=headers)).status_code == 404
    assert (
        await client.post(f"/v1/api-clients/{b_client['id']}/rotate-secret", headers=headers)
    ).status_code == 404
    assert (await client.post(f"/v1/api-clients/{b_client['id']}/revoke", headers=headers)).status_code == 404
    assert b_client["id"] not in [
        c["id"] for c in (await client.get("/v1/api-clients", headers=headers)).json()["items"]
    ]


async def test_deactivation_blocks_sign_in_and_ends_sessions(client, factory):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst, "caseworker")
    raw = (await login(client, staff.email)).cookies["splot_refresh"]
    client.cookies.clear()
    assert (
        await client.post(f"/v1/users/{staff.user.id}/deactivate", headers=factory.headers(admin))
    ).json()["active"] is False
    assert (await login(client, staff.email)).status_code == 400
    client.cookies.set("splot_refresh", raw)
    assert (await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})).status_code == 400
    client.cookies.clear()
    reactivated = await client.post(f"/v1/users/{staff.user.id}/activate", headers=factory.headers(admin))
    assert reactivated.json()["active"] is True
    assert (await login(client, staff.email)).status_code == 200


async def test_admin_cannot_deactivate_themselves(client, factory):
    admin = await factory.user(await factory.institution(), "institution_admin")
    response = await client.post(f"/v1/users/{admin.user.id}/deactivate", headers=factory.headers(admin))
    assert response.status_code == 409


async def test_password_change_requires_the_current_password(client, factory):
    staff = await factory.user(await factory.institution())
    wrong = await client.post(
        "/v1/me/password",
        json={"current_password": "nope", "new_password": "nowe hasło 12345"},
        headers=factory.headers(staff),
    )
    assert wrong.status_code == 422
    ok = await client.post(
        "/v1/me/password",
        json={"current_password": "correct horse battery", "new_password": "nowe hasło 12345"},
        headers=factory.headers(staff),
    )
    assert ok.status_code == 204
    assert (await login(client, staff.email, "nowe hasło 12345")).status_code == 200


async def test_system_admin_manages_any_institution(client, factory, sysadmin):
    other = await factory.institution("OPS")
    created = await client.post(
        "/v1/users",
        json={**NEW_USER, "institution_id": str(other.id), "roles": ["institution_admin"]},
        headers=factory.headers(sysadmin),
    )
    assert created.status_code == 201 and created.json()["institution_id"] == str(other.id)
    missing = await client.post(
        "/v1/users",
        json={**NEW_USER, "email": "x@example.org", "institution_id": str(uuid.uuid4())},
        headers=factory.headers(sysadmin),
    )
    assert missing.status_code == 422


async def test_api_clients_are_for_admins_and_show_the_secret_once(client, factory):
    inst = await factory.institution()
    caseworker = await factory.user(inst)
    admin = await factory.user(inst, "institution_admin")
    assert (
        await client.post(
            "/v1/api-clients",
            json={"name": "x", "scopes": ["referrals:read"]},
            headers=factory.headers(caseworker),
        )
    ).status_code == 403
    created = (
        await client.post(
            "/v1/api-clients",
            json={"name": "Pomost", "scopes": ["clients:read"]},
            headers=factory.headers(admin),
        )
    ).json()
    assert created["client_secret"] and created["client_id"].startswith("splot_")
    for item in (await client.get("/v1/api-clients", headers=factory.headers(admin))).json()["items"]:
        assert "client_secret" not in item


async def test_activation_lifts_sign_in_waits(client, factory):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst, "caseworker")
    for _ in range(5):
        assert (await login(client, staff.email, "wrong password!")).status_code == 400
    waiting = await login(client, staff.email)
    assert waiting.status_code == 429 and waiting.json()["code"] == "too_many_attempts"
    unlocked = await client.post(f"/v1/users/{staff.user.id}/activate", headers=factory.headers(admin))
    assert unlocked.status_code == 200 and unlocked.json()["locked"] is False
    assert (await login(client, staff.email)).status_code == 200


async def test_splot_services_learn_a_users_institution_and_nothing_more(client, tokens, session):
    """The referrals service checks an assignee's membership; no name or e-mail leaves."""
    from splot.directory.models import Institution, User
    from splot.directory.security import hash_password

    inst = Institution(type="OPS", name="OPS test", teryt="1219053")
    session.add(inst)
    await session.flush()
    user = User(
        institution_id=inst.id,
        email=f"member-{inst.id.hex[:6]}@example.org",
        full_name="Jan Członek",
        roles=["caseworker"],
        password_hash=hash_password("x" * 12),
    )
    session.add(user)
    await session.flush()
    url = f"/v1/internal/users/{user.id}"
    answer = await client.get(url, headers=tokens.service_headers("referrals", "directory:read"))
    assert answer.status_code == 200
    assert answer.json() == {"id": str(user.id), "institution_id": str(inst.id), "active": True}
    for headers in (
        tokens.service_headers("referrals", "events:read"),
        tokens.headers(roles=["system_admin"]),
        tokens.headers(roles=["institution_admin"], institution_id=inst.id),
    ):
        assert (await client.get(url, headers=headers)).status_code == 403
    missing = await client.get(
        f"/v1/internal/users/{inst.id}", headers=tokens.service_headers("referrals", "directory:read")
    )
    assert missing.status_code == 404
    # The contact card (issue #13): name and work e-mail, for Splot's services only.
    contact = await client.get(
        f"{url}/contact", headers=tokens.service_headers("referrals", "directory:read")
    )
    assert contact.status_code == 200
    assert contact.json() == {
        "id": str(user.id),
        "institution_id": str(inst.id),
        "full_name": "Jan Członek",
        "email": user.email,
        "active": True,
    }
    for headers in (
        tokens.service_headers("referrals", "events:read"),
        tokens.headers(roles=["caseworker"], institution_id=inst.id),
    ):
        assert (await client.get(f"{url}/contact", headers=headers)).status_code == 403
    gone = await client.get(
        f"/v1/internal/users/{inst.id}/contact", headers=tokens.service_headers("referrals", "directory:read")
    )
    assert gone.status_code == 404
