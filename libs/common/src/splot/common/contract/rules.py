"""What a contract must say for a client to use it without reading the code; each violation is one
line naming the operation. ``libs/common/tests/test_contract_rules.py`` runs them over every
service's document (and over broken documents, to show that each rule can fail)."""

from __future__ import annotations

import re
from typing import Any

from splot.common.contract.headers import (
    IDEMPOTENCY_REF,
    IF_MATCH_TO_REPLACE,
    NO_LOCATION,
    RATE_LIMIT_HEADERS,
    if_match_of,
    operations,
)
from splot.common.errors import PROBLEM_MEDIA_TYPE

PROBE_PATHS = frozenset({"/health", "/ready"})
_PROBLEM_MEMBERS = {"type", "title", "status", "code"}


def violations(document: dict[str, Any], *, skip: frozenset[str] = PROBE_PATHS) -> list[str]:
    found: list[str] = []
    ops = operations(document, skip)
    versioned = {path for path, _, operation in ops if if_match_of(operation) is not None}
    schemas = document.get("components", {}).get("schemas", {})
    for path, method, operation in ops:
        where = f"{method.upper()} {path}"
        found += [
            f"{where}: {problem}" for problem in _operation(path, method, operation, versioned, schemas)
        ]
    return found


def _operation(
    path: str, method: str, operation: dict[str, Any], versioned: set[str], schemas: dict[str, Any]
) -> list[str]:
    responses = operation["responses"]
    found = _preconditions(operation) + _examples(operation)
    if method == "get" and path in versioned and not _has_header(responses.get("200"), "ETag"):
        found.append("reads a versioned resource but its 200 declares no ETag")
    if method == "post" and "201" in responses and _creates_versioned(path, versioned):
        if not _has_header(responses["201"], "ETag"):
            found.append("creates a versioned resource but its 201 declares no ETag")
    if "201" in responses and NO_LOCATION not in operation and not _has_header(responses["201"], "Location"):
        found.append("201 declares no Location")
    if (
        method == "post"
        and operation.get("security")
        and IDEMPOTENCY_REF not in operation.get("parameters", [])
    ):
        found.append("an authenticated POST does not declare Idempotency-Key")
    for status in ("429", "503"):
        if status in responses and not _has_header(responses[status], "Retry-After"):
            found.append(f"{status} declares no Retry-After")
    for status, response in responses.items():
        if "429" in responses and status[0] in "24":
            missing = [h for h in RATE_LIMIT_HEADERS if not _has_header(response, h)]
            if missing:
                found.append(f"{status} declares no {', '.join(missing)}")
        if status[0] in "45" and not _is_problem(response, schemas):
            found.append(f"{status} is not a problem document schema")
    return found


def _preconditions(operation: dict[str, Any]) -> list[str]:
    parameter = if_match_of(operation)
    responses = operation["responses"]
    found = []
    optional = parameter is not None and IF_MATCH_TO_REPLACE in operation
    if "428" in responses and (parameter is None or not (parameter.get("required") or optional)):
        found.append("answers 428 but does not declare If-Match as a required header")
    if parameter is not None:
        found += [f"takes If-Match but declares no {s}" for s in ("412", "428") if s not in responses]
        for status, response in responses.items():
            if status in ("200", "201") and "content" in response and not _has_header(response, "ETag"):
                found.append(f"changes a versioned resource but its {status} declares no ETag")
    return found


def _examples(operation: dict[str, Any]) -> list[str]:
    found = []
    body = operation.get("requestBody", {}).get("content", {})
    found += [f"request body {media} has no example" for media, e in body.items() if not _example(e)]
    for status, response in operation["responses"].items():
        if status.startswith("2"):
            for media, entry in response.get("content", {}).items():
                if not _example(entry):
                    found.append(f"{status} {media} has no example")
    return found


def _example(entry: dict[str, Any]) -> bool:
    return "example" in entry or bool(entry.get("examples"))


def _has_header(response: dict[str, Any] | None, name: str) -> bool:
    return response is not None and name in response.get("headers", {})


def _creates_versioned(path: str, versioned: set[str]) -> bool:
    item = re.compile(re.escape(path) + r"/\{[^/}]+\}")
    return any(item.fullmatch(candidate) for candidate in versioned)


def _is_problem(response: dict[str, Any], schemas: dict[str, Any]) -> bool:
    schema = response.get("content", {}).get(PROBLEM_MEDIA_TYPE, {}).get("schema", {})
    target = schemas.get(schema.get("$ref", "").rsplit("/", 1)[-1], {})
    return _PROBLEM_MEMBERS <= set(target.get("required", []))
