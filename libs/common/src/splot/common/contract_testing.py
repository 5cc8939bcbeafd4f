"""Helpers of the contract tests every service runs (published OpenAPI and event contracts,
schemathesis per kind of caller): re-exported by :mod:`splot.common.testing`, whose fixtures
they go with."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fastapi import FastAPI

    from splot.common.testing import TokenFactory


def assert_contract_current(app: FastAPI, contract: Path) -> None:
    """The committed ``openapi/<service>.json`` is what the code publishes (``make openapi``)."""
    from splot.common.app import render_openapi

    assert contract.exists(), f"{contract.name} is missing: run `make openapi`"
    assert contract.read_text(encoding="utf-8") == render_openapi(app), (
        f"{contract.name} drifted from the code: run `make openapi` (then `make client`)"
    )


def assert_errors_are_problem_documents(app: FastAPI, *, public: tuple[str, ...] = ()) -> None:
    """Every operation declares its 4xx/5xx answers, each as ``application/problem+json``
    (``/health``, ``/ready`` and the ``public`` paths, such as a JWKS document, excepted)."""
    skipped = {"/health", "/ready", *public}
    for path, operations in app.openapi()["paths"].items():
        if path in skipped:
            continue
        for method, operation in operations.items():
            errors = [code for code in operation["responses"] if code.startswith(("4", "5"))]
            assert errors, f"{method.upper()} {path} declares no error responses"
            for code in errors:
                content = operation["responses"][code].get("content", {})
                assert "application/problem+json" in content, (
                    f"{method.upper()} {path} {code} is not a problem document"
                )


def contract_settings(max_examples: int) -> Any:
    """Hypothesis settings of a schemathesis contract test. Derandomised: the same examples on every
    run, so CI is reproducible (a found failure stays found)."""
    from hypothesis import HealthCheck, settings

    return settings(
        max_examples=max_examples, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )


#: Where the published contracts live (the repository's ``openapi/``).
CONTRACTS_DIR = Path(__file__).resolve().parents[5] / "openapi"


def assert_event_contract_current(service: str, *, title: str, version: str) -> None:
    """The committed ``openapi/events/<service>.json`` is what the code declares (``make openapi``)."""
    from splot.common.asyncapi import render

    contract = CONTRACTS_DIR / "events" / f"{service}.json"
    assert contract.exists(), f"events/{service}.json is missing: run `make openapi`"
    assert contract.read_text(encoding="utf-8") == render(service, title=title, version=version), (
        f"events/{service}.json drifted from the code: run `make openapi`"
    )


def event_example(producer: str, event_type: str, **overrides: Any) -> dict[str, Any]:
    """A payload of ``event_type`` as ``producer`` publishes it: the example of its *committed*
    contract with ``overrides`` applied (a dict merges into a nested object), validated against
    the contract's schema. A consumer's test built from it fails as soon as the producer renames
    or drops a field the consumer sets or reads."""
    import copy
    import json

    import jsonschema_rs

    document = json.loads((CONTRACTS_DIR / "events" / f"{producer}.json").read_text(encoding="utf-8"))
    message = document["components"]["messages"].get(event_type)
    assert message is not None, f"{producer} publishes no {event_type} (see openapi/events/{producer}.json)"
    payload: dict[str, Any] = copy.deepcopy(message["examples"][0]["payload"])
    _merge(payload, overrides)
    schema = {**message["payload"], "components": document["components"]}
    jsonschema_rs.Draft202012Validator(schema).validate(payload)
    return payload


def _merge(target: dict[str, Any], overrides: dict[str, Any]) -> None:
    for key, value in overrides.items():
        if isinstance(value, dict) and isinstance(target.get(key), dict):
            _merge(target[key], value)
        else:
            target[key] = value


#: Every kind of caller a service must answer without a 500 (schemathesis runs once per kind).
CALLER_KINDS = (
    "caseworker",
    "coordinator",
    "institution_admin",
    "analyst_national",
    "analyst_voivodeship",
    "auditor",
    "system_admin",
    "institution_system",
    "splot_service",
)


def contract_callers(
    tokens: TokenFactory,
    *,
    institution_id: uuid.UUID | str,
    institution_type: str,
    system_scope: str,
    service_scope: str,
    teryt: str = "1219",
) -> dict[str, dict[str, str]]:
    """Headers of each of :data:`CALLER_KINDS`: staff of one institution, analysts and an auditor
    and a system administrator of the ministry, the institution's own system (``system_scope``) and
    a Splot service (``service_scope``). Tokens last an hour (the runs take minutes)."""
    ministry = "00000000-0000-4000-8000-00000000beef"

    def staff(
        *roles: str, institution: uuid.UUID | str = institution_id, kind: str = institution_type
    ) -> dict[str, str]:
        return tokens.headers(
            roles=list(roles), institution_id=institution, institution_type=kind, teryt=teryt, lifetime=3600
        )

    def analyst(scope: str) -> dict[str, str]:
        return tokens.headers(
            roles=["analyst"],
            analyst_scope=scope,
            institution_id=ministry,
            institution_type="MINISTRY",
            lifetime=3600,
        )

    return {
        "caseworker": staff("caseworker"),
        "coordinator": staff("coordinator"),
        "institution_admin": staff("institution_admin"),
        "analyst_national": analyst(""),
        "analyst_voivodeship": analyst("12"),
        "auditor": staff("auditor", institution=ministry, kind="MINISTRY"),
        "system_admin": staff("system_admin", institution=ministry, kind="MINISTRY"),
        "institution_system": tokens.headers(
            ptype="client",
            roles=(),
            scope=system_scope,
            institution_id=institution_id,
            institution_type=institution_type,
            teryt=teryt,
            lifetime=3600,
        ),
        "splot_service": tokens.headers(
            sub="service:peer",
            ptype="service",
            roles=(),
            scope=service_scope,
            institution_id=None,
            institution_type=None,
            teryt=None,
            lifetime=3600,
        ),
    }


def contract_tests_per_caller(
    *, headers_fixture: str, schema_fixture: str = "api_schema_per_caller", max_examples: int = 5
) -> dict[str, Any]:
    """One schemathesis test per kind of caller (a lazy schema takes no pytest parametrisation):
    put the returned functions into the test module's globals. ``headers_fixture`` names a fixture
    giving :func:`contract_callers`' mapping. Requests without a token answer alike whoever the
    caller is, so that check (``ignored_auth``) runs with the first kind only."""
    import schemathesis

    schema = schemathesis.pytest.from_fixture(schema_fixture)
    tests: dict[str, Any] = {}
    for index, caller in enumerate(CALLER_KINDS):
        excluded = [] if index == 0 else [schemathesis.checks.ignored_auth]

        def make(caller: str = caller, excluded: list[Any] = excluded) -> Any:
            def test(case: Any, request: Any) -> None:
                headers = request.getfixturevalue(headers_fixture)[caller]
                case.call_and_validate(headers=headers, excluded_checks=excluded)

            name = f"test_api_honours_its_contract_as_{caller}"
            test.__name__ = test.__qualname__ = name
            return schema.parametrize()(contract_settings(max_examples=max_examples)(test))

        tests[f"test_api_honours_its_contract_as_{caller}"] = make()
    return tests
