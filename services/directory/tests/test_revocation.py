"""Access-token revocation: each change that must end access writes the right revocation in its
own transaction; the services' list is for service tokens only and pages by id; and the
directory itself refuses a revoked token once its list is refreshed (background tasks are off
in tests: each test refreshes once, by hand)."""

import base64
import json
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import select

from splot.common.db import utcnow
from splot.common.revocation import Revocation, refresh
from splot.directory.models import TokenRevocation

from conftest import NEW_PASSWORD, PASSWORD, bearer, etag, login


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


async def _revocations(session, **where) -> list[TokenRevocation]:
    stmt = select(TokenRevocation).order_by(TokenRevocation.id)
    for name, value in where.items():
        stmt = stmt.where(getattr(TokenRevocation, name) == value)
    return list((await session.scalars(stmt)).all())


async def _refresh(app) -> int:
    return await refresh(app.state.token_verifier.revocations, app.state.revocation_source)


def _is_revoked(response) -> bool:
    return response.status_code == 401 and response.json()["detail"] == "token revoked"


# --- write points ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("deactivate", None),
        ("password", {"password": NEW_PASSWORD}),
        ("roles", {"roles": ["coordinator"]}),
        ("scope", {"roles": ["analyst"], "analyst_scope": "12"}),
    ],
)
async def test_account_changes_raise_the_stamp_and_revoke_older_tokens(
    client, factory, sysadmin, session, action, body
):
    inst = await factory.institution("WUP", teryt="1261011")
    staff = await factory.user(inst, "caseworker")
    headers = factory.headers(sysadmin)
    if action in ("deactivate", "password"):
        response = await client.post(f"/v1/users/{staff.user.id}/{action}", json=body, headers=headers)
    else:
        response = await client.patch(
            f"/v1/users/{staff.user.id}", json=body, headers={**headers, **etag(staff.user)}
        )
    assert response.status_code in (200, 204), response.text
    await session.refresh(staff.user)
    assert staff.user.security_stamp == 2
    (row,) = await _revocations(session, value=str(staff.user.id))
    assert (row.kind, row.min_stamp, row.not_after) == ("user", 2, None)
    assert row.expires_at - row.created_at == timedelta(seconds=900)


async def test_changing_ones_own_password_revokes_ones_tokens(client, factory, session):
    staff = await factory.user(await factory.institution())
    response = await client.post(
        "/v1/me/password",
        json={"current_password": PASSWORD, "new_password": NEW_PASSWORD},
        headers=factory.headers(staff),
    )
    assert response.status_code == 204
    (row,) = await _revocations(session, value=str(staff.user.id))
    assert row.kind == "user" and row.min_stamp == 2


async def test_renaming_and_activating_revoke_nothing(client, factory, session):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    renamed = await client.patch(
        f"/v1/users/{staff.user.id}",
        json={"full_name": "Inna Osoba", "roles": ["caseworker"]},
        headers={**factory.headers(admin), **etag(staff.user)},
    )
    assert renamed.status_code == 200
    assert (
        await client.post(f"/v1/users/{staff.user.id}/activate", headers=factory.headers(admin))
    ).status_code == 200
    assert await _revocations(session) == []


async def test_logout_and_refresh_reuse_end_their_session(client, factory, session):
    staff = await factory.user(await factory.institution())
    first = await login(client, staff.email)
    sid = _claims(first.json()["access_token"])["sid"]
    raw = first.cookies["splot_refresh"]
    client.cookies.clear()
    client.cookies.set("splot_refresh", raw)
    assert (await client.post("/v1/oauth/logout")).status_code == 204
    assert [(r.kind, r.value) for r in await _revocations(session)] == [("session", sid)]
    # Signing out twice ends nothing more.
    client.cookies.set("splot_refresh", raw)
    await client.post("/v1/oauth/logout")
    assert len(await _revocations(session)) == 1

    second = await login(client, staff.email)
    sid2 = _claims(second.json()["access_token"])["sid"]
    original = second.cookies["splot_refresh"]
    client.cookies.clear()
    client.cookies.set("splot_refresh", original)
    rotated = await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})
    assert rotated.status_code == 200 and _claims(rotated.json()["access_token"])["sid"] == sid2
    client.cookies.clear()
    client.cookies.set("splot_refresh", original)
    reused = await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})
    assert reused.status_code == 400
    assert [(r.kind, r.value) for r in await _revocations(session, kind="session")][-1] == ("session", sid2)


