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

CONTRACT = Path(__file__).resolve().parents[3] / "openapi" / "directory.json"


def test_committed_contract_matches_the_code(app):
    assert_contract_current(app, CONTRACT)


def test_committed_event_contract_matches_the_code(app):
    assert_event_contract_current("directory", title=app.title, version=app.version)


def test_every_operation_declares_its_errors_as_problem_documents(app):
    assert_errors_are_problem_documents(app, public=("/.well-known/jwks.json",))


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="session")
def admin_headers(tokens):
    # A system administrator can reach every operation; a fresh token per session is enough.
    return tokens.headers(
        roles=["system_admin"],
        institution_id="00000000-0000-4000-8000-000000000001",
        institution_type="MINISTRY",
        teryt="1465011",
        lifetime=3600,
    )


@schema.parametrize()
@contract_settings(max_examples=25)
def test_api_honours_its_contract(case, admin_headers):
    case.call_and_validate(headers=admin_headers)


@pytest.fixture(scope="session")
def every_caller(tokens):
    return contract_callers(
        tokens,
        institution_id="00000000-0000-4000-8000-000000000002",
        institution_type="OPS",
        system_scope="directory:read offers:write",
        service_scope="directory:read events:read",
    )


globals().update(contract_tests_per_caller(headers_fixture="every_caller"))
