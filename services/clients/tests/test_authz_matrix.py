"""Authorisation matrix: every endpoint, called about someone else's person by a user of an
unrelated institution, by an analyst and by an auditor. Nothing may leak, not even existence."""

import uuid
from dataclasses import dataclass, field

import pytest

from casework_matrix import CASEWORK_MATRIX, CASEWORK_STRANGER_EXCEPTIONS, casework_ids
from conftest import PESEL_ANNA

SECRET_MARKERS = ("Kowalska", PESEL_ANNA, "600 100 200", "Zmyślona")


@dataclass
class Scenario:
    person_id: str
    consent_id: str
    import_id: str
    grant_referral: str
    owner_institution: str
    merge_id: str
    request_id: str
    casework: dict[str, str] = field(default_factory=dict)


@pytest.fixture
async def scenario(world) -> Scenario:
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    person = await world.person(pup)
    pid = person["id"]
    put = await world.client.put(
        f"/v1/persons/{pid}/attributes/disability_degree", json={"value": "mild"}, headers=world.headers(pup)
    )
    assert put.status_code == 201
    consent = await world.client.post(
        f"/v1/persons/{pid}/consents",
        json={"purpose": "referral", "recipient_institution_type": "NGO", "evidence_reference": "Z/1"},
        headers=world.headers(pup),
    )
    grant = await world.grant(pid, ngo)
    job = await world.client.post(
        "/v1/imports",
        content=b"external_id;first_name;last_name;birth_date;sex\nE-1;Ewa;Lis;1990-01-01;F\n",
        headers={**world.headers(pup, "coordinator"), "Content-Type": "text/csv"},
    )
    assert job.status_code == 202
    duplicate = await world.person(
        pup,
        pesel=None,
        birth_date="1985-03-14",
        sex="F",
        first_name="Anna",
        last_name="Kowalska",
        override_reason="walk-in without documents, merge later",
    )
    merge = await world.client.post(
        "/v1/persons/merges",
        json={"survivor_id": pid, "merged_id": duplicate["id"], "reason": "same person, PESEL checked"},
        headers=world.headers(pup, "coordinator"),
    )
    assert merge.status_code == 201, merge.text
    request_id = await _access_request(world)
    return Scenario(
        pid,
        consent.json()["id"],
        job.json()["id"],
        grant["referral_id"],
        str(pup.id),
        merge.json()["merge"]["id"],
        request_id,
        await casework_ids(world, pid, pup),
    )


async def _access_request(world) -> str:
    """A CUS asks for access to Anna (found as a near-duplicate)."""
    cus = world.inst("CUS")
    refused = await world.client.post(
        "/v1/persons",
        json={"first_name": "Anna", "last_name": "Kowalska", "birth_date": "1985-03-14", "sex": "F"},
        headers=world.headers(cus),
    )
    assert refused.status_code == 409, refused.text
    asked = await world.client.post(
        "/v1/access-requests",
        json={"candidate_id": refused.json()["hidden_candidates"][0]["candidate_id"], "reason": REASON},
        headers=world.headers(cus),
    )
    assert asked.status_code == 201, asked.text
    return str(asked.json()["id"])


