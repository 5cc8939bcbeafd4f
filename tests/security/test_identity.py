"""Attacks on identity: an institution admin granting itself or its staff more than it has, guessing
passwords in parallel, telling which logins exist, tokens outliving a deactivation or a sign-out,
and callers flooding the API."""

from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from blackbox import PASSWORD, Api, ok, problem

ADMIN = "pup.admin@splot.example"
SYSTEM_ADMIN = "admin@splot.example"


def _new_user(roles: list[str], **extra: object) -> dict:
    return {
        "email": f"sec-{uuid.uuid4().hex[:10]}@splot.example",
        "full_name": "Konto Testowe",
        "roles": roles,
        "password": PASSWORD,
        **extra,
    }


@pytest.mark.parametrize(
    ("roles", "extra"),
    [
        (["auditor"], {}),
        (["analyst"], {"analyst_scope": ""}),
        (["analyst"], {"analyst_scope": "12"}),
        (["system_admin"], {}),
        (["caseworker", "auditor"], {}),
    ],
)
def test_an_institution_admin_cannot_create_accounts_above_its_own(api: Api, roles, extra) -> None:
    admin = api.as_(ADMIN)
    problem(admin.post("/api/directory/v1/users", json=_new_user(roles, **extra)), 403)


def test_an_institution_admin_cannot_raise_itself_or_work_in_other_institutions(api: Api) -> None:
    admin = api.as_(ADMIN)
    me = admin.me()["user"]
    current = ok(admin.get(f"/api/directory/v1/users/{me['id']}"), raw=True)
    for roles in (
        ["institution_admin", "auditor"],
        ["institution_admin", "analyst"],
        ["institution_admin", "coordinator"],
    ):
        problem(
            admin.patch(
                f"/api/directory/v1/users/{me['id']}",
                json={"roles": roles},
                headers={"If-Match": current.headers["etag"]},
            ),
            403,
        )
    other = api.as_("ops.admin@splot.example").institution_id()
    problem(admin.post("/api/directory/v1/users", json=_new_user(["caseworker"], institution_id=other)), 403)
    # Nothing changed, and the national access log stays closed to it.
    assert admin.me()["roles"] == ["institution_admin"]
    problem(admin.get("/api/clients/v1/access-log"), 403)


def test_role_changes_are_audited_and_take_effect_on_the_next_token(api: Api) -> None:
    admin = api.as_(ADMIN)
    created = ok(admin.post("/api/directory/v1/users", json=_new_user(["caseworker"])), 201)
    worker = api.as_(created["email"], fresh=True)
    ok(worker.get("/api/clients/v1/persons"))
    etag = ok(admin.get(f"/api/directory/v1/users/{created['id']}"), raw=True).headers["etag"]
    ok(
        admin.patch(
            f"/api/directory/v1/users/{created['id']}",
            json={"roles": ["coordinator"]},
            headers={"If-Match": etag},
        )
    )
    audit = ok(
        api.as_("audytor@splot.example").get(
            "/api/directory/v1/audit-log", params={"target_id": created["id"]}
        )
    )
    assert [e["action"] for e in audit["items"]][:2] == ["user_roles_changed", "user_created"]
    # The token issued before the change stops working within the services' refresh interval.
    _eventually_refused(worker, "/api/clients/v1/persons")


def test_deactivation_and_sign_out_end_access_before_tokens_expire(api: Api) -> None:
    admin = api.as_(ADMIN)
    created = ok(admin.post("/api/directory/v1/users", json=_new_user(["caseworker"])), 201)
    worker = api.as_(created["email"], fresh=True)
    ok(worker.get("/api/referrals/v1/referrals/inbox"))
    ok(admin.post(f"/api/directory/v1/users/{created['id']}/deactivate"))
    _eventually_refused(worker, "/api/referrals/v1/referrals/inbox")
    _eventually_refused(worker, "/api/directory/v1/me")

    # Signing out ends that session's access token too (the refresh cookie names the session).
    session = api.http.__class__(base_url=api.base_url, timeout=30)
    try:
        signed_in = session.post(
            "/api/directory/v1/oauth/token",
            data={"grant_type": "password", "username": "mops@splot.example", "password": PASSWORD},
        )
        token = ok(signed_in)["access_token"]
        headers = {"Authorization": f"Bearer {token}"}
        ok(session.get("/api/clients/v1/persons", headers=headers))
        assert session.post("/api/directory/v1/oauth/logout").status_code == 204
        deadline = time.monotonic() + 15
        while session.get("/api/clients/v1/persons", headers=headers).status_code != 401:
            assert time.monotonic() < deadline, "a signed-out session's token still works"
            time.sleep(0.5)
    finally:
        session.close()


def _eventually_refused(who, path: str) -> None:
    deadline = time.monotonic() + 15
    while True:
        response = who.get(path)
        if response.status_code == 401:
            assert response.json()["code"] == "unauthenticated"
            return
        assert response.status_code == 200, response.text
        assert time.monotonic() < deadline, f"{path} still accepts a revoked token"
        time.sleep(0.5)


def test_parallel_guessing_gets_no_more_tries_and_unknown_logins_look_the_same(api: Api) -> None:
    def attempt(login: str) -> tuple[int, str]:
        response = api.sign_in(login, "definitely-wrong-" + uuid.uuid4().hex[:6])
        return response.status_code, response.json().get("code", "")

    with ThreadPoolExecutor(max_workers=12) as pool:
        existing = list(pool.map(attempt, ["wolni@splot.example"] * 12))
        unknown = list(pool.map(attempt, [f"nobody-{uuid.uuid4().hex[:6]}@splot.example"] * 12))
    for answers in (existing, unknown):
        counts = {status: sum(1 for s, _ in answers if s == status) for status, _ in answers}
        assert set(counts) <= {400, 429}, answers  # invalid_grant is a 400 (RFC 6749 §5.2)
        assert counts.get(400, 0) <= 5, counts  # the threshold, however parallel the guesses
        assert {code for s, code in answers if s == 429} <= {"too_many_attempts"}
    assert sorted(existing) == sorted(unknown)
    assert all(status != 423 for status, _ in existing)


def test_a_caller_flooding_the_api_is_slowed_down(api: Api) -> None:
    who = api.as_("cis@splot.example", fresh=True)
    statuses = []
    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(lambda _: who.get("/api/referrals/v1/reason-codes"), range(200)))
    limited = [r for r in statuses if r.status_code == 429]
    assert limited, "200 requests at once were all served"
    problem(limited[0], 429, "rate_limited")
    assert int(limited[0].headers["retry-after"]) >= 1
    served = next(r for r in statuses if r.status_code == 200)
    assert {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"} <= set(served.headers)
    # Another caller is not affected.
    ok(api.as_("dobryadres@splot.example").get("/api/referrals/v1/reason-codes"))
