"""The contract says what a client needs (splot.common.contract), and its rules catch a contract
that does not: If-Match required where 428 is answered, Location on 201, ETag on versioned reads
and writes, Retry-After and RateLimit headers, problem schemas and an example on every body."""

import copy

import pytest

from splot.common.contract import complete, violations
from splot.common.contract.examples import example_of
from splot.common.contract.rules import PROBE_PATHS

WIDGET = "/v1/widgets/{widget_id}"
ETAG = {"$ref": "#/components/headers/ETag"}


@pytest.fixture
def document(app):
    """The sample service's contract, with the one declaration its code leaves out: the ETag of a
    created widget (see test_a_creation_of_a_versioned_resource_must_declare_its_etag)."""
    doc = copy.deepcopy(app.openapi())
    doc["paths"]["/v1/widgets"]["post"]["responses"]["201"]["headers"]["ETag"] = ETAG
    return doc


def test_a_complete_contract_breaks_no_rule(document):
    assert violations(document) == []


def test_if_match_is_required_where_the_server_answers_428(document):
    patch = document["paths"][WIDGET]["patch"]
    if_match = next(p for p in patch["parameters"] if p["name"] == "If-Match")
    assert if_match["required"] is True and if_match["in"] == "header"
    assert if_match["schema"]["type"] == "string" and "428" in if_match["description"]
    assert {"412", "428"} <= set(patch["responses"])
    assert patch["responses"]["200"]["headers"]["ETag"] == ETAG
    # An operation without If-Match cannot answer 428: it does not declare it.
    assert "428" not in document["paths"]["/v1/widgets"]["post"]["responses"]


def test_headers_a_client_reads_are_declared(document):
    post = document["paths"]["/v1/widgets"]["post"]["responses"]
    assert post["201"]["headers"]["Location"] == {"$ref": "#/components/headers/Location"}
    assert post["429"]["headers"]["Retry-After"] == {"$ref": "#/components/headers/Retry-After"}
    for status in ("201", "401", "409", "422", "429"):
        assert {"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"} <= set(post[status]["headers"])
    headers = document["components"]["headers"]
    assert headers["Retry-After"]["schema"]["type"] == "integer"
    assert headers["ETag"]["example"].startswith('"')
    assert "500" in post and "headers" not in document["paths"]["/health"]["get"]["responses"]["200"]


def test_every_authenticated_post_declares_idempotency_key(document):
    post = document["paths"]["/v1/widgets"]["post"]
    assert {"$ref": "#/components/parameters/IdempotencyKey"} in post["parameters"]
    key = document["components"]["parameters"]["IdempotencyKey"]
    assert (key["in"], key["required"], key["schema"]["maxLength"]) == ("header", False, 200)
    assert post["responses"]["201"]["headers"]["Idempotent-Replayed"] == {
        "$ref": "#/components/headers/Idempotent-Replayed"
    }
    assert "parameters" not in document["paths"][WIDGET].get("get", {}) or all(
        p.get("name") != "Idempotency-Key" for p in document["paths"][WIDGET]["get"]["parameters"]
    )
    post["parameters"].remove({"$ref": "#/components/parameters/IdempotencyKey"})
    assert violations(document) == [
        "POST /v1/widgets: an authenticated POST does not declare Idempotency-Key"
    ]


def test_problem_documents_have_named_schemas(document):
    schemas = document["components"]["schemas"]
    responses = document["paths"][WIDGET]["patch"]["responses"]
    problem = "application/problem+json"
    assert responses["412"]["content"][problem]["schema"]["$ref"].endswith("/StaleEtagProblem")
    assert "current_etag" in schemas["StaleEtagProblem"]["properties"]
    post = document["paths"]["/v1/widgets"]["post"]["responses"]
    assert post["422"]["content"][problem]["schema"]["$ref"].endswith("/ValidationProblem")
    assert {"errors", "missing_fields"} <= set(schemas["ValidationProblem"]["properties"])
    for name in ("ProblemDetail", "ValidationProblem", "StaleEtagProblem", "ForbiddenProblem"):
        assert {"type", "title", "status", "code"} <= set(schemas[name]["required"])


def test_every_body_has_an_example(document):
    post = document["paths"]["/v1/widgets"]["post"]
    assert post["requestBody"]["content"]["application/json"]["example"] == {"name": "name"}
    created = post["responses"]["201"]["content"]["application/json"]["example"]
    assert set(created) == {"id", "name", "version"} and created["version"] >= 0


