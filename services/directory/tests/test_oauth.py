"""The authorization server: grants, refresh rotation and reuse detection, keys (sign-in throttling:
test_throttle.py; revocation: test_revocation.py)."""

import base64
import json
from datetime import timedelta

from sqlalchemy import select

from splot.common import jwt
from splot.directory.config import DirectorySettings
from splot.directory.models import ApiClient, SigningKey
from splot.directory.security import rotate_keys

from conftest import PASSWORD, bearer, login


def _claims(token: str) -> dict:
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


async def test_password_grant_issues_a_verifiable_token_and_a_refresh_cookie(client, factory):
    ops = await factory.institution("OPS", teryt="1219053")
    staff = await factory.user(ops, "coordinator")
    response = await login(client, staff.email.upper())
    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert body["token_type"] == "Bearer" and body["expires_in"] == 900
    claims = _claims(body["access_token"])
    assert claims["sub"] == str(staff.user.id) and claims["stp"] == 1 and claims["sid"]
    assert claims["inst"] == str(ops.id) and claims["inst_type"] == "OPS" and claims["teryt"] == "1219053"
    assert (
        claims["roles"] == ["coordinator"] and claims["iss"] == "splot-directory" and claims["aud"] == "splot"
    )
    cookie = response.headers["set-cookie"]
    assert "splot_refresh=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Path=/api/directory/v1/oauth" in cookie
    assert "refresh_token" not in body

    jwks = (await client.get("/.well-known/jwks.json")).json()
    header = jwt.unverified_header(body["access_token"])
    key = next(k for k in jwks["keys"] if k["kid"] == header["kid"])
    assert "d" not in key and key["alg"] == "RS256"
    jwt.decode(body["access_token"], public_jwk=key, issuer="splot-directory", audience="splot")

    me = await client.get("/v1/me", headers=bearer(body["access_token"]))
    assert me.status_code == 200
    assert me.json()["user"]["email"] == staff.email and me.json()["institution"]["id"] == str(ops.id)


async def test_wrong_password_and_unknown_login_look_the_same(client, factory):
    staff = await factory.user(await factory.institution())
    wrong = await login(client, staff.email, "wrong password!")
    unknown = await login(client, "nobody@example.org", "wrong password!")
    assert wrong.status_code == unknown.status_code == 400
    assert wrong.json()["code"] == unknown.json()["code"] == "invalid_grant"
    assert wrong.json()["detail"] == unknown.json()["detail"]


async def test_inactive_user_cannot_sign_in(client, factory):
    staff = await factory.user(await factory.institution(), active=False)
    assert (await login(client, staff.email)).status_code == 400


async def test_refresh_rotates_and_reuse_revokes_the_family(client, factory):
    staff = await factory.user(await factory.institution())
    first = await login(client, staff.email)
    original = first.cookies["splot_refresh"]
    client.cookies.clear()

    async def refresh(raw):
        client.cookies.clear()
        client.cookies.set("splot_refresh", raw)
        return await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})

    second = await refresh(original)
    assert second.status_code == 200, second.text
    rotated = second.cookies["splot_refresh"]
    assert rotated != original
    assert _claims(second.json()["access_token"])["sub"] == str(staff.user.id)

    replay = await refresh(original)
    assert replay.status_code == 400 and replay.json()["code"] == "invalid_grant"
    # The thief replayed the old token: the legitimate newest token is dead too.
    assert (await refresh(rotated)).status_code == 400


async def test_refresh_without_cookie_is_refused(client):
    response = await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})
    assert response.status_code == 400


async def test_logout_ends_the_session(client, factory):
    staff = await factory.user(await factory.institution())
    raw = (await login(client, staff.email)).cookies["splot_refresh"]
    client.cookies.clear()
    client.cookies.set("splot_refresh", raw)
    out = await client.post("/v1/oauth/logout")
    assert out.status_code == 204 and 'splot_refresh=""' in out.headers["set-cookie"]
    client.cookies.set("splot_refresh", raw)
    again = await client.post("/v1/oauth/token", data={"grant_type": "refresh_token"})
    assert again.status_code == 400


