"""Retention: anonymisation of persons whose retention period has passed."""

import uuid
from datetime import timedelta

from sqlalchemy import select, update

from splot.clients.config import ClientsSettings
from splot.clients.models import CaseAttribute, ExternalRef, Person
from splot.clients.retention import anonymise_due
from splot.common.db import utcnow

from conftest import PESEL_JAN


async def test_stale_persons_are_anonymised_keeping_only_reporting_fields(world):
    pup, ngo = world.inst("PUP"), world.inst("NGO")
    headers = world.headers(pup)
    stale = await world.person(pup, external_id="PUP-1")
    granted = await world.person(pup, pesel=PESEL_JAN, first_name="Jan", sex=None)
    fresh = await world.person(pup, pesel=None, birth_date="1991-01-01", sex="M", first_name="Zenon")
    await world.client.put(
        f"/v1/persons/{stale['id']}/attributes/disability_degree", json={"value": "mild"}, headers=headers
    )
    await world.grant(granted["id"], ngo)
    old = utcnow() - timedelta(days=11)
    await world.session.execute(
        update(Person)
        .where(Person.id.in_([uuid.UUID(stale["id"]), uuid.UUID(granted["id"])]))
        .values(last_activity_at=old)
    )
    settings = ClientsSettings(retention_days=10)
    done = await anonymise_due(world.session, settings=settings)
    assert done == [uuid.UUID(stale["id"])]
    person = await world.session.get(Person, uuid.UUID(stale["id"]), populate_existing=True)
    assert person.status == "anonymised" and person.anonymised_at is not None
    assert (person.birth_year, person.sex, person.gmina) == (1985, "F", "1219053")
    for field in (
        "pesel",
        "first_name",
        "last_name",
        "first_name_norm",
        "birth_date",
        "phone",
        "street",
        "city",
    ):
        assert getattr(person, field) is None, field
    assert (
        await world.session.scalars(select(CaseAttribute).where(CaseAttribute.person_id == person.id))
    ).all() == []
    assert (
        await world.session.scalars(select(ExternalRef).where(ExternalRef.person_id == person.id))
    ).all() == []
    [event] = await world.events(stale["id"], "person.anonymised")
    assert event["payload"] == {
        "person_id": stale["id"],
        "birth_year": 1985,
        "sex": "F",
        "gmina": "1219053",
        "registering_institution_id": str(pup.id),
        "status": "anonymised",
    }
    assert (await world.client.get(f"/v1/persons/{stale['id']}", headers=headers)).status_code == 404
    summary = await world.client.get(f"/v1/internal/persons/{stale['id']}/summary", headers=world.service())
    assert summary.json()["status"] == "anonymised"
    assert (await world.client.get(f"/v1/persons/{fresh['id']}", headers=headers)).status_code == 200
    assert (await world.client.get(f"/v1/persons/{granted['id']}", headers=headers)).status_code == 200
    # Running again finds nothing more; the log records the anonymisation.
    assert await anonymise_due(world.session, settings=settings) == []
    [row] = await world.log(stale["id"], "anonymise")
    assert row.legal_basis == "retention"
