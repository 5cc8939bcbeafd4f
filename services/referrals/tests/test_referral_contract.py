"""The published contract matches the code, and the API honours it: generated input
(schemathesis) and random walks through the workflow driven by the referral's allowed_actions."""

import random

import httpx
import pytest
import schemathesis

from splot.common.testing import (
    assert_contract_current,
    assert_errors_are_problem_documents,
    assert_event_contract_current,
    contract_callers,
    contract_settings,
    contract_tests_per_caller,
)
from splot.referrals.main import SERVICE_DIR

from conftest import STATUTORY, World

PAYLOADS = {
    "accept": {"planned_start_date": "2026-12-01"},
    "reject": {"reason_code": "not_eligible", "declined_by": "client", "text": "Osoba nie spełnia kryteriów"},
    "withdraw": {"reason_code": "client_declined", "text": "Osoba rezygnuje"},
    "start": {},
    "hold": {"text": "Przerwa"},
    "resume": {},
    "complete": {"outcome_codes": ["employed"], "delivered": "Zatrudnienie"},
    "fail": {"reason_code": "client_unreachable", "text": "Brak kontaktu"},
    "request_cancellation": {"text": "Proszę o anulowanie"},
    "confirm_cancellation": {},
    "cancel": {"reason_code": "client_declined"},
    "mark_in_error": {"text": "Omyłka"},
    "reopen": {"text": "Ponownie"},
    "acknowledge": {},
    "set_business_status": {"business_status": "interim_report"},
}
TARGET_STATUS = {
    "accept": "accepted",
    "reject": "rejected",
    "withdraw": "cancelled",
    "start": "in_progress",
    "hold": "on_hold",
    "resume": "in_progress",
    "complete": "completed",
    "fail": "failed",
    "confirm_cancellation": "cancelled",
    "cancel": "cancelled",
    "mark_in_error": "entered_in_error",
    "reopen": "requested",
}


CONTRACT = SERVICE_DIR.parents[1] / "openapi" / "referrals.json"


def test_committed_contract_matches_the_code(app):
    assert_contract_current(app, CONTRACT)


def test_committed_event_contract_matches_the_code(app):
    assert_event_contract_current("referrals", title=app.title, version=app.version)


def test_every_operation_declares_its_errors_as_problem_documents(app):
    assert_errors_are_problem_documents(app)


def test_state_changing_posts_that_call_peers_declare_503(app):
    paths = app.openapi()["paths"]
    for path in (
        "/v1/referrals",
        "/v1/referrals/{referral_id}/transitions",
        "/v1/referrals/{referral_id}/forward",
    ):
        assert "503" in paths[path]["post"]["responses"], path


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="session")
def fuzz_headers(committed_app, tokens):
    # A coordinator who is also the institution's administrator reaches every operation.
    institution = committed_app.state.peers.add_institution("PUP")
    return tokens.headers(
        roles=["coordinator", "institution_admin"],
        institution_id=institution,
        institution_type="PUP",
        lifetime=3600,
    )


@schema.parametrize()
@contract_settings(max_examples=10)
def test_api_honours_its_contract(case, fuzz_headers):
    case.call_and_validate(headers=fuzz_headers)


@pytest.fixture(scope="session")
def every_caller(committed_app, tokens):
    institution = committed_app.state.peers.add_institution("OPS")
    return contract_callers(
        tokens,
        institution_id=institution,
        institution_type="OPS",
        system_scope="referrals:read referrals:write webhooks:manage",
        service_scope="events:read",
    )


globals().update(contract_tests_per_caller(headers_fixture="every_caller"))


