"""Every service's contract says what a client needs (splot.common.contract.rules), and every
example in it is valid against its own schema (a client may send it as it is)."""

import json

import jsonschema_rs
import pytest

from splot.embedded.openapi import contracts

DOCUMENTS = {name: json.loads(text) for name, text in contracts().items() if "/" not in name}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_the_contract_breaks_no_rule(name):
    from splot.common.contract import violations

    assert violations(DOCUMENTS[name]) == []


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_every_example_is_valid_against_its_schema(name):
    document = DOCUMENTS[name]
    invalid = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            bodies = [("request", operation.get("requestBody", {}).get("content", {}))]
            bodies += [(s, r.get("content", {})) for s, r in operation["responses"].items() if s[0] == "2"]
            for where, content in bodies:
                for media, entry in content.items():
                    if "json" not in media or "example" not in entry:
                        continue
                    validator = jsonschema_rs.Draft202012Validator(
                        {**entry["schema"], "components": document["components"]}
                    )
                    for error in validator.iter_errors(entry["example"]):
                        invalid.append(f"{method.upper()} {path} {where}: {error.message}")
    assert invalid == []


def test_token_errors_are_declared_as_rfc_6749_says():
    token = DOCUMENTS["directory.json"]["paths"]["/v1/oauth/token"]["post"]["responses"]
    for status in ("400", "401"):
        schema = token[status]["content"]["application/problem+json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/OAuthProblem"}
    assert "error" in DOCUMENTS["directory.json"]["components"]["schemas"]["OAuthProblem"]["required"]