async def test_revoking_an_api_client_and_deactivating_an_institution(client, factory, sysadmin, session):
    inst = await factory.institution("PUP")
    admin = await factory.user(inst, "institution_admin")
    created = (
        await client.post(
            "/v1/api-clients",
            json={"name": "System", "scopes": ["referrals:read"]},
            headers=factory.headers(admin),
        )
    ).json()
    before = utcnow()
    assert (
        await client.post(f"/v1/api-clients/{created['id']}/revoke", headers=factory.headers(admin))
    ).status_code == 200
    (row,) = await _revocations(session, kind="client")
    assert row.value == created["client_id"] and before <= row.not_after <= utcnow()
    # Revoking again writes nothing more.
    await client.post(f"/v1/api-clients/{created['id']}/revoke", headers=factory.headers(admin))
    assert len(await _revocations(session, kind="client")) == 1

    current = await client.get(f"/v1/institutions/{inst.id}", headers=factory.headers(sysadmin))
    deactivated = await client.patch(
        f"/v1/institutions/{inst.id}",
        json={"active": False},
        headers={**factory.headers(sysadmin), "If-Match": current.headers["etag"]},
    )
    assert deactivated.status_code == 200, deactivated.text
    (row,) = await _revocations(session, kind="institution")
    assert row.value == str(inst.id) and row.not_after is not None and row.min_stamp is None


# --- the list for the services -----------------------------------------------------------------


async def test_only_splot_services_read_the_list(client, factory, sysadmin, tokens):
    staff = await factory.user(await factory.institution())
    institution_client = tokens.headers(ptype="client", roles=(), scope="directory:read referrals:read")
    assert (
        await client.get("/v1/token-revocations", headers=tokens.service_headers("clients", ""))
    ).status_code == 200
    for headers in (factory.headers(staff), factory.headers(sysadmin), institution_client):
        refused = await client.get("/v1/token-revocations", headers=headers)
        assert refused.status_code == 403 and refused.json()["code"] == "service_token_required"
    assert (await client.get("/v1/token-revocations")).status_code == 401


async def test_the_list_pages_by_id_and_leaves_out_what_expired(client, tokens, session, app):
    from splot.directory import revocations

    settings = app.state.settings
    written = [
        await revocations.revoke(session, settings=settings, kind="session", value=str(uuid.uuid4()))
        for _ in range(5)
    ]
    expired = TokenRevocation(
        kind="user",
        value=str(uuid.uuid4()),
        min_stamp=3,
        created_at=utcnow() - timedelta(hours=2),
        expires_at=utcnow() - timedelta(hours=1),
    )
    session.add(expired)
    await session.flush()
    headers = tokens.service_headers("referrals", "events:read")
    first = await client.get("/v1/token-revocations", params={"limit": 2}, headers=headers)
    items = first.json()["items"]
    assert [i["id"] for i in items] == [written[0].id, written[1].id]
    rest = await client.get("/v1/token-revocations", params={"after": items[-1]["id"]}, headers=headers)
    assert [i["id"] for i in rest.json()["items"]] == [r.id for r in written[2:]]
    # Exactly what the services' client reads.
    parsed = [Revocation.from_json(i) for i in items]
    assert parsed[0].kind == "session" and parsed[0].value == written[0].value
    assert parsed[0].expires_at == written[0].expires_at
    for bad in ({"limit": 0}, {"limit": 1001}, {"after": -1}, {"after": "x"}):
        assert (await client.get("/v1/token-revocations", params=bad, headers=headers)).status_code == 422


# --- end to end: the directory refuses its own revoked tokens ----------------------------------


async def test_a_deactivated_users_token_is_refused(app, client, factory):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    token = (await login(client, staff.email)).json()["access_token"]
    assert (await client.get("/v1/me", headers=bearer(token))).status_code == 200
    await client.post(f"/v1/users/{staff.user.id}/deactivate", headers=factory.headers(admin))
    assert (await client.get("/v1/me", headers=bearer(token))).status_code == 200  # not refreshed yet
    assert await _refresh(app) == 1
    assert _is_revoked(await client.get("/v1/me", headers=bearer(token)))