def test_an_operation_answering_428_without_a_required_if_match_is_caught(document):
    patch = document["paths"][WIDGET]["patch"]
    next(p for p in patch["parameters"] if p["name"] == "If-Match")["required"] = False
    assert violations(document) == [
        f"PATCH {WIDGET}: answers 428 but does not declare If-Match as a required header"
    ]
    patch["parameters"] = [p for p in patch["parameters"] if p["name"] != "If-Match"]
    assert violations(document)[0].endswith("answers 428 but does not declare If-Match as a required header")


def test_a_201_without_location_is_caught(document):
    del document["paths"]["/v1/widgets"]["post"]["responses"]["201"]["headers"]["Location"]
    assert violations(document) == ["POST /v1/widgets: 201 declares no Location"]
    # Unless the operation says why its result has no URL of its own.
    document["paths"]["/v1/widgets"]["post"]["x-no-location"] = "read as part of its owner"
    assert violations(document) == []


def test_a_versioned_read_without_etag_is_caught(document):
    read = copy.deepcopy(document["paths"][WIDGET]["patch"])
    read["parameters"] = [p for p in read["parameters"] if p["name"] != "If-Match"]
    read.pop("requestBody")
    for status in ("412", "428"):
        read["responses"].pop(status)
    del read["responses"]["200"]["headers"]["ETag"]
    document["paths"][WIDGET]["get"] = read
    assert violations(document) == [f"GET {WIDGET}: reads a versioned resource but its 200 declares no ETag"]
    del document["paths"][WIDGET]["patch"]["responses"]["200"]["headers"]["ETag"]
    assert f"PATCH {WIDGET}: changes a versioned resource but its 200 declares no ETag" in violations(
        document
    )


def test_a_creation_of_a_versioned_resource_must_declare_its_etag(app):
    # The sample's POST /v1/widgets does not send an ETag, so its contract breaks the rule.
    assert violations(app.openapi()) == [
        "POST /v1/widgets: creates a versioned resource but its 201 declares no ETag"
    ]


def test_an_operation_without_an_example_is_caught(document):
    del document["paths"]["/v1/widgets"]["post"]["requestBody"]["content"]["application/json"]["example"]
    del document["paths"]["/v1/widgets"]["get"]["responses"]["200"]["content"]["application/json"]["example"]
    assert violations(document) == [
        "POST /v1/widgets: request body application/json has no example",
        "GET /v1/widgets: 200 application/json has no example",
    ]


def test_missing_retry_after_rate_limit_headers_or_problem_schema_are_caught(document):
    responses = document["paths"]["/v1/widgets"]["post"]["responses"]
    del responses["429"]["headers"]["Retry-After"]
    del responses["201"]["headers"]["RateLimit-Reset"]
    responses["409"]["content"]["application/problem+json"]["schema"] = {"type": "object"}
    assert violations(document) == [
        "POST /v1/widgets: 429 declares no Retry-After",
        "POST /v1/widgets: 201 declares no RateLimit-Reset",
        "POST /v1/widgets: 409 is not a problem document schema",
    ]


def test_complete_is_idempotent(document):
    again = complete(copy.deepcopy(document), skip=PROBE_PATHS)
    assert again == document


def test_built_examples_respect_formats_patterns_and_bounds():
    schemas = {
        "Node": {
            "type": "object",
            "required": ["children"],
            "properties": {"children": {"type": "array", "items": {"$ref": "#/components/schemas/Node"}}},
        },
    }
    assert example_of({"type": "string", "format": "uuid"}, {}) == "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert example_of({"type": "string", "pattern": "^\\d{4}-Q[1-4]$"}, {}) == "2026-Q1"
    assert example_of({"type": "string", "pattern": "^(password|refresh_token)$"}, {}) == "password"
    assert example_of({"type": "integer", "minimum": 5, "maximum": 9}, {}) == 5
    assert len(example_of({"type": "string", "minLength": 12, "maxLength": 14}, {}, "pesel_x")) in range(
        12, 15
    )
    ids = example_of({"type": "array", "minItems": 2, "items": {"type": "string", "format": "uuid"}}, {})
    assert len(set(ids)) == 2
    assert example_of({"$ref": "#/components/schemas/Node"}, schemas) == {
        "children": [{}]
    }  # the recursion ends
