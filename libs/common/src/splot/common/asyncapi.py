"""The published contract of a service's event feed: an AsyncAPI 3.0 document.

Written to ``openapi/events/<service>.json`` by ``make openapi`` from the declared event types
(:func:`splot.common.events.declare`) and checked for drift by each service's tests, like the
OpenAPI contracts. Consumers build their test samples from the examples it carries
(:func:`splot.common.testing.event_example`), so a renamed field fails on both sides.
"""

from __future__ import annotations

import json
from typing import Any

from splot.common.events import declared

ENVELOPE = (
    "Events are read with `GET /v1/events?after=<seq>` (Splot service tokens with `events:read`), "
    "in commit order. Each item is an envelope `{seq, id, type, aggregate_type, aggregate_id, "
    "occurred_at, payload}`; the messages below describe `payload` for each `type`. Payloads carry "
    "no direct identifiers: no names, PESEL, document numbers, contact data or free text."
)


def document(service: str, *, title: str, version: str) -> dict[str, Any]:
    types = declared(service)
    schemas: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for event in types:
        schema = event.payload.model_json_schema(ref_template="#/components/schemas/{model}")
        schemas.update(schema.pop("$defs", {}))
        schemas[event.payload.__name__] = schema
        examples = schema.get("examples") or []
        if not examples:
            raise ValueError(f"{event.payload.__name__} has no example (consumers build samples from it)")
        messages[event.name] = {
            "name": event.name,
            "title": event.name,
            "summary": event.summary,
            "payload": {"$ref": f"#/components/schemas/{event.payload.__name__}"},
            "examples": [{"name": event.name, "payload": example} for example in examples],
            "x-aggregate-type": event.aggregate_type,
        }
    names = sorted(messages)
    return {
        "asyncapi": "3.0.0",
        "info": {"title": f"{title}: events", "version": version, "description": ENVELOPE},
        "defaultContentType": "application/json",
        "channels": {
            "events": {
                "address": "/v1/events",
                "description": "The service's transactional outbox, read as a feed.",
                "messages": {name: {"$ref": f"#/components/messages/{name}"} for name in names},
            }
        },
        "operations": {
            "readEvents": {
                "action": "receive",
                "channel": {"$ref": "#/channels/events"},
                "summary": "Poll the feed after the last sequence number seen.",
                "messages": [{"$ref": f"#/channels/events/messages/{name}"} for name in names],
            }
        },
        "components": {
            "messages": {name: messages[name] for name in names},
            "schemas": dict(sorted(schemas.items())),
        },
    }


def render(service: str, *, title: str, version: str) -> str:
    return json.dumps(document(service, title=title, version=version), indent=2, ensure_ascii=False) + "\n"