async def _new_client(client, factory, scopes=("referrals:read", "referrals:write")):
    pup = await factory.institution("PUP")
    admin = await factory.user(pup, "institution_admin")
    created = await client.post(
        "/v1/api-clients", json={"name": "Syriusz", "scopes": list(scopes)}, headers=factory.headers(admin)
    )
    assert created.status_code == 201, created.text
    return pup, admin, created.json()


async def test_client_credentials_with_basic_auth_and_scopes(client, factory):
    pup, _, api_client = await _new_client(client, factory)
    auth = (api_client["client_id"], api_client["client_secret"])
    full = await client.post("/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=auth)
    assert full.status_code == 200, full.text
    claims = _claims(full.json()["access_token"])
    assert claims["ptype"] == "client" and claims["inst"] == str(pup.id)
    assert claims["scope"] == "referrals:read referrals:write"
    narrow = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials", "scope": "referrals:read"}, auth=auth
    )
    assert _claims(narrow.json()["access_token"])["scope"] == "referrals:read"
    wider = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials", "scope": "events:read"}, auth=auth
    )
    assert wider.status_code == 400 and wider.json()["code"] == "invalid_scope"
    wrong = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=(api_client["client_id"], "nope")
    )
    assert wrong.status_code == 401 and wrong.json()["code"] == "invalid_client"


