"""Role granting: who may give whom which role, where, and never to themselves.

The expected outcome of every (granting role × granted role × own/other institution × self) case
is written out here on its own (:func:`expected_grant`), not taken from the implementation.
"""

import uuid

import pytest
from sqlalchemy import func, select

from splot.common.events import outbox_event
from splot.directory.models import DirectoryAudit, User

from conftest import NEW_PASSWORD, etag

ROLES = ["caseworker", "coordinator", "institution_admin", "analyst", "auditor", "system_admin"]
#: Seats: the actor's institution in Małopolska (12), the other one in Mazowsze (14); both WUPs,
#: which may employ analysts, so that "analyst" is judged on who grants it, not where.
OWN_SEAT, OTHER_SEAT = "1261011", "1465011"


def expected_grant(granting: str, granted: str, target: str) -> str:
    """The rule, independently: "ok", "forbidden" or "not_found" (someone else's account that
    the actor cannot even see). ``target``: "own", "other" (institution) or "self"."""
    if granting == "system_admin":
        return "ok"
    if target == "other":
        return "not_found"
    if target == "self":
        return "forbidden"
    if granting == "institution_admin" and granted in ("caseworker", "coordinator", "institution_admin"):
        return "ok"
    return "forbidden"


def _body(granted: str, seat: str, email: str) -> dict:
    body = {"email": email, "full_name": "Nowa Osoba", "roles": [granted], "password": NEW_PASSWORD}
    if granted == "analyst":
        body["analyst_scope"] = seat[:2]
    return body


async def _actor(factory, granting: str):
    own = await factory.institution("WUP", teryt=OWN_SEAT)
    other = await factory.institution("WUP", teryt=OTHER_SEAT)
    scope = {"analyst_scope": "12"} if granting == "analyst" else {}
    return await factory.user(own, granting, **scope), own, other


@pytest.mark.parametrize("target", ["own", "other"])
@pytest.mark.parametrize("granted", ROLES)
@pytest.mark.parametrize("granting", ROLES)
async def test_create_user_grant_matrix(client, factory, session, granting, granted, target):
    actor, own, other = await _actor(factory, granting)
    institution = own if target == "own" else other
    email = f"{uuid.uuid4().hex[:12]}@example.org"
    body = {**_body(granted, institution.teryt, email), "institution_id": str(institution.id)}
    response = await client.post("/v1/users", json=body, headers=factory.headers(actor))
    stored = (await session.scalars(select(User).where(User.email == email))).first()
    # Creating is never "not visible": refusing someone else's institution is a plain 403.
    expected = expected_grant(granting, granted, target).replace("not_found", "forbidden")
    if expected == "ok":
        assert response.status_code == 201, response.text
        assert stored is not None and stored.roles == [granted] and stored.institution_id == institution.id
    else:
        assert response.status_code == 403, response.text
        assert response.json()["code"] == "forbidden" and stored is None


@pytest.mark.parametrize("target", ["own", "other", "self"])
@pytest.mark.parametrize("granted", ROLES)
@pytest.mark.parametrize("granting", ROLES)
async def test_update_user_grant_matrix(client, factory, session, granting, granted, target):
    actor, own, other = await _actor(factory, granting)
    if target == "self":
        subject = actor
    else:
        # No roles yet: the PATCH is a pure grant of ``granted``.
        subject = await factory.user(own if target == "own" else other, roles=[])
    roles_before = list(subject.user.roles)
    body = {"roles": [granted]}
    if granted == "analyst":
        body["analyst_scope"] = subject.institution.teryt[:2]
    response = await client.patch(
        f"/v1/users/{subject.user.id}", json=body, headers={**factory.headers(actor), **etag(subject.user)}
    )
    await session.refresh(subject.user)
    expected = expected_grant(granting, granted, target)
    status = {"ok": 200, "forbidden": 403, "not_found": 404}[expected]
    assert response.status_code == status, response.text
    assert subject.user.roles == ([granted] if expected == "ok" else roles_before)


#: (institution type, seat, analyst_scope) → the answer's code ("ok" or the 422's code).
ANALYST_CASES = [
    ("MINISTRY", "1465011", "", "ok"),
    ("MINISTRY", "1465011", "12", "ok"),
    ("MINISTRY", "1465011", "1261", "ok"),
    ("MINISTRY", "1465011", "99", "unknown_territory"),
    ("WUP", "1261011", "12", "ok"),
    ("WUP", "1261011", "1219", "ok"),
    ("WUP", "1261011", "", "analyst_scope_too_wide"),
    ("WUP", "1261011", "14", "analyst_scope_too_wide"),
    ("WUP", "1261011", "1465", "analyst_scope_too_wide"),
    ("WUP", "1261011", "1299", "unknown_territory"),
    ("ROPS", "1261011", "12", "ok"),
    ("ROPS", "1261011", "1261", "ok"),
    ("ROPS", "1261011", "", "analyst_scope_too_wide"),
    ("ROPS", "1261011", "02", "analyst_scope_too_wide"),
    *[
        (t, "1219053", "12", "analyst_not_allowed")
        for t in ("PUP", "OPS", "CUS", "PCPR", "NGO", "CIS", "KIS")
    ],
]


