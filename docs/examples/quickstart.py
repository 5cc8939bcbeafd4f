"""Splot in one sitting: the quick start of docs/integration.md.

Against `make run`'s demo (http://127.0.0.1:8000, or SPLOT_URL): the labour office's admin
registers an API client for its system, which registers a person idempotently and refers her to
the social assistance centre; the centre's system accepts and completes the referral; the labour
office reads the outcome. Needs httpx and python-stdnum (both in the repository's environment:
`python3 -m uv run python docs/examples/quickstart.py`)."""

from __future__ import annotations

import os
import uuid

import httpx
from stdnum.pl import pesel

BASE = os.environ.get("SPLOT_URL", "http://127.0.0.1:8000")
SCOPES = ["directory:read", "clients:read", "clients:write", "referrals:read", "referrals:write"]


def check(answer: httpx.Response) -> dict:
    """The body of a successful answer; otherwise stop with the problem document's code."""
    if answer.is_error:
        problem = answer.json()
        raise SystemExit(
            f"{answer.request.method} {answer.request.url}: {answer.status_code} {problem.get('code')}"
        )
    return answer.json()


def system_of(admin_login: str) -> httpx.Client:
    """Register an API client as the institution's admin; return an HTTP client with its token."""
    form = {"grant_type": "password", "username": admin_login, "password": "Splot-demo-2026"}
    admin = check(httpx.post(f"{BASE}/api/directory/v1/oauth/token", data=form))["access_token"]
    client = check(
        httpx.post(
            f"{BASE}/api/directory/v1/api-clients",
            headers={"Authorization": f"Bearer {admin}"},
            json={"name": f"Quick start ({admin_login})", "scopes": SCOPES},
        )
    )
    form = {
        "grant_type": "client_credentials",
        "client_id": client["client_id"],
        "client_secret": client["client_secret"],
    }
    token = check(httpx.post(f"{BASE}/api/directory/v1/oauth/token", data=form))["access_token"]
    return httpx.Client(base_url=BASE, headers={"Authorization": f"Bearer {token}"}, timeout=30)


def main() -> None:
    pup, ops = system_of("pup.admin@splot.example"), system_of("ops.admin@splot.example")
    ops_id = next(
        i["id"]
        for i in check(pup.get("/api/directory/v1/institutions", params={"q": "Wieliczce"}))["items"]
        if i["type"] == "OPS"
    )
    digits = f"9102{uuid.uuid4().int % 28 + 1:02d}{uuid.uuid4().int % 10_000:04d}"
    person = {
        "pesel": digits + str(pesel.calc_check_digit(digits)),
        "first_name": "Ewa",
        "last_name": "Startowa",
    }
    key = {"Idempotency-Key": str(uuid.uuid4())}
    person_id = check(pup.post("/api/clients/v1/persons", json=person, headers=key))["id"]
    assert (
        check(pup.post("/api/clients/v1/persons", json=person, headers=key))["id"] == person_id
    )  # a safe retry
    print("person registered:", person_id)

    referral = check(
        pup.post(
            "/api/referrals/v1/referrals",
            json={
                "person_id": person_id,
                "target_institution_id": ops_id,
                "service_type_code": "social_work",
                "needs_description": "Wsparcie socjalne.",
                "legal_basis": {"kind": "statutory", "code": "rp_pup_referral_to_social_services"},
                "send": True,
            },
        )
    )
    print("referral sent:", referral["number"], referral["status"])

    for action, details in (
        ("accept", {}),
        ("start", {}),
        ("complete", {"outcome_codes": ["goals_met"], "delivered": "Praca socjalna."}),
    ):
        etag = ops.get(f"/api/referrals/v1/referrals/{referral['id']}").headers["ETag"]
        answer = ops.post(
            f"/api/referrals/v1/referrals/{referral['id']}/transitions",
            json={"action": action, **details},
            headers={"If-Match": etag},
        )
        print(f"the centre: {action} ->", check(answer)["status"])

    outcome = check(pup.get(f"/api/referrals/v1/referrals/{referral['id']}"))
    print("the labour office sees:", outcome["status"], outcome["outcome_codes"])


if __name__ == "__main__":
    main()