async def test_client_secret_rotation_keeps_the_old_secret_for_a_grace_period_and_revocation_ends_it(
    client, factory
):
    _, admin, api_client = await _new_client(client, factory)
    old = (api_client["client_id"], api_client["client_secret"])
    rotated = await client.post(
        f"/v1/api-clients/{api_client['id']}/rotate-secret", headers=factory.headers(admin)
    )
    assert rotated.status_code == 200
    new = (api_client["client_id"], rotated.json()["client_secret"])
    assert new[1] != old[1]
    for creds in (old, new):
        assert (
            await client.post("/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=creds)
        ).status_code == 200
    listed = await client.get(f"/v1/api-clients/{api_client['id']}", headers=factory.headers(admin))
    assert "client_secret" not in listed.json() and "secret_hash" not in listed.json()
    revoked = await client.post(f"/v1/api-clients/{api_client['id']}/revoke", headers=factory.headers(admin))
    assert revoked.status_code == 200 and revoked.json()["active"] is False
    for creds in (old, new):
        assert (
            await client.post("/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=creds)
        ).status_code == 401


async def test_service_scopes_are_never_granted_through_the_api(client, factory, sysadmin, session):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    for actor, extra in ((admin, {}), (sysadmin, {"institution_id": str(inst.id)})):
        for scopes in (["events:read"], ["clients:internal"], ["referrals:read", "events:read"]):
            response = await client.post(
                "/v1/api-clients",
                json={"name": "x", "scopes": scopes, **extra},
                headers=factory.headers(actor),
            )
            assert response.status_code == 422 and response.json()["code"] == "scope_not_grantable", scopes
    assert (await session.scalars(select(ApiClient).where(ApiClient.institution_id == inst.id))).all() == []
    other = await factory.institution("NGO")
    elsewhere = await client.post(
        "/v1/api-clients",
        json={"name": "x", "scopes": ["referrals:read"], "institution_id": str(other.id)},
        headers=factory.headers(admin),
    )
    assert elsewhere.status_code == 403


async def test_regional_statistics_for_a_system_only_from_a_system_admin(client, factory, sysadmin):
    """A WUP/ROPS/ministry system with reporting:read sees the region's (the country's) statistics,
    as an analyst does: its institution admin (who cannot grant the analyst role) cannot give it;
    other scopes, and reporting:read of an ordinary institution, it can."""
    for kind, granted_by_admin in (("WUP", False), ("ROPS", False), ("MINISTRY", False), ("PUP", True)):
        inst = await factory.institution(kind)
        admin = factory.headers(await factory.user(inst, "institution_admin"))
        asked = await client.post(
            "/v1/api-clients", json={"name": "BI", "scopes": ["reporting:read"]}, headers=admin
        )
        if granted_by_admin:
            assert asked.status_code == 201, kind
        else:
            assert (asked.status_code, asked.json()["code"]) == (403, "scope_not_grantable"), kind
            other = await client.post(
                "/v1/api-clients", json={"name": "x", "scopes": ["directory:read"]}, headers=admin
            )
            assert other.status_code == 201, kind
            by_sysadmin = await client.post(
                "/v1/api-clients",
                json={"name": "BI", "scopes": ["reporting:read"], "institution_id": str(inst.id)},
                headers=factory.headers(sysadmin),
            )
            assert by_sysadmin.status_code == 201 and by_sysadmin.json()["scopes"] == ["reporting:read"], kind


async def test_key_rotation_keeps_issued_tokens_valid(client, factory, session):
    staff = await factory.user(await factory.institution())
    before = (await login(client, staff.email)).json()["access_token"]
    settings = DirectorySettings()
    await rotate_keys(session, key_ring=settings.key_ring, grace=timedelta(hours=1))
    await session.flush()
    after = (await login(client, staff.email)).json()["access_token"]
    assert jwt.unverified_header(before)["kid"] != jwt.unverified_header(after)["kid"]
    kids = {k["kid"] for k in (await client.get("/.well-known/jwks.json")).json()["keys"]}
    assert {jwt.unverified_header(before)["kid"], jwt.unverified_header(after)["kid"]} <= kids
    for token in (before, after):
        assert (await client.get("/v1/me", headers=bearer(token))).status_code == 200


async def test_private_keys_are_encrypted_at_rest(client, factory, session):
    staff = await factory.user(await factory.institution())
    await login(client, staff.email)
    stored = (await session.scalars(select(SigningKey))).all()
    assert stored and all("PRIVATE KEY" not in k.private_key_encrypted for k in stored)


async def test_token_endpoint_validates_grant_type(client):
    response = await client.post("/v1/oauth/token", data={"grant_type": "implicit"})
    assert response.status_code == 422


async def test_password_is_never_echoed(client, factory):
    response = await login(client, "someone@example.org", "Very Secret Password 1")
    assert "Very Secret Password 1" not in response.text
    assert PASSWORD not in response.text


async def test_token_errors_are_those_of_rfc_6749(client, factory):
    # §5.2: a wrong, expired or revoked grant is a 400 invalid_grant; only a client whose own
    # authentication fails is a 401 invalid_client. Both carry OAuth's "error" member.
    staff = await factory.user(await factory.institution())
    grant = await login(client, staff.email, "wrong password!")
    assert grant.status_code == 400
    assert grant.json()["error"] == grant.json()["code"] == "invalid_grant"
    assert grant.headers["content-type"] == "application/problem+json"
    unknown_client = await client.post(
        "/v1/oauth/token", data={"grant_type": "client_credentials"}, auth=("no-such-client", "secret")
    )
    assert unknown_client.status_code == 401
    assert unknown_client.json()["error"] == "invalid_client"


async def test_a_hash_of_older_argon2_parameters_is_replaced_at_sign_in_without_ending_sessions(
    client, factory, session
):
    """Issue #17: today's parameters are OWASP's (19 MiB, 2 passes, 1 lane); hashes made before
    (argon2-cffi's defaults: 64 MiB, 3 passes, 4 lanes) still work and are replaced on the way."""
    from argon2 import PasswordHasher

    from splot.directory.models import User

    old_hash = PasswordHasher(time_cost=3, memory_cost=65_536, parallelism=4).hash(PASSWORD)
    staff = await factory.user(await factory.institution(), "caseworker", password_hash=old_hash)
    first = await login(client, staff.email)
    assert first.status_code == 200, first.text
    stored = (await session.scalars(select(User.password_hash).where(User.id == staff.user.id))).one()
    assert stored != old_hash and "m=19456,t=2,p=1" in stored
    # the first session's token still works: a rehash is not a change of password
    me = await client.get("/v1/me", headers=bearer(first.json()["access_token"]))
    assert me.status_code == 200
    assert (await login(client, staff.email)).status_code == 200
    assert (await login(client, staff.email, "wrong password!")).status_code == 400
