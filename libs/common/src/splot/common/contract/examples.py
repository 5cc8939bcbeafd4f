"""An example of every request body and every successful response body.

A schema's own example comes first (``examples`` or ``json_schema_extra`` on the Pydantic model or
field, ``openapi_examples`` on the route); where there is none, one is built from the schema:
each property's own example, default, constant or first enum value, else a plausible value of its
type and format (a UUID, an ISO date, an e-mail address…), within its bounds. Built examples are
deterministic, so the contracts stay stable."""

from __future__ import annotations

import re
from typing import Any

_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"
_FORMATS: dict[str, Any] = {
    "uuid": _UUID,
    "date-time": "2026-03-02T09:30:00Z",
    "date": "2026-03-02",
    "time": "09:30:00",
    "duration": "P30D",
    "email": "anna.kowalska@example.gov.pl",
    "uri": "https://example.gov.pl/splot",
    "uri-reference": "https://example.gov.pl/splot",
    "ipv4": "192.0.2.10",
    "ipv6": "2001:db8::10",
    "binary": "",
    "password": "correct-horse-battery-staple",
}
#: Plausible values of well-known property names (a pattern cannot be turned into a value).
_BY_NAME: dict[str, Any] = {
    "pesel": "90010112318",
    "teryt": "1465011",
    "voivodeship": "14",
    "postal_code": "00-950",
    "phone": "+48 22 123 45 67",
    "email": "anna.kowalska@example.gov.pl",
    "regon": "012345675",
    "nip": "5260250274",
    "locale": "pl",
    "currency": "PLN",
}
_MAX_DEPTH = 12
#: Tried in turn against a string's pattern (codes, periods, TERYT codes, URLs…).
_PATTERN_CANDIDATES = [
    "example_code",
    "directory:read",
    "PL",
    "application/pdf",
    "minutes.pdf",
    "c_0f8fad5bd9cb469fa16570867728950e",
    "OPS",
    "2026-03",
    "2026-Q1",
    "2026",
    "1465011",
    "14",
    "https://example.gov.pl/hooks/splot",
    "90010112318",
    "00-950",
    "+48221234567",
    "Example1",
    "a1",
    "A",
    "example",
]


def add_examples(document: dict[str, Any]) -> None:
    schemas = document.get("components", {}).get("schemas", {})
    for item in document.get("paths", {}).values():
        for operation in item.values():
            if not isinstance(operation, dict):
                continue
            body = operation.get("requestBody", {}).get("content", {})
            targets = [body] + [
                response.get("content", {})
                for status, response in operation.get("responses", {}).items()
                if status.startswith("2")
            ]
            for content in targets:
                for media_type, entry in content.items():
                    if "example" in entry or "examples" in entry or "schema" not in entry:
                        continue
                    if media_type.startswith(("text/", "application/octet")):
                        entry["example"] = _text_example(media_type)
                    else:
                        entry["example"] = example_of(entry["schema"], schemas)


def _text_example(media_type: str) -> str:
    if media_type == "text/csv":
        return "period,indicator,value\n2026-03,referrals_sent,42\n"
    return "…"


def example_of(
    schema: dict[str, Any], schemas: dict[str, Any], name: str = "", seen: tuple[str, ...] = ()
) -> Any:
    """A value valid against ``schema`` (``$ref`` resolved in ``schemas``; a schema met again
    inside itself ends the recursion with an empty value)."""
    if "$ref" in schema:
        target = schema["$ref"].rsplit("/", 1)[-1]
        if target in seen or len(seen) > _MAX_DEPTH:
            return _empty(schemas.get(target, {}))
        return example_of(schemas.get(target, {}), schemas, name, (*seen, target))
    for key in ("example", "const", "default"):
        if key in schema and (key != "default" or schema[key] is not None):
            return schema[key]
    if schema.get("examples"):
        return schema["examples"][0]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            options = [s for s in schema[key] if s.get("type") != "null"] or schema[key]
            return example_of(options[0], schemas, name, seen)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind == "object" or "properties" in schema:
        return _object(schema, schemas, seen)
    if kind == "array":
        return _array(schema, schemas, name, seen)
    return _scalar(kind, schema, name)


def _array(schema: dict[str, Any], schemas: dict[str, Any], name: str, seen: tuple[str, ...]) -> list[Any]:
    item = example_of(schema.get("items", {}), schemas, name, seen)
    items = [item] * max(1, schema.get("minItems", 1))
    if isinstance(item, str) and item == _UUID:  # distinct identifiers where several are needed
        items = [item[:-1] + format(i, "x") for i in range(len(items))]
    return items


def _empty(schema: dict[str, Any]) -> Any:
    return [] if schema.get("type") == "array" else {}


def _object(schema: dict[str, Any], schemas: dict[str, Any], seen: tuple[str, ...]) -> dict[str, Any]:
    """Every property near the top; deeper down only the required ones (examples stay short)."""
    required = schema.get("required", [])
    return {
        key: example_of(sub, schemas, key, seen)
        for key, sub in schema.get("properties", {}).items()
        if len(seen) < 3 or key in required
    }


def _scalar(kind: Any, schema: dict[str, Any], name: str) -> Any:
    if kind == "boolean":
        return True
    if kind in ("integer", "number"):
        low = schema.get("minimum", schema.get("exclusiveMinimum", 0) + 1)
        value = min(max(low, 1), schema.get("maximum", max(low, 1)))
        return int(value) if kind == "integer" else float(value)
    if kind == "null":
        return None
    return _string(schema, name)


def _string(schema: dict[str, Any], name: str) -> str:
    candidates = [
        *([_BY_NAME[name]] if name in _BY_NAME else []),
        *([_FORMATS[schema["format"]]] if schema.get("format") in _FORMATS else []),
        *_PATTERN_CANDIDATES,
    ]
    pattern = schema.get("pattern")
    if pattern:
        alternatives = re.fullmatch(r"\^\(([\w:-]+(?:\|[\w:-]+)*)\)\$", pattern)  # ^(a|b|c)$
        for candidate in alternatives.group(1).split("|")[:1] if alternatives else candidates:
            if re.search(pattern, candidate) and _fits(candidate, schema):
                return str(candidate)
    elif candidates and (name in _BY_NAME or schema.get("format") in _FORMATS):
        return str(candidates[0])
    text = name.replace("_", " ") if name else "text"
    low, high = int(schema.get("minLength", 1)), int(schema.get("maxLength", 200))
    return (text * (low // max(len(text), 1) + 1))[: max(low, min(len(text), high))][:high]


def _fits(value: str, schema: dict[str, Any]) -> bool:
    return int(schema.get("minLength", 0)) <= len(value) <= int(schema.get("maxLength", len(value)))
