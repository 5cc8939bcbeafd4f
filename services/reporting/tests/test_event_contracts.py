"""The reporting service consumes what its producers publish: every event type it handles is in
a producer's committed contract (openapi/events/), and every sample it is tested with is built
from those contracts (sample.py, ``event_example``)."""

import json

import jsonschema_rs
import pytest

from splot.common.testing import CONTRACTS_DIR, event_example
from splot.reporting import ingestion

PRODUCERS = ("directory", "clients", "referrals")


def _published() -> dict[str, set[str]]:
    found = {}
    for producer in PRODUCERS:
        document = json.loads((CONTRACTS_DIR / "events" / f"{producer}.json").read_text(encoding="utf-8"))
        found[producer] = set(document["components"]["messages"])
    return found


def test_every_handled_event_type_is_published_by_a_producer():
    published = set().union(*_published().values())
    assert set(ingestion.HANDLERS) <= published, set(ingestion.HANDLERS) - published
    referral_types = {t for t in _published()["referrals"] if t.startswith("referral.")}
    # Referral events are handled by prefix: each published one carries the snapshot it reads.
    for event_type in referral_types:
        payload = event_example("referrals", event_type)
        assert ingestion.handler_for(_event(event_type, payload)) is not None, event_type


def test_a_sample_with_a_field_the_producer_does_not_publish_is_refused():
    """The guard the samples rely on: had the registry's field been set under the consumer's old
    name, building the sample would fail."""
    with pytest.raises(jsonschema_rs.ValidationError):
        event_example("clients", "person.created", registered_by_institution_id="x")


def _event(event_type: str, payload: dict) -> object:
    import uuid
    from datetime import UTC, datetime

    from splot.reporting.sources import FeedEvent

    return FeedEvent(
        seq=1,
        id=uuid.uuid4(),
        type=event_type,
        aggregate_type="referral",
        aggregate_id=payload["referral"]["id"],
        occurred_at=datetime.now(UTC),
        payload=payload,
    )