@pytest.mark.parametrize(("inst_type", "seat", "scope", "outcome"), ANALYST_CASES)
async def test_analyst_scope_by_institution_type(client, factory, sysadmin, inst_type, seat, scope, outcome):
    institution = await factory.institution(inst_type, teryt=seat)
    body = {
        **_body("analyst", seat, f"{uuid.uuid4().hex[:12]}@example.org"),
        "analyst_scope": scope,
        "institution_id": str(institution.id),
    }
    created = await client.post("/v1/users", json=body, headers=factory.headers(sysadmin))
    if outcome == "ok":
        assert created.status_code == 201, created.text
        assert created.json()["analyst_scope"] == scope
    else:
        assert created.status_code == 422 and created.json()["code"] == outcome, created.text
    # The same rule holds when the role is given later.
    user = await factory.user(institution, "caseworker")
    patched = await client.patch(
        f"/v1/users/{user.user.id}",
        json={"roles": ["analyst"], "analyst_scope": scope},
        headers={**factory.headers(sysadmin), **etag(user.user)},
    )
    assert patched.status_code == (200 if outcome == "ok" else 422), patched.text


async def test_analyst_scope_needs_the_analyst_role_and_goes_with_it(client, factory, sysadmin, session):
    wup = await factory.institution("WUP", teryt=OWN_SEAT)
    headers = factory.headers(sysadmin)
    stray = await client.post(
        "/v1/users",
        json={
            **_body("caseworker", OWN_SEAT, "a@example.org"),
            "analyst_scope": "12",
            "institution_id": str(wup.id),
        },
        headers=headers,
    )
    assert stray.status_code == 422 and stray.json()["code"] == "analyst_scope_without_analyst"
    missing = await client.post(
        "/v1/users",
        json={
            **_body("analyst", OWN_SEAT, "b@example.org"),
            "analyst_scope": None,
            "institution_id": str(wup.id),
        },
        headers=headers,
    )
    assert missing.status_code == 422 and missing.json()["code"] == "analyst_scope_required"
    analyst = await factory.user(wup, "analyst", analyst_scope="12")
    demoted = await client.patch(
        f"/v1/users/{analyst.user.id}",
        json={"roles": ["caseworker"]},
        headers={**headers, **etag(analyst.user)},
    )
    assert demoted.status_code == 200 and demoted.json()["analyst_scope"] is None
    await session.refresh(analyst.user)
    assert analyst.user.analyst_scope is None
    kept_scope = await client.patch(
        f"/v1/users/{analyst.user.id}",
        json={"roles": ["caseworker"], "analyst_scope": "12"},
        headers={**headers, **etag(analyst.user)},
    )
    assert kept_scope.status_code == 422 and kept_scope.json()["code"] == "analyst_scope_without_analyst"


async def test_an_analyst_scope_change_is_a_system_admins_grant(client, factory):
    wup = await factory.institution("WUP", teryt=OWN_SEAT)
    admin = await factory.user(wup, "institution_admin")
    analyst = await factory.user(wup, "analyst", analyst_scope="1261")
    response = await client.patch(
        f"/v1/users/{analyst.user.id}",
        json={"analyst_scope": "12"},
        headers={**factory.headers(admin), **etag(analyst.user)},
    )
    assert response.status_code == 403


async def test_nobody_but_a_system_admin_changes_their_own_roles(client, factory, sysadmin, session):
    inst = await factory.institution()
    admin = await factory.user(inst, "institution_admin")
    for body in ({"roles": ["institution_admin", "coordinator"]}, {"roles": ["institution_admin"]}):
        response = await client.patch(
            f"/v1/users/{admin.user.id}", json=body, headers={**factory.headers(admin), **etag(admin.user)}
        )
        assert response.status_code == 403, body
    renamed = await client.patch(
        f"/v1/users/{admin.user.id}",
        json={"full_name": "Nowe Nazwisko"},
        headers={**factory.headers(admin), **etag(admin.user)},
    )
    assert renamed.status_code == 200
    own = await client.patch(
        f"/v1/users/{sysadmin.user.id}",
        json={"roles": ["system_admin", "auditor"]},
        headers={**factory.headers(sysadmin), **etag(sysadmin.user)},
    )
    assert own.status_code == 200 and own.json()["roles"] == ["auditor", "system_admin"]


