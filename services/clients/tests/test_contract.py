"""The published contract matches the code, and the API honours it under generated input."""

from pathlib import Path

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

CONTRACT = Path(__file__).resolve().parents[3] / "openapi" / "clients.json"


def test_committed_contract_matches_the_code(app):
    assert_contract_current(app, CONTRACT)


def test_committed_event_contract_matches_the_code(app):
    assert_event_contract_current("clients", title=app.title, version=app.version)


def test_every_operation_declares_its_errors_as_problem_documents(app):
    assert_errors_are_problem_documents(app)


def test_internal_endpoints_match_the_referrals_contract(app):
    paths = app.openapi()["paths"]
    schemas = app.openapi()["components"]["schemas"]
    assert set(paths["/v1/internal/referral-checks"]) == {"post"}
    assert set(paths["/v1/internal/access-grants"]) == {"post"}
    assert "/v1/internal/access-grants/revoke" not in paths
    assert set(paths["/v1/internal/persons/{person_id}/summary"]) == {"get"}
    assert set(schemas["ReferralCheckRequest"]["properties"]) == {
        "person_id",
        "sender_institution_id",
        "target_institution_id",
        "target_institution_type",
        "service_type_code",
        "sensitive",
        "legal_basis",
        "consent_id",
    }
    assert set(schemas["ReferralCheckResult"]["properties"]) == {"allowed", "code", "detail", "consent_id"}
    assert set(schemas["GrantCreate"]["properties"]) == {
        "person_id",
        "institution_id",
        "referral_id",
        "sender_institution_id",
        "service_type_code",
        "legal_basis",
        "consent_id",
        "covers_sensitive",
        "accepted",
        "active",
        "retention_days",
        "version",
    }
    assert {"id", "person_id", "institution_id", "referral_id", "active", "expires_at"} <= set(
        schemas["GrantRead"]["properties"]
    )
    assert set(schemas["PersonInternalSummary"]["properties"]) == {
        "id",
        "birth_year",
        "sex",
        "gmina",
        "status",
        "merged_into",
    }


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="session")
def coordinator_headers(tokens):
    # A coordinator reaches every front-line operation; internal ones answer 403 (documented).
    return tokens.headers(
        roles=["coordinator"],
        institution_id="00000000-0000-4000-8000-000000000002",
        institution_type="OPS",
        teryt="1219",
        lifetime=3600,
    )


@schema.parametrize()
@contract_settings(max_examples=20)
def test_api_honours_its_contract(case, coordinator_headers):
    case.call_and_validate(headers=coordinator_headers)


@pytest.fixture(scope="session")
def every_caller(tokens):
    return contract_callers(
        tokens,
        institution_id="00000000-0000-4000-8000-000000000002",
        institution_type="OPS",
        system_scope="clients:read clients:write",
        service_scope="clients:internal events:read",
    )


globals().update(contract_tests_per_caller(headers_fixture="every_caller"))