REASON = "I just want to have a look at this file"
# (method, route template) -> request arguments built from the scenario.
MATRIX = {
    ("GET", "/v1/persons"): lambda s: {},
    ("POST", "/v1/persons"): lambda s: {
        "json": {"pesel": PESEL_ANNA, "first_name": "Anna", "last_name": "K"}
    },
    ("POST", "/v1/persons/match"): lambda s: {
        "json": {"first_name": "Anna", "last_name": "Kowalska", "birth_date": "1985-03-14"}
    },
    ("POST", "/v1/persons/lookup"): lambda s: {"json": {"pesel": PESEL_ANNA}},
    ("POST", "/v1/persons/merges"): lambda s: {
        "json": {"survivor_id": s.person_id, "merged_id": str(uuid.uuid4()), "reason": REASON}
    },
    ("GET", "/v1/persons/merges/{merge_id}"): lambda s: {},
    ("POST", "/v1/persons/merges/{merge_id}/undo"): lambda s: {"json": {"reason": REASON}},
    ("GET", "/v1/persons/{person_id}/merges"): lambda s: {},
    ("GET", "/v1/persons/{person_id}"): lambda s: {},
    ("PATCH", "/v1/persons/{person_id}"): lambda s: {"json": {"city": "X"}, "headers": {"If-Match": "*"}},
    ("POST", "/v1/persons/{person_id}/registrations"): lambda s: {
        "json": {"pesel": "44051401359", "reason": REASON}
    },
    ("GET", "/v1/persons/{person_id}/access-report"): lambda s: {},
    ("GET", "/v1/attribute-definitions"): lambda s: {},
    ("GET", "/v1/persons/{person_id}/attributes"): lambda s: {},
    ("GET", "/v1/persons/{person_id}/attribute-history"): lambda s: {},
    ("PUT", "/v1/persons/{person_id}/attributes/{code}"): lambda s: {"json": {"value": "mild"}},
    ("DELETE", "/v1/persons/{person_id}/attributes/{code}"): lambda s: {"headers": {"If-Match": "*"}},
    ("GET", "/v1/persons/{person_id}/consents"): lambda s: {},
    ("POST", "/v1/persons/{person_id}/consents"): lambda s: {
        "json": {"purpose": "referral", "recipient_institution_type": "NGO", "evidence_reference": "Z/2"}
    },
    ("GET", "/v1/consents/{consent_id}"): lambda s: {},
    ("POST", "/v1/consents/{consent_id}/withdraw"): lambda s: {"json": {}},
    ("GET", "/v1/persons/{person_id}/access-grants"): lambda s: {},
    ("POST", "/v1/persons/{person_id}/break-glass"): lambda s: {"json": {"reason": REASON}},
    ("GET", "/v1/break-glass"): lambda s: {"params": {"person_id": s.person_id}},
    ("GET", "/v1/access-log"): lambda s: {"params": {"person_id": s.person_id}},
    ("GET", "/v1/access-log/export"): lambda s: {"params": {"person_id": s.person_id}},
    ("POST", "/v1/imports"): lambda s: {
        "content": b"external_id;first_name;last_name;birth_date;sex\nZ-1;Ola;Kot;1991-01-01;F\n",
        "headers": {"Content-Type": "text/csv"},
    },
    ("GET", "/v1/imports"): lambda s: {},
    ("GET", "/v1/imports/{import_id}"): lambda s: {},
    ("GET", "/v1/imports/{import_id}/rows"): lambda s: {},
    ("GET", "/v1/imports/{import_id}/rejected.csv"): lambda s: {},
    ("GET", "/v1/imports/template"): lambda s: {},
    ("POST", "/v1/internal/referral-checks"): lambda s: {
        "json": {
            "person_id": s.person_id,
            "sender_institution_id": s.owner_institution,
            "target_institution_id": str(uuid.uuid4()),
            "target_institution_type": "NGO",
            "service_type_code": "kis",
            "sensitive": False,
            "legal_basis": "statutory",
        }
    },
    ("POST", "/v1/internal/access-grants"): lambda s: {
        "json": {
            "person_id": s.person_id,
            "institution_id": str(uuid.uuid4()),
            "referral_id": str(uuid.uuid4()),
            "sender_institution_id": s.owner_institution,
            "service_type_code": "kis",
            "legal_basis": "statutory",
            "accepted": True,
            "covers_sensitive": True,
        }
    },
    ("GET", "/v1/internal/persons/{person_id}/summary"): lambda s: {},
    ("POST", "/v1/access-requests"): lambda s: {"json": {"candidate_id": "x" * 40, "reason": REASON}},
    ("GET", "/v1/access-requests"): lambda s: {"params": {"box": "incoming"}},
    ("GET", "/v1/access-requests/counts"): lambda s: {},
    ("POST", "/v1/access-requests/{request_id}/approve"): lambda s: {"json": {}},
    ("POST", "/v1/access-requests/{request_id}/decline"): lambda s: {"json": {"reason": REASON}},
}

