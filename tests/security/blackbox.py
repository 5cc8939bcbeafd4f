"""A thin HTTP client for the black-box suite: demo users signed in through the token endpoint,
requests to ``/api/<service>/…`` of the embedded server, and shortcuts for the data the attacks
need (a person of one institution, a referral between two)."""

from __future__ import annotations

import base64
import json
import random
import uuid
from datetime import date, timedelta
from typing import Any

import httpx

PASSWORD = "Splot-demo-2026"


def pesel(birth: date | None = None, sex: str = "F") -> str:
    """A valid PESEL nobody has (random serial), computed here from the published algorithm."""
    birth = birth or date(1970, 1, 1) + timedelta(days=random.randrange(15000))  # noqa: S311
    month = birth.month + {18: 80, 19: 0, 20: 20}[birth.year // 100]
    serial = random.randrange(1000)  # noqa: S311
    sex_digit = random.choice([0, 2, 4, 6, 8] if sex == "F" else [1, 3, 5, 7, 9])  # noqa: S311
    digits = f"{birth.year % 100:02d}{month:02d}{birth.day:02d}{serial:03d}{sex_digit}"
    weights = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)
    check = (10 - sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 10) % 10
    return digits + str(check)


def statutory_code(sender: As) -> str:
    """A provision of the legal-basis catalogue the sender's institution type may cite for the
    social-assistance services these tests refer to (the token's ``inst_type``)."""
    claims = json.loads(base64.urlsafe_b64decode(sender.token.split(".")[1] + "=="))
    return (
        "rp_pup_referral_to_social_services" if claims.get("inst_type") == "PUP" else "ups_social_assistance"
    )


class As:
    """Requests on behalf of one signed-in user."""

    def __init__(self, api: Api, email: str, token: str) -> None:
        self.api = api
        self.email = email
        self.token = token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def request(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        headers = {**self.headers, **kwargs.pop("headers", {})}
        return self.api.http.request(method, path, headers=headers, **kwargs)

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("POST", path, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PATCH", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.request("PUT", path, **kwargs)

    def me(self) -> dict[str, Any]:
        return ok(self.get("/api/directory/v1/me"))

    def institution_id(self) -> str:
        return self.me()["institution"]["id"]


class Api:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        # Idle connections are dropped before the server's 5 s keep-alive ends: reusing one the
        # server is closing at that instant fails the request (seen under load, not a server fault).
        self.http = httpx.Client(base_url=base_url, timeout=30, limits=httpx.Limits(keepalive_expiry=2.0))
        self._users: dict[str, As] = {}

    def __enter__(self) -> Api:
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.close()

    def sign_in(self, email: str, password: str = PASSWORD) -> httpx.Response:
        return self.http.post(
            "/api/directory/v1/oauth/token",
            data={"grant_type": "password", "username": email, "password": password},
        )

    def as_(self, email: str, password: str = PASSWORD, *, fresh: bool = False) -> As:
        """A user signed in (once per session unless ``fresh``)."""
        if fresh or email not in self._users:
            token = ok(self.sign_in(email, password))["access_token"]
            self._users[email] = As(self, email, token)
        return self._users[email]

    def person(self, who: As, **overrides: Any) -> dict[str, Any]:
        body = {
            "pesel": pesel(),
            "first_name": "Anna",
            "last_name": "Testowa-" + uuid.uuid4().hex[:6],
            "gmina": "1219053",
            "phone": "+48 600 700 800",
            "preferred_contact": "phone",
            **overrides,
        }
        return ok(
            who.post("/api/clients/v1/persons", json={k: v for k, v in body.items() if v is not None}), 201
        )

    def refer(self, sender: As, person_id: str, target_id: str, service: str, **extra: Any) -> httpx.Response:
        body = {
            "person_id": person_id,
            "target_institution_id": target_id,
            "service_type_code": service,
            "priority": "routine",
            "needs_description": "Wsparcie",
            "legal_basis": {"kind": "statutory", "code": statutory_code(sender)},
            "send": True,
            **extra,
        }
        return sender.post("/api/referrals/v1/referrals", json=body)

    def transition(self, who: As, referral_id: str, action: str, **payload: Any) -> httpx.Response:
        current = ok(who.get(f"/api/referrals/v1/referrals/{referral_id}"), 200, raw=True)
        return who.post(
            f"/api/referrals/v1/referrals/{referral_id}/transitions",
            json={"action": action, **payload},
            headers={"If-Match": current.headers["etag"]},
        )


def ok(response: httpx.Response, status: int = 200, *, raw: bool = False) -> Any:
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    if raw:
        return response
    return response.json() if response.content else {}


def problem(response: httpx.Response, status: int, code: str | None = None) -> dict[str, Any]:
    """The answer is the problem document expected (never a 500, never another shape)."""
    assert response.status_code == status, (
        f"{response.request.method} {response.request.url}: {response.text}"
    )
    assert response.headers["content-type"].startswith("application/problem+json"), response.headers
    body = response.json()
    if code is not None:
        assert body["code"] == code, body
    return body
