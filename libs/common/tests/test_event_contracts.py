"""Event contracts: a producer cannot emit off its declared schema, the AsyncAPI document says what
a consumer may rely on, and consumers' samples are built from the committed document."""

import uuid

import pytest
from pydantic import ConfigDict

from splot.common import asyncapi
from splot.common.events import EventContractError, EventPayload, declare, emit


class Thing(EventPayload):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"thing_id": "00000000-0000-4000-8000-000000000002", "size": 3}]}
    )

    thing_id: uuid.UUID
    size: int


declare("things", "thing", Thing, thing__made="A thing was made.", thing__broken="A thing broke.")


async def test_emit_refuses_undeclared_types_and_off_contract_payloads(session):
    with pytest.raises(EventContractError, match="not declared"):
        await emit(session, "thing.lost", aggregate_type="thing", aggregate_id=1, payload={})
    with pytest.raises(EventContractError, match="size"):
        await emit(
            session,
            "thing.made",
            aggregate_type="thing",
            aggregate_id=1,
            payload={"thing_id": str(uuid.uuid4())},
        )
    with pytest.raises(EventContractError, match="extra_forbidden"):
        await emit(
            session,
            "thing.made",
            aggregate_type="thing",
            aggregate_id=1,
            payload={"thing_id": str(uuid.uuid4()), "size": 1, "owner_name": "Jan"},
        )
    await emit(
        session,
        "thing.made",
        aggregate_type="thing",
        aggregate_id=1,
        payload={"thing_id": str(uuid.uuid4()), "size": 1},
    )


def test_a_type_cannot_be_declared_twice_differently():
    with pytest.raises(EventContractError):
        declare("other", "thing", Thing, thing__made="Something else.")


def test_the_asyncapi_document_lists_every_type_with_its_schema_and_example():
    document = asyncapi.document("things", title="Things", version="1.0.0")
    assert document["asyncapi"] == "3.0.0"
    assert set(document["channels"]["events"]["messages"]) == {"thing.made", "thing.broken"}
    message = document["components"]["messages"]["thing.made"]
    assert message["payload"] == {"$ref": "#/components/schemas/Thing"}
    assert message["examples"][0]["payload"] == {
        "thing_id": "00000000-0000-4000-8000-000000000002",
        "size": 3,
    }
    schema = document["components"]["schemas"]["Thing"]
    assert schema["additionalProperties"] is False and set(schema["required"]) == {"thing_id", "size"}


def test_a_payload_schema_without_an_example_cannot_be_published():
    class Bare(EventPayload):
        x: int

    declare("bare", "bare", Bare, bare__happened="Something.")
    with pytest.raises(ValueError, match="no example"):
        asyncapi.document("bare", title="Bare", version="1")