async def test_after_a_role_change_only_tokens_with_the_new_stamp_work(app, client, factory, session):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst)
    old = (await login(client, staff.email)).json()["access_token"]
    changed = await client.patch(
        f"/v1/users/{staff.user.id}",
        json={"roles": ["caseworker", "coordinator"]},
        headers={**factory.headers(admin), **etag(staff.user)},
    )
    assert changed.status_code == 200
    await _refresh(app)
    assert _is_revoked(await client.get("/v1/me", headers=bearer(old)))
    new = (await login(client, staff.email)).json()["access_token"]
    assert _claims(new)["stp"] == 2 and _claims(new)["roles"] == ["caseworker", "coordinator"]
    me = await client.get("/v1/me", headers=bearer(new))
    assert me.status_code == 200 and me.json()["roles"] == ["caseworker", "coordinator"]


async def test_signing_out_ends_that_session_only(app, client, factory):
    staff = await factory.user(await factory.institution())
    first = await login(client, staff.email)
    first_cookie = first.cookies["splot_refresh"]
    client.cookies.clear()
    second = (await login(client, staff.email)).json()["access_token"]
    client.cookies.clear()
    client.cookies.set("splot_refresh", first_cookie)
    assert (await client.post("/v1/oauth/logout")).status_code == 204
    await _refresh(app)
    assert _is_revoked(await client.get("/v1/me", headers=bearer(first.json()["access_token"])))
    assert (await client.get("/v1/me", headers=bearer(second))).status_code == 200


async def test_a_revoked_clients_token_is_refused(app, client, factory):
    admin = await factory.user(await factory.institution(), "institution_admin")
    created = (
        await client.post(
            "/v1/api-clients",
            json={"name": "System", "scopes": ["directory:read"]},
            headers=factory.headers(admin),
        )
    ).json()
    issued = await client.post(
        "/v1/oauth/token",
        data={"grant_type": "client_credentials"},
        auth=(created["client_id"], created["client_secret"]),
    )
    token = issued.json()["access_token"]
    assert (await client.get("/v1/me", headers=bearer(token))).status_code == 200
    await client.post(f"/v1/api-clients/{created['id']}/revoke", headers=factory.headers(admin))
    await _refresh(app)
    assert _is_revoked(await client.get("/v1/me", headers=bearer(token)))


async def test_a_deactivated_institutions_tokens_are_refused(app, client, factory, sysadmin):
    inst = await factory.institution("OPS")
    admin = await factory.user(inst, "institution_admin")
    signed_in = await login(client, admin.email)
    staff_token, refresh_cookie = signed_in.json()["access_token"], signed_in.cookies["splot_refresh"]
    client.cookies.clear()
    created = (
        await client.post(
            "/v1/api-clients",
            json={"name": "System", "scopes": ["directory:read"]},
            headers=factory.headers(admin),
        )
    ).json()
    client_token = (
        await client.post(
            "/v1/oauth/token",
            data={"grant_type": "client_credentials"},
            auth=(created["client_id"], created["client_secret"]),
        )
    ).json()["access_token"]
    other = await factory.user(await factory.institution("NGO"))
    bystander = (await login(client, other.email)).json()["access_token"]
    current = await client.get(f"/v1/institutions/{inst.id}", headers=factory.headers(sysadmin))
    await client.patch(
        f"/v1/institutions/{inst.id}",
        json={"active": False},
        headers={**factory.headers(sysadmin), "If-Match": current.headers["etag"]},
    )
    await _refresh(app)
    for token in (staff_token, client_token):
        assert _is_revoked(await client.get("/v1/me", headers=bearer(token)))
    assert (await client.get("/v1/me", headers=bearer(bystander))).status_code == 200
    # Nor can new tokens be had meanwhile: refresh and sign-in are refused for the institution.
    assert (await login(client, admin.email)).status_code == 400
    client.cookies.clear()
    client.cookies.set("splot_refresh", refresh_cookie)
    refused = await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})
    assert refused.status_code == 400 and refused.json()["code"] == "invalid_grant"
