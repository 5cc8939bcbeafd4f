"""The headers of the contracts: what a client must send (``If-Match``) and read (``ETag``,
``Location``, ``Retry-After``, ``RateLimit-*``), declared once under ``components/headers`` and
referenced from every response that carries them.

Versioned resources are found from the code's own declarations: an operation that takes
``If-Match`` (:data:`splot.common.etag.IfMatch`) changes a versioned resource, answers 428 without
it and 412 with a stale one, and returns the new ``ETag``; a ``GET`` of the same path reads it with
its ``ETag``. Creations declare their ``ETag`` themselves (:func:`splot.common.etag.etag_on`)."""

from __future__ import annotations

from typing import Any

from splot.common.errors import PROBLEM_MEDIA_TYPE

_INT = {"type": "integer", "minimum": 0, "maximum": 86400, "format": "int32"}

HEADERS: dict[str, dict[str, Any]] = {
    # ETag and Location are always sent where declared: ``required`` lets the schemathesis
    # contract tests check it on every answer.
    "ETag": {
        "description": "The resource's version; send it back in If-Match to change the resource",
        "required": True,
        "schema": {"type": "string", "maxLength": 100, "pattern": '^(W/)?"[^"]*"$'},
        "example": '"0f8fad5b-d9cb-469f-a165-70867728950e.3"',
    },
    "Location": {
        "description": "Where the created resource is (relative to the request's URL)",
        "required": True,
        "schema": {"type": "string", "format": "uri-reference", "maxLength": 500},
        "example": "persons/0f8fad5b-d9cb-469f-a165-70867728950e",
    },
    "Retry-After": {
        "description": "Seconds to wait before retrying",
        "schema": {**_INT, "maximum": 604800},
        "example": 5,
    },
    "RateLimit-Limit": {
        "description": "Requests allowed in a burst",
        "schema": {**_INT, "maximum": 1000000},
        "example": 120,
    },
    "RateLimit-Remaining": {
        "description": "Requests left now",
        "schema": {**_INT, "maximum": 1000000},
        "example": 119,
    },
    "RateLimit-Reset": {
        "description": "Seconds until the full burst is available again",
        "schema": _INT,
        "example": 1,
    },
    "Idempotent-Replayed": {
        "description": "`true` when this answer is the stored answer to an earlier request with the same Idempotency-Key",
        "schema": {"type": "string", "enum": ["true"]},
        "example": "true",
    },
}
IDEMPOTENCY_REF = {"$ref": "#/components/parameters/IdempotencyKey"}
#: Every authenticated POST takes an ``Idempotency-Key`` (:mod:`splot.common.idempotency`).
IDEMPOTENCY_KEY: dict[str, Any] = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": False,
    "description": (
        "Your unique key for this request (e.g. a UUID), to retry it safely: a retry with the same key "
        "and body within 24 h gets the first answer again (`Idempotent-Replayed: true`); the same key "
        "with another body is a 422 `idempotency_key_reused`; a retry while the first still runs is "
        "a 409 `idempotency_in_progress` with Retry-After. Keys are per API client or user."
    ),
    "schema": {"type": "string", "minLength": 1, "maxLength": 200},
    "example": "9b2f0c8e-3d1a-4c55-9f0e-1e7a2b6c4d10",
}
#: ``openapi_extra={IF_MATCH_TO_REPLACE: "why"}``: a PUT that creates without If-Match and
#: needs it (428) only to replace an existing resource; the contract cannot make it required.
IF_MATCH_TO_REPLACE = "x-if-match-to-replace"
#: ``openapi_extra={NO_LOCATION: "why"}``: a creation whose result has no URL of its own.
NO_LOCATION = "x-no-location"
RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
IF_MATCH_DESCRIPTION = "The ETag you last read (required: without it the answer is 428, with a stale one 412)"


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/headers/{name}"}


def problem(description: str, schema: str = "ProblemDetail") -> dict[str, Any]:
    return {
        "description": description,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


def operations(document: dict[str, Any], skip: frozenset[str] = frozenset()) -> list[tuple[str, str, Any]]:
    """``(path, method, operation)`` of every operation outside ``skip``."""
    return [
        (path, method, operation)
        for path, item in document.get("paths", {}).items()
        if path not in skip
        for method, operation in item.items()
        if isinstance(operation, dict) and "responses" in operation
    ]


def if_match_of(operation: dict[str, Any]) -> dict[str, Any] | None:
    return next(
        (p for p in operation.get("parameters", []) if p.get("in") == "header" and p["name"] == "If-Match"),
        None,
    )


def add_headers(document: dict[str, Any], *, skip: frozenset[str] = frozenset()) -> None:
    components = document.setdefault("components", {})
    components.setdefault("headers", {}).update(HEADERS)
    ops = operations(document, skip)
    if any(method == "post" and operation.get("security") for _, method, operation in ops):
        components.setdefault("parameters", {})["IdempotencyKey"] = IDEMPOTENCY_KEY
    versioned = {path for path, _, operation in ops if if_match_of(operation) is not None}
    for path, method, operation in ops:
        responses = operation["responses"]
        if _preconditions(operation) or (method == "get" and path in versioned):
            _with_header(responses, "ETag", lambda status, r: status in ("200", "201") and "content" in r)
        if NO_LOCATION not in operation:
            _with_header(responses, "Location", lambda status, _: status == "201")
        _with_header(responses, "Retry-After", lambda status, _: status in ("429", "503"))
        if method == "post" and operation.get("security"):
            parameters = operation.setdefault("parameters", [])
            if IDEMPOTENCY_REF not in parameters:
                parameters.append(IDEMPOTENCY_REF)
            _with_header(responses, "Idempotent-Replayed", lambda status, _: status[0] == "2")
        responses.setdefault("500", problem("Internal Server Error: quote the request id"))
        if PROBLEM_MEDIA_TYPE not in responses.get("422", {}).get("content", {PROBLEM_MEDIA_TYPE: 0}):
            # FastAPI's own 422 (HTTPValidationError): what is sent is a validation problem.
            responses["422"] = problem("Unprocessable Content", "ValidationProblem")
        if "429" in responses:
            for name in RATE_LIMIT_HEADERS:
                _with_header(responses, name, lambda status, _: status[0] in "24")


def _with_header(responses: dict[str, Any], name: str, where: Any) -> None:
    for status, response in responses.items():
        if where(status, response):
            response.setdefault("headers", {}).setdefault(name, ref(name))


def _preconditions(operation: dict[str, Any]) -> bool:
    """``If-Match`` required where the server answers 428 without it; no 428 where it does not
    take one. True for an operation that changes a versioned resource."""
    responses = operation["responses"]
    parameter = if_match_of(operation)
    if parameter is None:
        responses.pop("428", None)
        return False
    parameter.update(
        required=IF_MATCH_TO_REPLACE not in operation,
        description=operation.get(IF_MATCH_TO_REPLACE, IF_MATCH_DESCRIPTION),
        schema={"type": "string", "maxLength": 1000, "pattern": r'^(\*|(W/)?"[^"]*"(\s*,\s*(W/)?"[^"]*")*)$'},
        example=HEADERS["ETag"]["example"],
    )
    responses.setdefault("412", problem("Precondition Failed: the ETag is stale", "StaleEtagProblem"))
    responses.setdefault("428", problem("Precondition Required: send If-Match"))
    return True