@pytest.fixture
async def walker(committed_app, tokens):
    transport = httpx.ASGITransport(app=committed_app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
        yield (
            client,
            World(committed_app.state.peers, tokens),
            schemathesis.openapi.from_dict(committed_app.openapi()),
        )


def _validate(contract, path: str, method: str, response: httpx.Response) -> None:
    contract[path][method].validate_response(response)


@pytest.mark.parametrize("seed", range(8))
async def test_random_walks_through_the_workflow_honour_the_table_and_the_contract(walker, seed):
    """Create and send a referral, then take random actions from ``allowed_actions`` (as either side),
    checking every answer against the contract; actions not offered must be refused."""
    client, world, contract = walker
    rng = random.Random(seed)
    peers = world.peers
    sides = {"sender": world.pup_co, "receiver": world.ops_co}
    body = {
        "person_id": str(world.person),
        "target_institution_id": str(world.ops),
        "service_type_code": "social_work",
        "legal_basis": STATUTORY,
        "send": rng.random() < 0.5,
    }
    created = await client.post("/v1/referrals", json=body, headers=world.headers(world.pup_cw))
    _validate(contract, "/v1/referrals", "POST", created)
    assert created.status_code == 201, created.text
    referral, etag = created.json(), created.headers["etag"]
    referral_id = referral["id"]
    peers.add_consent(world.person, world.ngo)
    for _ in range(10):
        side = rng.choice(list(sides))
        staff = sides[side]
        view = await client.get(f"/v1/referrals/{referral_id}", headers=world.headers(staff))
        _validate(contract, "/v1/referrals/{referral_id}", "GET", view)
        if view.status_code == 404:  # a receiver before the referral is sent
            assert referral["status"] == "draft" and side == "receiver"
            continue
        etag = view.headers["etag"]
        offered = {a["action"]: a for a in view.json()["allowed_actions"]}
        not_offered = sorted(set(PAYLOADS) - set(offered))
        if not_offered:
            refused_action = rng.choice(not_offered)
            refused = await client.post(
                f"/v1/referrals/{referral_id}/transitions",
                json={"action": refused_action, **PAYLOADS[refused_action]},
                headers=world.headers(staff, **{"If-Match": etag}),
            )
            _validate(contract, "/v1/referrals/{referral_id}/transitions", "POST", refused)
            assert refused.status_code in (403, 409), (refused_action, refused.text)
        if not offered:
            continue
        action = rng.choice(sorted(offered))
        if action == "discard":
            continue
        if action == "forward":
            response = await client.post(
                f"/v1/referrals/{referral_id}/forward",
                json={
                    "target_institution_id": str(world.ngo),
                    "service_type_code": "kis",
                    "legal_basis": {"kind": "consent"},
                },
                headers=world.headers(staff, **{"If-Match": etag}),
            )
            _validate(contract, "/v1/referrals/{referral_id}/forward", "POST", response)
            assert response.status_code == 201, response.text
            continue
        payload = dict(PAYLOADS.get(action, {}))
        if action == "assign":  # to a colleague other than the one assigned now
            current = view.json()["assignee_user_id"]
            colleague = world.ops_cw if current != str(world.ops_cw.user_id) else world.ops_cw2
            payload = {"assignee_user_id": str(colleague.user_id)}
        assert set(offered[action]["required_fields"]) <= set(payload)
        response = await client.post(
            f"/v1/referrals/{referral_id}/transitions",
            json={"action": action, **payload},
            headers=world.headers(staff, **{"If-Match": etag}),
        )
        _validate(contract, "/v1/referrals/{referral_id}/transitions", "POST", response)
        assert response.status_code == 200, (action, response.text)
        new = response.json()
        if action == "send":
            assert new["status"] == "requested"
        elif action in TARGET_STATUS:
            assert new["status"] == TARGET_STATUS[action]
        else:
            assert new["status"] == referral["status"]
        assert new["version"] == view.json()["version"] + 1
        referral = new
    chain = await client.get(f"/v1/referrals/{referral_id}/chain", headers=world.headers(world.pup_co))
    _validate(contract, "/v1/referrals/{referral_id}/chain", "GET", chain)
    events = await client.get(f"/v1/referrals/{referral_id}/events", headers=world.headers(world.pup_co))
    _validate(contract, "/v1/referrals/{referral_id}/events", "GET", events)
    for path in ("/v1/referrals/inbox", "/v1/referrals/outbox"):
        listing = await client.get(
            path, headers=world.headers(world.ops_co if "inbox" in path else world.pup_co)
        )
        _validate(contract, path, "GET", listing)
    outsider = await client.get(f"/v1/referrals/{referral_id}", headers=world.headers(world.other_co))
    assert outsider.status_code == 404
