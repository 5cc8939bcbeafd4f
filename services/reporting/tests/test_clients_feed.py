"""The client registry's feed as the registry publishes it: every payload is built from the
registry's published contract (openapi/events/clients.json, ``event_example``), so that a consumer
reading a name the producer does not emit fails a test, and so does a producer renaming one.

The registry publishes ``registering_institution_id``; the consumer read
``registered_by_institution_id`` (and the sample used the same wrong name), so every person's
registering institution was empty and registrations never counted as contacts."""

import uuid

import pytest
from sqlalchemy import select

from splot.common.testing import event_example
from splot.reporting import ingestion
from splot.reporting.models import PersonContact, PersonDim, ReferralFact

from sample import Feeds, at, ingest

pytestmark = pytest.mark.usefixtures("exact")


def _person_payload(person_id, registering, *, birth_year=1990, sex="F", gmina="1219053") -> dict:
    return {
        "person_id": str(person_id),
        "birth_year": birth_year,
        "sex": sex,
        "gmina": gmina,
        "registering_institution_id": str(registering.id),
        "status": "active",
    }


def _person_event(feeds: Feeds, event_type: str, payload: dict, when: str) -> None:
    feeds.clients.append(
        event_type,
        event_example("clients", event_type, **payload),
        occurred_at=at(when),
        aggregate_type="person",
        aggregate_id=payload["person_id"],
    )


async def _contacts(session, pseudonym) -> set[tuple[uuid.UUID, int, int]]:
    rows = await session.execute(
        select(PersonContact.institution_id, PersonContact.year, PersonContact.month).where(
            PersonContact.pseudonym == pseudonym
        )
    )
    return set(rows.all())


async def _shared(client, headers, period: str) -> dict:
    response = await client.get(
        "/v1/indicators/shared-clients", params={"period": period, "level": "national"}, headers=headers
    )
    assert response.status_code == 200, response.text
    rows = response.json()["rows"]
    assert len(rows) <= 1
    return {k: v["value"] for k, v in rows[0]["values"].items()} if rows else {}


async def test_a_registration_records_the_institution_and_a_contact(
    client, sessionmaker, session, settings, analyst
):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1219053")
    person_id = uuid.uuid4()
    _person_event(feeds, "person.created", _person_payload(person_id, pup), "2025-02-10")
    await ingest(sessionmaker, feeds, settings)

    pseudonym = ingestion.IngestContext.from_settings(settings).pseudonymise(person_id)
    person = await session.get(PersonDim, pseudonym)
    assert person.registered_by_institution_id == pup.id
    assert (person.birth_year, person.sex, person.gmina) == (1990, "F", "1219053")
    assert await _contacts(session, pseudonym) == {(pup.id, 2025, 2)}
    # served by a PUP only: counted, but not as shared
    assert await _shared(client, analyst(""), "2025-02") == {
        "persons_served": 1,
        "persons_pup_ops": 0,
        "persons_pup_ngo": 0,
        "persons_ops_ngo": 0,
        "persons_pup_ops_ngo": 0,
        "pup_ops_share": 0.0,
        "pup_ops_ngo_share": 0.0,
    }

    # The OPS registers the same person (person.registered names the new institution).
    _person_event(
        feeds,
        "person.registered",
        {**_person_payload(person_id, pup), "institution_id": str(ops.id)},
        "2025-02-20",
    )
    await ingest(sessionmaker, feeds, settings)
    assert await _contacts(session, pseudonym) == {(pup.id, 2025, 2), (ops.id, 2025, 2)}
    assert (await session.get(PersonDim, pseudonym)).registered_by_institution_id == pup.id  # the first
    shared = await _shared(client, analyst(""), "2025-02")
    assert shared["persons_served"] == 1 and shared["persons_pup_ops"] == 1 and shared["pup_ops_share"] == 1.0
    assert await _shared(client, analyst(""), "2025-03") == {}  # contacts count in their own month


async def test_an_update_keeps_the_contact_and_changes_the_dimensions(sessionmaker, session, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    person_id = uuid.uuid4()
    _person_event(feeds, "person.created", _person_payload(person_id, pup), "2025-02-10")
    _person_event(
        feeds, "person.updated", _person_payload(person_id, pup, sex="M", gmina="1261011"), "2025-04-01"
    )
    await ingest(sessionmaker, feeds, settings)
    pseudonym = ingestion.IngestContext.from_settings(settings).pseudonymise(person_id)
    person = await session.get(PersonDim, pseudonym)
    assert (person.sex, person.gmina, person.registered_by_institution_id) == ("M", "1261011", pup.id)
    assert await _contacts(session, pseudonym) == {(pup.id, 2025, 2)}  # an update is no new contact


async def test_a_merge_as_the_registry_publishes_it(sessionmaker, session, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ngo = feeds.institution("NGO", "1219053")
    survivor_id, merged_id = uuid.uuid4(), uuid.uuid4()
    _person_event(feeds, "person.created", _person_payload(survivor_id, pup), "2025-02-10")
    _person_event(
        feeds, "person.created", _person_payload(merged_id, ngo, birth_year=1970, sex="M"), "2025-03-10"
    )
    ref = feeds.referral(pup, ngo, merged_id, "debt_counselling").send("2025-03-12", due="2025-03-19")
    # The registry's person.merged: the survivor's payload (after the merge) + merged_person_id.
    _person_event(
        feeds,
        "person.merged",
        {**_person_payload(survivor_id, pup, gmina="1219043"), "merged_person_id": str(merged_id)},
        "2025-04-02",
    )
    results = await ingest(sessionmaker, feeds, settings)
    assert results["clients"].skipped == 0

    pseudonymise = ingestion.IngestContext.from_settings(settings).pseudonymise
    survivor, merged = pseudonymise(survivor_id), pseudonymise(merged_id)
    assert (await session.get(PersonDim, merged)).merged_into == survivor
    assert (await session.get(PersonDim, survivor)).gmina == "1219043"  # filled in by the merge
    assert (await session.get(ReferralFact, ref.id)).person_pseudonym == survivor
    assert await _contacts(session, merged) == set()
    assert await _contacts(session, survivor) == {(pup.id, 2025, 2), (ngo.id, 2025, 3)}


async def test_access_grants_use_the_registrys_names(sessionmaker, session, settings):
    feeds = Feeds()
    pup = feeds.institution("PUP", "1219053")
    ops = feeds.institution("OPS", "1219053")
    person_id = uuid.uuid4()
    _person_event(feeds, "person.created", _person_payload(person_id, pup), "2025-02-10")
    grant = event_example(
        "clients",
        "access.granted",
        grant_id=str(uuid.uuid4()),
        person_id=str(person_id),
        institution_id=str(ops.id),
        referral_id=str(uuid.uuid4()),
        granted_at="2025-03-05T10:00:00+00:00",
    )
    feeds.clients.append("access.granted", grant, occurred_at=at("2025-03-05"), aggregate_type="access_grant")
    results = await ingest(sessionmaker, feeds, settings)
    assert results["clients"].applied == 2 and results["clients"].skipped == 0
    pseudonym = ingestion.IngestContext.from_settings(settings).pseudonymise(person_id)
    assert await _contacts(session, pseudonym) == {(pup.id, 2025, 2), (ops.id, 2025, 3)}
