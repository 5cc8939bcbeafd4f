"""Input a client can send must never be a 500: control characters, malformed cursors, races,
odd filters; exports never turn text into formulas; Idempotency-Key replays exactly."""

from __future__ import annotations

import base64
import csv
import io
import json
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest
from openpyxl import load_workbook

from blackbox import Api, ok, problem

PUP = "pup@splot.example"
ANALYST = "analityk@splot.example"


def _cursor(values: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "path",
    [
        "/api/clients/v1/persons",
        "/api/referrals/v1/referrals/inbox",
        "/api/referrals/v1/referrals/outbox",
        "/api/directory/v1/institutions",
        "/api/directory/v1/agreements",
        "/api/directory/v1/offers",
        "/api/referrals/v1/notifications",
    ],
)
def test_malformed_cursors_are_422_on_every_list(api: Api, path: str) -> None:
    who = api.as_(PUP)
    for cursor in (
        "%%%",
        _cursor(["a", "b", "c", "d", "e"]),
        _cursor([{"t": "not a time"}, {"u": "x"}]),
        _cursor([1, 2]),
        _cursor([{"u": str(uuid.uuid4())}, {"t": "2026-01-01T00:00:00+00:00"}]),
        _cursor({"a": 1}),
    ):
        problem(who.get(path, params={"cursor": cursor}), 422, "invalid_cursor")


def test_agreements_page_on_with_dates_in_their_cursor(api: Api) -> None:
    who = api.as_(PUP)
    first = ok(who.get("/api/directory/v1/agreements", params={"limit": 1}))
    assert first["next_cursor"], "the demo has more than one agreement"
    second = ok(who.get("/api/directory/v1/agreements", params={"limit": 1, "cursor": first["next_cursor"]}))
    assert second["items"] and second["items"][0]["id"] != first["items"][0]["id"]


def test_nul_and_control_characters_are_refused_everywhere(api: Api) -> None:
    who = api.as_(PUP)
    problem(
        who.post(
            "/api/clients/v1/persons",
            json={"first_name": "An\u0000na", "last_name": "X", "birth_date": "1990-01-01", "sex": "F"},
        ),
        422,
    )
    problem(who.get("/api/clients/v1/persons", params={"q": "Ann\u0000a"}), 422, "control_character")
    token = api.http.post(
        "/api/directory/v1/oauth/token",
        content=b"grant_type=password&username=pup%00@splot.example&password=x",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    problem(token, 422, "control_character")
    analyst = api.as_(ANALYST)
    for title in ("Raport\u0001", "Raport\u0000", "Dwie\nlinie"):
        problem(analyst.post("/api/reporting/v1/editions", json={"title": title, "period": "2024"}), 422)


def test_staff_filters_on_indicators_are_answers_not_errors(api: Api) -> None:
    who = api.as_("pup.koordynator@splot.example")
    for name in ("flows", "timeliness", "responses", "outcomes", "closed-loop"):
        for dimension, value in (("sex", "F"), ("age_band", "25-34")):
            response = who.get(
                f"/api/reporting/v1/indicators/{name}", params={"granularity": "year", dimension: value}
            )
            if response.status_code != 200:  # an unpublished combination is refused, never a 500
                problem(response, 422, "unpublished_combination")


def test_exported_text_never_becomes_a_formula(api: Api) -> None:
    analyst = api.as_(ANALYST)
    title = '=HYPERLINK("https://evil.example","kliknij")'
    edition = ok(analyst.post("/api/reporting/v1/editions", json={"title": title, "period": "2023"}), 201)
    export = f"/api/reporting/v1/editions/{edition['id']}/versions/1/export"
    csv_text = ok(analyst.get(export, params={"format": "csv"}), raw=True).text
    cells = [cell for row in csv.reader(io.StringIO(csv_text)) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "@"))]
    assert any(c.startswith("'=HYPERLINK") for c in cells)
    xlsx = ok(analyst.get(export, params={"format": "xlsx"}), raw=True).content
    workbook = load_workbook(io.BytesIO(xlsx))
    values = [c.value for ws in workbook for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert not [v for v in values if v.startswith(("=", "+", "@"))]
    assert any(v.startswith("'=HYPERLINK") for v in values)


def test_a_burst_of_sign_ins_is_served(api: Api) -> None:
    """Thirty people signing in at once (the morning peak of one office) on the embedded SQLite."""
    users = [
        "ops@splot.example",
        "gup@splot.example",
        "mops@splot.example",
        "dobryadres@splot.example",
        "cus@splot.example",
    ]
    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(lambda i: api.sign_in(users[i % len(users)]).status_code, range(30)))
    assert statuses == [200] * 30


def test_idempotency_keys_replay_exactly_and_only_the_same_request(api: Api) -> None:
    who = api.as_("pup@splot.example")
    key = {"Idempotency-Key": f"sec-{uuid.uuid4().hex}"}
    body = {
        "first_name": "Jan",
        "last_name": "Idem" + uuid.uuid4().hex[:4],
        "birth_date": "1980-02-02",
        "sex": "M",
    }
    first = who.post("/api/clients/v1/persons", json=body, headers=key)
    again = who.post("/api/clients/v1/persons", json=body, headers=key)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"] and again.headers["idempotent-replayed"] == "true"
    other_query = who.post(
        "/api/clients/v1/imports?dry_run=true", json={"rows": [{"external_id": "I-1", **body}]}, headers=key
    )
    problem(other_query, 422, "idempotency_key_reused")


def test_capacity_counts_are_numbers_not_booleans(api: Api) -> None:
    admin = api.as_("ops.admin@splot.example")
    offers = ok(admin.get("/api/directory/v1/offers", params={"institution_id": admin.institution_id()}))[
        "items"
    ]
    offer = offers[0]
    for value in (False, True, "5"):
        problem(
            admin.put(
                f"/api/directory/v1/offers/{offer['id']}/capacity",
                json={"capacity_available": 1, "capacity_max": value},
            ),
            422,
        )
