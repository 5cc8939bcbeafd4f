"""The published contract matches the code, and the API honours it under generated input."""

import re
import uuid
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

from sample import Institution, fixed_dataset, ingest

DOCS = Path(__file__).resolve().parents[3] / "docs" / "indicators.md"


CONTRACT = SERVICE_DIR.parents[1] / "openapi" / "reporting.json"
MINISTRY = Institution(
    uuid.UUID("00000000-0000-4000-8000-000000000001"), "MINISTRY", "1465011", "Ministerstwo"
)


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


#: Every kind of caller, each with its own token: the same generated requests take different paths
#: (territorial cubes, an institution's own facts, 403s) depending on who asks.
def _callers(tokens, inst) -> dict[str, dict[str, str]]:
    pup, ministry = inst["PUP_W"], MINISTRY

    def staff(role: str, institution=pup) -> dict[str, str]:
        return tokens.headers(
            roles=[role],
            institution_id=institution.id,
            institution_type=institution.type,
            teryt=institution.teryt,
            lifetime=3600,
        )

    def analyst(scope: str) -> dict[str, str]:
        return tokens.headers(
            roles=["analyst"],
            analyst_scope=scope,
            institution_id=ministry.id,
            institution_type="MINISTRY",
            teryt=ministry.teryt,
            lifetime=3600,
        )

    return {
        "caseworker": staff("caseworker"),
        "coordinator": staff("coordinator", inst["NGO_W"]),
        "institution_admin": staff("institution_admin", inst["OPS_W"]),
        "analyst_national": analyst(""),
        "analyst_voivodeship": analyst("12"),
        "analyst_powiat": analyst("1219"),
        "auditor": staff("auditor", ministry),
        "system_admin": staff("system_admin", ministry),
        "institution_system": tokens.headers(
            ptype="client",
            roles=(),
            scope="reporting:read",
            institution_id=inst["PUP_K"].id,
            institution_type="PUP",
            teryt=inst["PUP_K"].teryt,
            lifetime=3600,
        ),
        "splot_service": tokens.service_headers("referrals", "events:read"),
    }


CALLERS = (
    "analyst_national",
    "caseworker",
    "coordinator",
    "institution_admin",
    "analyst_voivodeship",
    "analyst_powiat",
    "auditor",
    "system_admin",
    "institution_system",
    "splot_service",
)


@pytest.fixture(scope="session")
async def committed_dataset(committed_app):
    """The hand-computed dataset in the committed database, so that generated requests reach real
    rows (cubes, an institution's facts, suppression) rather than an empty store."""
    data = fixed_dataset()
    await ingest(committed_app.state.sessionmaker, data.feeds, committed_app.state.settings)
    return data


@pytest.fixture(scope="session")
def caller_tokens(tokens, committed_dataset) -> dict[str, dict[str, str]]:
    return _callers(tokens, {**committed_dataset.inst, "MINISTRY": MINISTRY})


def _honours_its_contract_as(caller: str):
    # One test per caller (schemathesis' lazy schema takes no pytest parametrisation), with few
    # examples each. Requests without a token answer the same whoever the caller is: that check
    # (ignored_auth) runs with the first caller only.
    excluded = [] if caller == CALLERS[0] else [schemathesis.checks.ignored_auth]

    @schema.parametrize()
    @contract_settings(max_examples=3)
    def test(case, caller_tokens):
        case.call_and_validate(headers=caller_tokens[caller], excluded_checks=excluded)

    test.__name__ = test.__qualname__ = f"test_api_honours_its_contract_as_{caller}"
    return test


for _caller in CALLERS:
    globals()[f"test_api_honours_its_contract_as_{_caller}"] = _honours_its_contract_as(_caller)