async def test_institution_admins_manage_only_accounts_with_institution_roles(client, factory):
    inst = await factory.institution("WUP", teryt=OWN_SEAT)
    admin = await factory.user(inst, "institution_admin")
    headers = factory.headers(admin)
    for roles in (["auditor"], ["analyst"], ["system_admin"], ["caseworker", "auditor"]):
        scope = {"analyst_scope": "12"} if "analyst" in roles else {}
        other = await factory.user(inst, roles=roles, **scope)
        for action, body in (
            ("deactivate", None),
            ("activate", None),
            ("password", {"password": NEW_PASSWORD}),
        ):
            response = await client.post(f"/v1/users/{other.user.id}/{action}", json=body, headers=headers)
            assert response.status_code == 403, (roles, action)
        renamed = await client.patch(
            f"/v1/users/{other.user.id}", json={"full_name": "X"}, headers={**headers, **etag(other.user)}
        )
        assert renamed.status_code == 403, roles
    colleague = await factory.user(inst, "coordinator")
    for action, body in (("deactivate", None), ("activate", None), ("password", {"password": NEW_PASSWORD})):
        response = await client.post(f"/v1/users/{colleague.user.id}/{action}", json=body, headers=headers)
        assert response.status_code in (200, 204), (action, response.text)


async def test_another_institutions_users_stay_out_of_reach(client, factory):
    admin = await factory.user(await factory.institution("OPS"), "institution_admin")
    stranger = await factory.user(await factory.institution("NGO"), "caseworker")
    headers = factory.headers(admin)
    for action, body in (("deactivate", None), ("activate", None), ("password", {"password": NEW_PASSWORD})):
        response = await client.post(f"/v1/users/{stranger.user.id}/{action}", json=body, headers=headers)
        assert response.status_code == 404, action


@pytest.mark.parametrize("granting", ["caseworker", "coordinator", "analyst", "auditor"])
async def test_roles_that_grant_nothing_manage_no_accounts(client, factory, granting):
    inst = await factory.institution("WUP", teryt=OWN_SEAT)
    actor = await factory.user(inst, granting, **({"analyst_scope": "12"} if granting == "analyst" else {}))
    colleague = await factory.user(inst, "caseworker")
    headers = factory.headers(actor)
    for action, body in (("deactivate", None), ("activate", None), ("password", {"password": NEW_PASSWORD})):
        response = await client.post(f"/v1/users/{colleague.user.id}/{action}", json=body, headers=headers)
        assert response.status_code == 403, action


async def test_admins_reset_other_peoples_passwords_not_their_own(client, factory, sysadmin):
    admin = await factory.user(await factory.institution(), "institution_admin")
    for actor in (admin, sysadmin):
        response = await client.post(
            f"/v1/users/{actor.user.id}/password",
            json={"password": NEW_PASSWORD},
            headers=factory.headers(actor),
        )
        assert response.status_code == 403


async def test_a_role_change_is_audited_and_published_without_personal_data(client, factory, session):
    inst = await factory.institution("OPS")
    admin = await factory.user(inst, "institution_admin")
    staff = await factory.user(inst, "caseworker", full_name="Jan Kowalski")
    response = await client.patch(
        f"/v1/users/{staff.user.id}",
        json={"roles": ["caseworker", "coordinator"]},
        headers={**factory.headers(admin), **etag(staff.user)},
    )
    assert response.status_code == 200, response.text
    entry = (
        await session.scalars(select(DirectoryAudit).where(DirectoryAudit.target_id == str(staff.user.id)))
    ).one()
    assert entry.action == "user_roles_changed" and entry.actor_subject == str(admin.user.id)
    assert entry.actor_institution_id == inst.id and entry.target_institution_id == inst.id
    assert entry.before["roles"] == ["caseworker"] and entry.after["roles"] == ["caseworker", "coordinator"]
    assert entry.request_id == response.headers["x-request-id"]
    events = (
        (await session.execute(select(outbox_event).where(outbox_event.c.aggregate_id == str(staff.user.id))))
        .mappings()
        .all()
    )
    assert [e["type"] for e in events] == ["user.roles_changed"]
    payload = events[0]["payload"]
    assert payload == {
        "id": str(staff.user.id),
        "institution_id": str(inst.id),
        "roles": ["caseworker", "coordinator"],
        "analyst_scope": None,
    }
    assert staff.user.email not in str(payload) and "Kowalski" not in str(payload)


async def test_refused_grants_leave_no_trace(client, factory, session):
    admin = await factory.user(await factory.institution(), "institution_admin")
    before = await session.scalar(select(func.count()).select_from(DirectoryAudit))
    response = await client.post(
        "/v1/users", json=_body("auditor", OWN_SEAT, "x@example.org"), headers=factory.headers(admin)
    )
    assert response.status_code == 403
    assert await session.scalar(select(func.count()).select_from(DirectoryAudit)) == before