#: Answers other than 403/404 that are right for a stranger, and what must hold for them.
STRANGER_EXCEPTIONS = {
    ("GET", "/v1/persons"): (200, lambda b: b["items"] == []),
    ("POST", "/v1/persons"): (409, lambda b: b["candidates"] == []),
    ("POST", "/v1/persons/match"): (200, lambda b: b["candidates"] == []),
    # By design: the minimum to avoid a duplicate (id, initials, birth year).
    ("POST", "/v1/persons/lookup"): (
        200,
        lambda b: (
            b["items"][0] == {**b["items"][0], "visible": False}
            and set(b["items"][0]) == {"id", "initials", "birth_year", "visible"}
        ),
    ),
    ("GET", "/v1/attribute-definitions"): (200, lambda b: len(b["items"]) > 5),
    ("GET", "/v1/break-glass"): (200, lambda b: b["items"] == []),
    ("POST", "/v1/imports"): (202, lambda b: b["counts"]["created"] == 1),
    ("GET", "/v1/imports"): (200, lambda b: b["items"] == []),
    # The columns and a made-up example row: nothing about anyone.
    ("GET", "/v1/imports/template"): (200, lambda b: b["columns"][0]["name"] == "external_id"),
    # An opaque candidate id that is not the caller's: refused without a hint.
    ("POST", "/v1/access-requests"): (422, lambda b: b["code"] == "candidate_unknown"),
    ("GET", "/v1/access-requests"): (200, lambda b: b["items"] == []),
    ("GET", "/v1/access-requests/counts"): (
        200,
        lambda b: b == {"incoming_pending": 0, "outgoing_pending": 0},
    ),
}
MATRIX.update(CASEWORK_MATRIX)
STRANGER_EXCEPTIONS.update(CASEWORK_STRANGER_EXCEPTIONS)
#: Catalogues, no person's data: every signed-in caller reads them.
CATALOGUES = {
    ("GET", "/v1/attribute-definitions"),
    ("GET", "/v1/problem-areas"),
    ("GET", "/v1/plan-types"),
}
AUDITOR_ALLOWED = CATALOGUES | {
    ("GET", "/v1/access-log"),
    ("GET", "/v1/access-log/export"),
    ("GET", "/v1/persons/{person_id}/access-report"),
    ("GET", "/v1/break-glass"),
}


def _url(template: str, s: Scenario) -> str:
    return template.format(
        person_id=s.person_id,
        consent_id=s.consent_id,
        import_id=s.import_id,
        code="disability_degree",
        merge_id=s.merge_id,
        request_id=s.request_id,
        **s.casework,
    )


def test_the_matrix_covers_every_endpoint(app):
    routes = {
        (method.upper(), path)
        for path, operations in app.openapi()["paths"].items()
        if path.startswith("/v1/") and path != "/v1/events"
        for method in operations
    }
    assert routes == set(MATRIX)


async def _call(world, key, scenario, headers):
    method, template = key
    kwargs = MATRIX[key](scenario)
    extra = kwargs.pop("headers", {})
    return await world.client.request(
        method, _url(template, scenario), headers={**headers, **extra}, **kwargs
    )


def _no_secrets(response):
    for marker in SECRET_MARKERS:
        assert marker not in response.text, marker


def _mentions(response, person_id: str) -> bool:
    """Whether the answer names the person (the problem's ``instance`` echoes the caller's URL)."""
    try:
        body = response.json()
    except ValueError:
        return person_id in response.text
    if isinstance(body, dict):
        body = {k: v for k, v in body.items() if k != "instance"}
    return person_id in str(body)


def _stranger_failures(key, response, scenario, role) -> str | None:
    if key in STRANGER_EXCEPTIONS and not (key == ("POST", "/v1/imports") and role == "caseworker"):
        status, check = STRANGER_EXCEPTIONS[key]
        if response.status_code != status or not check(response.json()):
            return f"{response.status_code} {response.text[:200]}"
        if _mentions(response, scenario.person_id) and key != ("POST", "/v1/persons/lookup"):
            return "names the person"
        return None
    if response.status_code not in (403, 404):
        return f"{response.status_code} {response.text[:200]}"
    if _mentions(response, scenario.person_id):
        return "names the person"
    return None


@pytest.mark.parametrize("role", ["caseworker", "coordinator"])
async def test_unrelated_institution_learns_nothing(world, scenario, role):
    stranger = world.headers(world.inst("OPS", "1261011"), role)
    failures = {}
    for key in sorted(MATRIX):
        if key == ("POST", "/v1/persons/{person_id}/break-glass") and role == "coordinator":
            continue  # break-glass by a coordinator is the audited exception (see test_access)
        response = await _call(world, key, scenario, stranger)
        _no_secrets(response)
        problem = _stranger_failures(key, response, scenario, role)
        if problem:
            failures[key] = problem
    assert failures == {}


async def test_analysts_see_no_person_level_data(world, scenario):
    failures = {}
    for key in sorted(MATRIX):
        response = await _call(world, key, scenario, world.role("analyst"))
        _no_secrets(response)
        expected = 200 if key in CATALOGUES else 403
        if response.status_code != expected:
            failures[key] = f"{response.status_code} {response.text[:200]}"
    assert failures == {}


async def test_auditors_see_only_the_audit_trail(world, scenario):
    failures = {}
    for key in sorted(MATRIX):
        response = await _call(world, key, scenario, world.role("auditor"))
        expected = 200 if key in AUDITOR_ALLOWED else 403
        _no_secrets(response)
        if response.status_code != expected:
            failures[key] = f"{response.status_code} {response.text[:200]}"
    assert failures == {}
