"""The published contract matches the code, and the API honours it under generated input."""

import re
from pathlib import Path

import pytest
import schemathesis
from schemathesis import GenerationMode

from splot.common.testing import (
    assert_contract_current,
    assert_errors_are_problem_documents,
    contract_settings,
)
from splot.reporting.catalogue import DIMENSIONS, MEASURES
from splot.reporting.main import SERVICE_DIR

DOCS = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"


CONTRACT = SERVICE_DIR.parents[1] / "openapi" / "reporting.json"


def test_committed_contract_matches_the_code(app):
    assert_contract_current(app, CONTRACT)


def test_every_operation_declares_its_errors_as_problem_documents(app):
    assert_errors_are_problem_documents(app)


def test_every_published_name_is_documented():
    text = DOCS.read_text(encoding="utf-8")
    documented = set(re.findall(r"`([a-z0-9_]+)`", text))
    missing = (set(MEASURES) | set(DIMENSIONS)) - documented
    assert not missing, f"not documented in docs/indicators.md: {sorted(missing)}"


@pytest.fixture(scope="session")
def api_schema(committed_app):
    api = schemathesis.openapi.from_asgi("/openapi.json", committed_app)
    # The coverage phase's boundary and negative cases, for these wide query strings (20 filter
    # parameters, lists of measures), run only for the positive cases: the negative input rules are
    # the platform's and are covered by the directory's suite and test_scopes' validation cases.
    api.config.phases.coverage.generation.modes = [GenerationMode.POSITIVE]
    return api


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture(scope="session")
def analyst_headers(tokens):
    return tokens.headers(
        roles=["analyst"],
        analyst_scope="",
        institution_id="00000000-0000-4000-8000-000000000001",
        institution_type="MINISTRY",
        teryt="1465011",
        lifetime=3600,
    )


@schema.parametrize()
@contract_settings(max_examples=15)
def test_api_honours_its_contract(case, analyst_headers):
    case.call_and_validate(headers=analyst_headers)
